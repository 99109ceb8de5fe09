import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATCH_UP_MS, decide, digestWeek, nextLookAt } from '../../../src/digest/due.js';
import { nextOccurrences } from '../../../src/digest/schedule.js';
import type { Weekday } from '../../../src/period/calendar.js';
import type { DigestSchedule, WeekRecord, WeekState } from '../../../src/store/digest-schedules.js';
import { checkProperty } from '../../support/checked-property.js';
import { aDigestSchedule } from '../../support/digest-schedule.js';
import { TEST_ZONES } from '../../support/zones.js';

const at = (iso: string) => Date.parse(iso);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const ATHENS = { zone: 'Europe/Athens', weekStart: 1 as Weekday };

/** When the digest next needs a look in Athens, as of `now`, with the record of the week `now` falls in. */
function lookAt(now: string, schedule: DigestSchedule, record?: Partial<WeekRecord>): number | null {
  const week = digestWeek(at(now), schedule, ATHENS);
  const full = record && { week: week.week, occurrence: week.occurrence, attempts: 1, updatedAt: 0, ...record };
  return nextLookAt(at(now), schedule, ATHENS.zone, week, full as WeekRecord | undefined);
}

describe('when a digest next needs a look', () => {
  const schedule = aDigestSchedule('C1'); // Mondays 09:00, set up long ago

  it.each([
    [
      '2026-11-30T08:59:00+02:00',
      { state: 'posted' },
      '2026-11-30T09:00:00+02:00',
      'a minute before its time, last week’s posted: at its time',
    ],
    ['2026-11-30T09:00:00+02:00', undefined, '2026-11-30T09:00:00+02:00', 'at its time, nothing on record: now'],
    ['2026-11-30T15:30:00+02:00', undefined, '2026-11-30T15:30:00+02:00', 'late, within 24 hours: now (catch up)'],
    ['2026-12-01T09:00:00+02:00', undefined, '2026-12-01T09:00:00+02:00', '24 hours late: now (recorded missed)'],
    ['2026-11-30T09:01:00+02:00', { state: 'posted' }, '2026-12-07T09:00:00+02:00', 'posted: next week'],
    ['2026-11-30T09:01:00+02:00', { state: 'missed' }, '2026-12-07T09:00:00+02:00', 'missed: next week'],
    ['2026-11-30T09:01:00+02:00', { state: 'posting' }, '2026-11-30T09:01:00+02:00', 'left posting: now'],
    [
      '2026-11-30T09:01:00+02:00',
      { state: 'waiting', nextAttemptAt: at('2026-11-30T09:05:00+02:00') },
      '2026-11-30T09:05:00+02:00',
      'waiting: its next attempt',
    ],
    [
      '2026-12-01T08:30:00+02:00',
      { state: 'waiting', nextAttemptAt: at('2026-12-01T09:30:00+02:00') },
      '2026-12-01T09:00:00+02:00',
      'waiting past its 24 hours: when they end',
    ],
  ] as const)('%s with %j: %s (%s)', (now, record, expected, _why) => {
    expect(lookAt(now, schedule, record as Partial<WeekRecord> | undefined)).toBe(at(expected));
  });

  it('is the next slot for a digest set up after this week’s came round, and never for one off or paused', () => {
    const setUpLate = { ...schedule, activeSince: at('2026-11-30T10:00:00+02:00') };
    expect(lookAt('2026-11-30T10:00:00+02:00', setUpLate)).toBe(at('2026-12-07T09:00:00+02:00'));
    expect(lookAt('2026-11-30T09:00:00+02:00', { ...schedule, enabled: false })).toBeNull();
    const paused = { ...schedule, paused: { reason: 'is_archived' as const, at: 0 } };
    expect(lookAt('2026-11-30T09:00:00+02:00', paused)).toBeNull();
  });

  it('is a time the clocks skip at the first minute after the gap', () => {
    const skipped = { ...schedule, day: 0 as Weekday, time: '03:30', activeSince: at('2026-03-01T00:00:00Z') };
    expect(lookAt('2026-03-29T00:30:00Z', skipped, { state: 'posted' })).toBe(at('2026-03-29T01:00:00Z')); // 04:00 EEST
  });

  it('is never later than a minute at which the digest would act: nothing due is passed over', () => {
    const states: (WeekState | 'none')[] = ['none', 'posted', 'posting', 'uncertain', 'waiting', 'stopped', 'missed'];
    checkProperty(
      fc.record({
        now: fc.integer({ min: at('2026-01-01T00:00:00Z'), max: at('2027-12-31T00:00:00Z') }),
        zone: fc.constantFrom(...TEST_ZONES),
        weekStart: fc.integer({ min: 0, max: 6 }),
        day: fc.integer({ min: 0, max: 6 }),
        hour: fc.integer({ min: 0, max: 23 }),
        minute: fc.integer({ min: 0, max: 59 }),
        setUpAgo: fc.integer({ min: -10 * 24 * HOUR, max: 30 * 24 * HOUR }),
        state: fc.constantFrom(...states),
        retryIn: fc.integer({ min: 1, max: 3 * HOUR }),
        samples: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 40, maxLength: 40 }),
      }),
      (c) => {
        const time = `${String(c.hour).padStart(2, '0')}:${String(c.minute).padStart(2, '0')}`;
        const slot = aDigestSchedule('C1', { day: c.day as Weekday, time, activeSince: c.now - c.setUpAgo });
        const calendar = { zone: c.zone, weekStart: c.weekStart as Weekday };
        const week = digestWeek(c.now, slot, calendar);
        const record: WeekRecord | undefined =
          c.state === 'none'
            ? undefined
            : {
                week: week.week,
                occurrence: week.occurrence,
                state: c.state,
                attempts: 1,
                updatedAt: c.now,
                ...(c.state === 'waiting' ? { nextAttemptAt: c.now + c.retryIn } : {}),
              };
        const next = nextLookAt(c.now, slot, c.zone, week, record);
        expect(next).not.toBeNull();
        const until = next ?? c.now;
        expect(until).toBeGreaterThanOrEqual(c.now);
        // Where decide's answer can change: the slot's next times, the retry, the end of the 24 hours.
        const edges = [...nextOccurrences(c.now, slot, c.zone, 2), c.now + c.retryIn, week.occurrence + CATCH_UP_MS];
        const moments = [
          c.now,
          until - 1,
          ...edges.flatMap((edge) => [edge - 1, edge]),
          ...c.samples.map((f) => c.now + Math.floor(f * (until - c.now))),
        ].filter((m) => m >= c.now && m < until);
        for (const moment of moments) {
          const then = digestWeek(moment, slot, calendar);
          // Nothing runs before `next`: the record stays as it is, and a later week has none yet.
          const kept = then.week === week.week ? record : undefined;
          const decision = decide(moment, slot, then, kept).kind;
          expect(['idle', 'retry-later'], `${new Date(moment).toISOString()} in ${c.zone}`).toContain(decision);
        }
      },
      { numRuns: 300 },
    );
  });
});
