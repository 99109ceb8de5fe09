import { DateTime, type DurationLikeObject } from 'luxon';
import { describe, expect, it } from 'vitest';
import { comparisonFor, isRunning, resolvePeriod } from '../../../src/period/index.js';

/*
 * A period still running is compared with as much of the previous one as has passed of it, on
 * the calendar: whole months first, then days, then the time of day, to the end of that hour.
 * "This quarter so far" on 10 March is compared with last quarter up to 10 December, not with
 * its first 68 days (8 December); "this year so far" on 10 March 2025 with 2024 up to 10 March,
 * leap day and all. Expectations are Luxon's calendar arithmetic.
 */

const zone = 'Europe/Athens';

describe('the slice a running period is compared with, asked Monday 10 March 2025 at 12:20', () => {
  it.each([
    ['this quarter so far', '2024-10-01', { months: 2, days: 9, hours: 13 }],
    ['this quarter', '2024-10-01', { months: 2, days: 9, hours: 13 }],
    ['this year so far', '2024-01-01', { months: 2, days: 9, hours: 13 }],
    ['this month so far', '2025-02-01', { days: 9, hours: 13 }],
    ['this week', '2025-03-03', { hours: 13 }],
  ])('“%s” is compared with %s and the %j after it', (phrase, previousStart, elapsed) => {
    const now = DateTime.fromISO('2025-03-10T12:20', { zone });
    const period = resolvePeriod(phrase, { zone, weekStart: 1, now: now.toMillis() });
    const c = comparisonFor(period, now.toMillis());
    const start = DateTime.fromISO(previousStart, { zone });
    expect(c.sameElapsed).toBe(true);
    expect([c.start, c.endExclusive]).toEqual([start.toMillis(), start.plus(elapsed as DurationLikeObject).toMillis()]);
  });
});

describe('a period is running from its first millisecond to its last', () => {
  it.each([
    [-1, true],
    [0, true],
    [1, false],
  ])('“this week” in Kathmandu, %i ms from its last millisecond, is running: %s', (offset, running) => {
    const monday = DateTime.fromISO('2025-03-10T12:00', { zone: 'Asia/Kathmandu' });
    const period = resolvePeriod('this week', { zone: 'Asia/Kathmandu', weekStart: 1, now: monday.toMillis() });
    const lastMs = monday.startOf('week').plus({ weeks: 1 }).toMillis() - 1;
    expect(period.end).toBe(lastMs);
    expect(isRunning(period, lastMs + offset)).toBe(running);
    expect(comparisonFor(period, lastMs + offset).sameElapsed).toBe(running);
  });

  it('is not running before its first millisecond', () => {
    const monday = DateTime.fromISO('2025-03-10T12:00', { zone: 'Asia/Kathmandu' });
    const period = resolvePeriod('this week', { zone: 'Asia/Kathmandu', weekStart: 1, now: monday.toMillis() });
    expect(period.start).toBe(monday.startOf('week').toMillis());
    expect([isRunning(period, period.start - 1), isRunning(period, period.start)]).toEqual([false, true]);
  });
});
