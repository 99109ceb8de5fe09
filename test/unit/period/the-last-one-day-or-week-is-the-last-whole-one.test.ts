import { DateTime, type DurationLikeObject } from 'luxon';
import { describe, expect, it } from 'vitest';
import { resolvePeriod } from '../../../src/period/index.js';

/*
 * "The last 1 day" is a period like "the last 7 days", one step long: the last whole day
 * (yesterday), week, month, quarter or year before the current one, named as such.
 */
describe('a trailing count of one, asked Friday 27 November 2026 in Kathmandu', () => {
  it.each([
    ['last 1 day', { days: 1 }, 'day', 'Yesterday'],
    ['last a day', { days: 1 }, 'day', 'Yesterday'],
    ['past 1 week', { weeks: 1 }, 'week', 'Last week'],
    ['the last one month', { months: 1 }, 'month', 'Last month'],
    ['last one quarter', { quarters: 1 }, 'quarter', 'Last quarter'],
    ['last 1 year', { years: 1 }, 'year', 'Last year'],
  ] as const)('“%s” is the %s before the current one, “%s”', (phrase, length, step, title) => {
    const zone = 'Asia/Kathmandu';
    const now = DateTime.fromISO('2026-11-27T12:00', { zone });
    const period = resolvePeriod(phrase, { zone, weekStart: 1, now: now.toMillis() });
    const current = now.startOf(step === 'week' ? 'week' : step);
    const first = current.minus(length as DurationLikeObject);
    expect([period.start, period.end + 1]).toEqual([first.toMillis(), current.toMillis()]);
    expect(period.title).toBe(title);
  });
});
