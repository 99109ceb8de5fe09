import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHECK_EVERY_MS } from '../../../src/alerts/check.js';
import { todayAt } from '../../../src/alerts/local-hours.js';
import { nextCheckAt } from '../../../src/alerts/next-check.js';
import { inQuietHours, quietHoursEnd } from '../../../src/alerts/quiet-hours.js';
import { checkProperty } from '../../support/checked-property.js';
import { TEST_ZONES } from '../../support/zones.js';

const at = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;
const slotOf = (ms: number) => Math.floor(ms / CHECK_EVERY_MS);

describe('when a workspace’s alerts next need a check', () => {
  const athens = 'Europe/Athens';
  const night = { quietHours: { from: '22:00', to: '07:00' } };

  it.each([
    ['2026-11-30T10:05:00+02:00', {}, undefined, '2026-11-30T10:05:00+02:00', 'never checked: now'],
    ['2026-11-30T10:05:00+02:00', {}, '2026-11-30T10:00:00+02:00', '2026-11-30T10:15:00+02:00', 'checked: next slot'],
    ['2026-11-30T10:20:00+02:00', {}, '2026-11-30T10:00:00+02:00', '2026-11-30T10:20:00+02:00', 'slot gone by: now'],
    ['2026-11-30T23:05:00+02:00', night, undefined, '2026-12-01T07:00:00+02:00', 'quiet: when quiet hours end'],
    ['2026-12-01T03:05:00+02:00', night, undefined, '2026-12-01T07:00:00+02:00', 'quiet after midnight: the same'],
    ['2026-11-30T00:20:00+02:00', {}, undefined, '2026-11-30T01:00:00+02:00', 'before 01:00: at 01:00'],
  ] as const)('%s with %j, slot of %s checked: %s (%s)', (now, settings, checked, expected, _why) => {
    const state = checked === undefined ? undefined : { checkedSlot: slotOf(at(checked)) };
    expect(nextCheckAt(at(now), settings, athens, state)).toBe(at(expected));
  });

  it('ends quiet hours at a time the clocks skip at the first instant after the jump', () => {
    // Athens springs from 03:00 to 04:00 on 29 March 2026; quiet hours until 03:30 end at 04:00 EEST.
    const quiet = { from: '01:00', to: '03:30' };
    expect(quietHoursEnd(at('2026-03-29T02:30:00+02:00'), quiet, athens)).toBe(at('2026-03-29T04:00:00+03:00'));
  });

  it('is never later than a moment at which a check would look: no check it needs is passed over', () => {
    const clock = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45, 7, 52));
    const time = ([h, m]: [number, number]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
    checkProperty(
      fc.record({
        now: fc.integer({ min: at('2026-01-01T00:00:00Z'), max: at('2027-12-31T00:00:00Z') }),
        zone: fc.constantFrom(...TEST_ZONES),
        quiet: fc.option(fc.tuple(clock, clock), { nil: undefined }),
        checked: fc.constantFrom('this slot', 'the slot before', 'never'),
        samples: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 40, maxLength: 40 }),
      }),
      (c) => {
        const quietHours = c.quiet && { from: time(c.quiet[0]), to: time(c.quiet[1]) };
        const checkedSlot = { 'this slot': slotOf(c.now), 'the slot before': slotOf(c.now) - 1, never: -1 }[c.checked];
        const next = nextCheckAt(c.now, { quietHours }, c.zone, { checkedSlot });
        expect(next).toBeGreaterThanOrEqual(c.now);
        expect(next - c.now).toBeLessThanOrEqual(25 * HOUR);
        const moments = [c.now, next - 1, ...c.samples.map((f) => c.now + Math.floor(f * (next - c.now)))].filter(
          (m) => m >= c.now && m < next,
        );
        for (const moment of moments) {
          // What runAlertCheck skips: quiet hours, before 01:00, a slot already checked.
          const skipped =
            inQuietHours(moment, quietHours, c.zone) ||
            todayAt(moment, c.zone).hour === 0 ||
            slotOf(moment) === checkedSlot;
          expect(skipped, `${new Date(moment).toISOString()} in ${c.zone}`).toBe(true);
        }
      },
      { numRuns: 500 },
    );
  });
});
