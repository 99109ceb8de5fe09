import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Weekday } from '../../../src/period/calendar.js';
import { PeriodError, resolvePeriod } from '../../../src/period/index.js';

const ZONE = 'Asia/Kolkata';
/** Friday 27 November 2026, in Kolkata. */
const november = () => ({ zone: ZONE, weekStart: 1 as Weekday, now: Date.parse('2026-11-27T10:00:00Z') });

/** The first instant of `first` and the last of `last`, in Kolkata, by Luxon. */
function days(first: string, last: string): [number, number] {
  return [
    DateTime.fromISO(first, { zone: ZONE }).startOf('day').toMillis(),
    DateTime.fromISO(last, { zone: ZONE }).endOf('day').toMillis(),
  ];
}

describe('chrono’s phrases that name only a year, or only a month, are that whole year or month', () => {
  it.each([
    ['a yr ago', '2025-01-01', '2025-12-31'],
    ['1 year before', '2025-01-01', '2025-12-31'],
    ['a year earlier', '2025-01-01', '2025-12-31'],
    ['-1 year', '2025-01-01', '2025-12-31'],
    ['a yr ago by month', '2025-01-01', '2025-12-31'],
    ['3 mos ago', '2026-08-01', '2026-08-31'],
  ])('on 27 November 2026, “%s” runs from %s to %s', (phrase, first, last) => {
    const period = resolvePeriod(phrase, november());
    expect([period.start, period.end]).toEqual(days(first, last));
  });

  it('“in a year” is next year, which has not started', () => {
    let error: unknown;
    try {
      resolvePeriod('in a year', november());
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(PeriodError);
    expect((error as PeriodError).problem).toBe('1 Jan – 31 Dec 2027 hasn’t started yet; reports look back.');
  });
});
