import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { resolvePeriod } from '../../../src/period/index.js';
import { refusalOf } from '../../support/period-refusal.js';

/*
 * One end of a range said with its year, the other without: the yearless end takes the year
 * that makes a range running forward ("4 March to 3 March 2025" is a year long, from 2024). A
 * 29 February that no such year has is refused as a date that does not exist.
 */

const zone = 'Europe/Athens';
const asked = (nowIso: string) => ({ zone, weekStart: 1 as const, now: Date.parse(nowIso) });

describe('a range with the year said at one end only', () => {
  it.each([
    ['4 March to 3 March 2025', '2024-03-04', '2025-03-03', 365],
    ['3 March to 3 March 2025', '2025-03-03', '2025-03-03', 1],
    ['2 March to 3 March 2025', '2025-03-02', '2025-03-03', 2],
    ['1 March 2025 to 28 February', '2025-03-01', '2026-02-28', 365],
    // The year said inside "week of …" is the year of that end.
    ['3 March to week of 10 March 2025', '2025-03-03', '2025-03-16', 14],
  ])('“%s” runs from %s to %s, %i days', (phrase, first, last, days) => {
    const period = resolvePeriod(phrase, asked('2026-11-27T10:00:00Z'));
    const start = DateTime.fromISO(first, { zone });
    const afterLast = DateTime.fromISO(last, { zone }).plus({ days: 1 });
    expect([period.start, period.end + 1]).toEqual([start.toMillis(), afterLast.toMillis()]);
    expect(afterLast.diff(start, 'days').days).toBe(days);
    expect(period.count).toBe(days);
  });

  it.each([['1 March 2025 to Feb 29'], ['Feb 29 to Mar 3 2027']])(
    '“%s” is refused: no year next to it has a 29 February',
    (phrase) => {
      expect(refusalOf(phrase, asked('2026-11-27T10:00:00Z'))).toEqual({
        code: 'unparseable',
        problem: 'That date does not exist.',
      });
    },
  );
});

describe('29 February said without a year', () => {
  it.each([
    // 2100 is no leap year, and 29 February 2104 has not come yet: the latest is eight years back.
    ['2104-02-10T10:00:00Z', '2096-02-29'],
    ['2104-03-01T10:00:00Z', '2104-02-29'],
  ])('asked at %s is %s', (now, day) => {
    const period = resolvePeriod('29 Feb', asked(now));
    expect(period.start).toBe(DateTime.fromISO(day, { zone }).toMillis());
    expect(period.end + 1).toBe(DateTime.fromISO(day, { zone }).plus({ days: 1 }).toMillis());
  });
});
