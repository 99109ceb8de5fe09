import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { resolvePeriod } from '../../../src/period/index.js';

/*
 * A range said in days is shown by day up to 62 days (two months' worth of bars), by week from
 * 63: counted in calendar days, so a day the clock goes back (25 hours) does not tip 62 days
 * over into weeks.
 */
describe('the default bucket of a range of days', () => {
  it.each([
    ['Europe/Athens', '1 September 2026 to 1 November 2026', 62, 62 * 24 + 1, 'day'],
    ['America/New_York', '1 October 2026 to 1 December 2026', 62, 62 * 24 + 1, 'day'],
    ['Europe/Athens', '1 June 2026 to 1 August 2026', 62, 62 * 24, 'day'],
    ['Europe/Athens', '1 March 2026 to 1 May 2026', 62, 62 * 24 - 1, 'day'],
    ['Europe/Athens', '1 June 2026 to 2 August 2026', 63, 63 * 24, 'week'],
    ['Europe/Athens', '31 August 2026 to 1 November 2026', 63, 63 * 24 + 1, 'week'],
  ])('in %s, “%s” (%i days, %i hours) is shown by %s', (zone, phrase, days, hours, unit) => {
    const period = resolvePeriod(phrase, { zone, weekStart: 1, now: Date.parse('2026-12-10T10:00:00Z') });
    const first = DateTime.fromMillis(period.start, { zone });
    const afterLast = DateTime.fromMillis(period.end + 1, { zone });
    expect([afterLast.diff(first, 'days').days, afterLast.diff(first, 'hours').hours]).toEqual([days, hours]);
    expect([first, afterLast].map((at) => at.toMillis() - at.startOf('day').toMillis())).toEqual([0, 0]);
    expect(period.unit).toBe(unit);
  });
});
