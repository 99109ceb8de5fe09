import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { resolvePeriod } from '../../../src/period/index.js';

/*
 * "The last week", "the previous month", "the current month": with "the" in front they are the
 * same calendar periods as without it, not this week by default.
 */
describe('a relative period said with “the”, on Friday 27 November 2026 in Chatham', () => {
  it.each([
    ['the last week', 'week', -1, 'Last week'],
    ['the previous month', 'month', -1, 'Last month'],
    ['the past year', 'year', -1, 'Last year'],
    ['the last quarter', 'quarter', -1, 'Last quarter'],
    ['the current month', 'month', 0, 'This month'],
  ] as const)('“%s” is the %s %i from this one, “%s”', (phrase, step, shift, title) => {
    const zone = 'Pacific/Chatham';
    const now = DateTime.fromISO('2026-11-27T12:00', { zone });
    const period = resolvePeriod(phrase, { zone, weekStart: 1, now: now.toMillis() });
    const first = now.startOf(step).plus({ [`${step}s`]: shift });
    expect([period.start, period.end + 1, period.title]).toEqual([
      first.toMillis(),
      first.plus({ [`${step}s`]: 1 }).toMillis(),
      title,
    ]);
  });
});
