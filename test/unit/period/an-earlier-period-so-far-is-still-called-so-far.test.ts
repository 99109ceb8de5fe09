import { DateTime, type DurationLikeObject } from 'luxon';
import { describe, expect, it } from 'vitest';
import { type Period, previousPeriod, resolvePeriod } from '../../../src/period/index.js';

/*
 * "Last month so far" is the start of last month, as far into it on the calendar (whole months,
 * then days) as today is into this one: its name keeps "so far", or it would read as the whole
 * month its numbers do not cover. So do the periods before it, reached with the ◀ button
 * ("January 2026 so far", "2024 so far").
 */

const zone = 'Europe/Athens';
/** Steps back `times` periods from the one `phrase` names at `now`. */
function stepBack(phrase: string, now: number, times: number): Period {
  let period = resolvePeriod(phrase, { zone, weekStart: 1, now });
  for (let i = 0; i < times; i++) period = previousPeriod(period, now);
  return period;
}

describe('a “so far” period before the current one, asked on Tuesday 10 March 2026', () => {
  it.each([
    ['last month so far', 0, 'Last month so far', '2026-02-01', { days: 10 }],
    ['last year to date', 0, 'Last year so far', '2025-01-01', { months: 2, days: 10 }],
    ['previous quarter so far', 0, 'Last quarter so far', '2025-10-01', { months: 2, days: 10 }],
    ['this month so far', 1, 'Last month so far', '2026-02-01', { days: 10 }],
    ['this month so far', 2, 'January 2026 so far', '2026-01-01', { days: 10 }],
    ['this quarter so far', 2, 'Q3 2025 so far', '2025-07-01', { months: 2, days: 10 }],
    // To 10 March in a leap year too, though that is 70 days from 1 January.
    ['this year so far', 2, '2024 so far', '2024-01-01', { months: 2, days: 10 }],
  ])('“%s”, %i back, is “%s”: %s and the days after it', (phrase, back, title, first, length) => {
    const now = DateTime.fromISO('2026-03-10T12:00', { zone }).toMillis();
    const period = stepBack(phrase, now, back);
    // Today is 10 days into March and 2 months and 10 days into the quarter and the year.
    const start = DateTime.fromISO(first, { zone });
    expect(period.start).toBe(start.toMillis());
    expect(period.end).toBe(start.plus(length as DurationLikeObject).toMillis() - 1);
    expect(period.title).toBe(title);
    expect(period.toDate).toBe(true);
  });
});
