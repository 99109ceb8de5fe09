import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { nextPeriod, resolvePeriod } from '../../../src/period/index.js';

/*
 * The ▶ button offers the period after the one shown as soon as that one has begun: at its very
 * first millisecond (midnight where the clock reads it), not a moment later; a millisecond
 * before, there is nothing to offer.
 */
describe('the period after yesterday, in Santiago on the day its clock skips midnight', () => {
  it.each([
    [0, 'Today'],
    [1, 'Today'],
  ])('%i ms after today began is offered, “%s”', (after, title) => {
    const zone = 'America/Santiago';
    // 6 September 2026: the clock jumps from 00:00 to 01:00; the day begins at 01:00.
    const today = DateTime.fromISO('2026-09-06T01:00', { zone });
    expect(today.startOf('day').toMillis()).toBe(today.toMillis());
    const now = today.toMillis() + after;
    const yesterday = resolvePeriod('yesterday', { zone, weekStart: 1, now });
    const next = nextPeriod(yesterday, now);
    expect([next?.start, next?.end, next?.title]).toEqual([
      today.toMillis(),
      today.plus({ days: 1 }).startOf('day').toMillis() - 1,
      title,
    ]);
  });

  it('is not offered a millisecond before today begins', () => {
    const zone = 'America/Santiago';
    const today = DateTime.fromISO('2026-09-06T01:00', { zone });
    const dayBefore = resolvePeriod('yesterday', { zone, weekStart: 1, now: today.toMillis() });
    expect(nextPeriod(dayBefore, today.toMillis() - 1)).toBeNull();
  });
});
