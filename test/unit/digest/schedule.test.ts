import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { CATCH_UP_MS, decide, digestWeek, retryDelay } from '../../../src/digest/due.js';
import { latestOccurrence, nextOccurrences, parseClockTime, weekKey } from '../../../src/digest/schedule.js';
import type { Weekday } from '../../../src/period/calendar.js';
import type { DigestSchedule, WeekRecord } from '../../../src/store/digest-schedules.js';
import { checkProperty } from '../../support/checked-property.js';
import { aDigestSchedule } from '../../support/digest-schedule.js';
import { TEST_ZONES } from '../../support/zones.js';

const at = (iso: string) => Date.parse(iso);
const utc = (ms: number) => new Date(ms).toISOString();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('the time a weekly slot comes round', () => {
  it.each([
    // zone, slot day, time, now (UTC), expected latest occurrence (UTC), why
    ['Europe/Athens', 1, '09:00', '2026-03-23T07:00:00Z', '2026-03-23T07:00:00Z', 'at the minute itself, in EET'],
    ['Europe/Athens', 1, '09:00', '2026-03-23T06:59:59Z', '2026-03-16T07:00:00Z', 'a second before: last week’s'],
    ['Europe/Athens', 1, '09:00', '2026-03-30T06:00:00Z', '2026-03-30T06:00:00Z', 'after the change, 09:00 EEST'],
    ['Europe/Athens', 0, '03:30', '2026-03-29T05:00:00Z', '2026-03-29T01:00:00Z', 'inside the spring gap: 04:00 EEST'],
    ['Europe/Athens', 0, '03:30', '2026-10-25T05:00:00Z', '2026-10-25T00:30:00Z', 'happens twice: the first one'],
    ['Europe/Athens', 0, '03:30', '2026-10-25T01:00:00Z', '2026-10-25T00:30:00Z', 'during the second 03:30'],
    ['America/New_York', 0, '02:30', '2026-03-08T12:00:00Z', '2026-03-08T07:00:00Z', 'spring gap: 03:00 EDT'],
    ['America/New_York', 0, '01:30', '2026-11-01T12:00:00Z', '2026-11-01T05:30:00Z', 'fall back: 01:30 EDT'],
    ['America/New_York', 1, '09:00', '2026-11-02T14:00:00Z', '2026-11-02T14:00:00Z', 'the Monday after: 09:00 EST'],
    ['America/New_York', 1, '09:00', '2026-11-02T13:30:00Z', '2026-10-26T13:00:00Z', 'before it: 09:00 EDT a week ago'],
    ['Australia/Lord_Howe', 0, '02:15', '2026-10-04T00:00:00Z', '2026-10-03T15:30:00Z', '30-minute gap: 02:30 +11'],
    [
      'Australia/Lord_Howe',
      0,
      '01:45',
      '2026-04-05T00:00:00Z',
      '2026-04-04T14:45:00Z',
      '30-minute fall back: the first',
    ],
    ['Australia/Lord_Howe', 1, '09:00', '2026-10-05T00:00:00Z', '2026-10-04T22:00:00Z', 'Monday 09:00 +11'],
    ['Australia/Lord_Howe', 1, '09:00', '2026-04-06T00:00:00Z', '2026-04-05T22:30:00Z', 'Monday 09:00 +10:30'],
  ])('%s, day %i at %s, as of %s: %s (%s)', (zone, day, time, now, expected) => {
    expect(utc(latestOccurrence(at(now), { day: day as Weekday, time }, zone))).toBe(new Date(expected).toISOString());
  });

  it.each([
    ['Europe/Athens', '2026-03-28T12:00:00Z', ['2026-03-30T06:00:00Z', '2026-04-06T06:00:00Z', '2026-04-13T06:00:00Z']],
    [
      'America/New_York',
      '2026-03-07T12:00:00Z',
      ['2026-03-09T13:00:00Z', '2026-03-16T13:00:00Z', '2026-03-23T13:00:00Z'],
    ],
    [
      'America/New_York',
      '2026-10-31T12:00:00Z',
      ['2026-11-02T14:00:00Z', '2026-11-09T14:00:00Z', '2026-11-16T14:00:00Z'],
    ],
    [
      'Australia/Lord_Howe',
      '2026-10-01T00:00:00Z',
      ['2026-10-04T22:00:00Z', '2026-10-11T22:00:00Z', '2026-10-18T22:00:00Z'],
    ],
  ])('the next three Mondays at 09:00 in %s after %s stay at 09:00 local across the change', (zone, now, expected) => {
    expect(nextOccurrences(at(now), { day: 1, time: '09:00' }, zone).map(utc)).toEqual(
      expected.map((e) => new Date(e).toISOString()),
    );
  });

  it('counts a slot at exactly now as come round, and the next one as strictly later', () => {
    const slot = { day: 1 as Weekday, time: '09:00' };
    const monday = at('2026-11-30T07:00:00Z');
    expect(latestOccurrence(monday, slot, 'Europe/Athens')).toBe(monday);
    expect(nextOccurrences(monday, slot, 'Europe/Athens', 1)).toEqual([at('2026-12-07T07:00:00Z')]);
  });

  it('reads only 24-hour HH:mm times', () => {
    expect(parseClockTime('09:00')).toEqual({ hour: 9, minute: 0 });
    expect(parseClockTime('23:59')).toEqual({ hour: 23, minute: 59 });
    for (const bad of ['9:00', '24:00', '12:60', '09:00:00', '', 'noon', ' 09:00'])
      expect(parseClockTime(bad)).toBeNull();
  });

  it('in any zone: the latest is not after now and the next is after it, on the slot’s weekday and time', () => {
    checkProperty(
      fc.tuple(
        fc.integer({ min: at('2000-01-01T00:00:00Z'), max: at('2040-01-01T00:00:00Z') }),
        fc.constantFrom(...TEST_ZONES),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
      ),
      ([now, zone, day, hour, minute]) => {
        const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
        const slot = { day: day as Weekday, time };
        const latest = latestOccurrence(now, slot, zone);
        const [next, after] = nextOccurrences(now, slot, zone, 2) as [number, number];
        expect(latest).toBeLessThanOrEqual(now);
        expect(next).toBeGreaterThan(now);
        // Consecutive: a week on the wall clock, so 7 days give or take one clock change.
        expect(Math.abs(next - latest - 7 * 24 * HOUR)).toBeLessThanOrEqual(HOUR);
        expect(Math.abs(after - next - 7 * 24 * HOUR)).toBeLessThanOrEqual(HOUR);
        for (const ms of [latest, next]) {
          const local = DateTime.fromMillis(ms, { zone });
          expect(local.weekday % 7).toBe(day);
          const wanted = DateTime.fromObject(
            { year: local.year, month: local.month, day: local.day, hour, minute },
            { zone },
          );
          // Luxon moves a skipped time forward by the gap; ours is the first minute after it: never later than Luxon's.
          if (wanted.hour === hour && wanted.minute === minute)
            expect(local.hour * 60 + local.minute).toBe(hour * 60 + minute);
          else expect(ms).toBeLessThanOrEqual(wanted.toMillis());
        }
      },
      { numRuns: 400 },
    );
  });
});

const schedule = (overrides: Partial<DigestSchedule> = {}) => aDigestSchedule('CMKT', overrides);
const athens = { zone: 'Europe/Athens', weekStart: 1 as Weekday };
const record = (overrides: Partial<WeekRecord>): WeekRecord => ({
  week: '2026-11-23',
  occurrence: at('2026-11-30T07:00:00Z'),
  state: 'waiting',
  attempts: 1,
  updatedAt: 0,
  ...overrides,
});

describe('whether this week’s digest is due', () => {
  const monday9 = at('2026-11-30T07:00:00Z');
  const weekOf = (now: number, s = schedule()) => digestWeek(now, s, athens);

  it('reports last week, keyed by its first day, from the slot’s point of view', () => {
    const week = weekOf(monday9 + 3 * HOUR);
    expect(week.occurrence).toBe(monday9);
    expect(week.week).toBe('2026-11-23');
    expect(weekKey(week.period)).toBe('2026-11-23');
    expect(week.period.unit).toBe('day');
  });

  it.each([
    ['a minute before the time (last week’s, already posted)', 'idle', monday9 - MINUTE, record({ state: 'posted' })],
    ['at the time', 'due', monday9, undefined],
    ['an hour late (caught up)', 'due', monday9 + HOUR, undefined],
    ['23 h 59 min late', 'due', monday9 + CATCH_UP_MS - MINUTE, undefined],
    ['24 h late', 'missed', monday9 + CATCH_UP_MS, undefined],
    ['already posted', 'idle', monday9 + HOUR, record({ state: 'posted' })],
    ['stopped (refused login)', 'idle', monday9 + HOUR, record({ state: 'stopped' })],
    ['recorded missed', 'idle', monday9 + 30 * HOUR, record({ state: 'missed' })],
    ['waiting, retry time reached', 'due', monday9 + HOUR, record({ nextAttemptAt: monday9 + HOUR })],
    ['waiting past 24 h', 'missed', monday9 + CATCH_UP_MS, record({ nextAttemptAt: monday9 + 25 * HOUR })],
  ] as const)('%s → %s', (_what, expected, now, rec) => {
    const week = weekOf(now);
    expect(decide(now, schedule(), week, rec ? { ...rec, week: week.week } : undefined).kind).toBe(expected);
  });

  it('waits for the next attempt while a failure is being retried', () => {
    const now = monday9 + 10 * MINUTE;
    expect(decide(now, schedule(), weekOf(now), record({ nextAttemptAt: monday9 + 20 * MINUTE }))).toEqual({
      kind: 'retry-later',
      at: monday9 + 20 * MINUTE,
    });
  });

  it('never goes out when switched off or paused, nor for a slot before it was set up', () => {
    const now = monday9 + HOUR;
    expect(decide(now, schedule({ enabled: false }), weekOf(now), undefined).kind).toBe('idle');
    const paused = schedule({ paused: { reason: 'is_archived', at: monday9 - HOUR } });
    expect(decide(now, paused, weekOf(now), undefined).kind).toBe('idle');
    expect(decide(now, schedule({ activeSince: monday9 + MINUTE }), weekOf(now), undefined).kind).toBe('idle');
    // …but a retry already under way for this week goes on after an edit.
    const edited = schedule({ activeSince: monday9 + MINUTE });
    expect(decide(now, edited, weekOf(now), record({ nextAttemptAt: now })).kind).toBe('due');
  });

  it('backs off 5 minutes, 15 minutes, then hourly', () => {
    expect([1, 2, 3, 4, 10].map(retryDelay)).toEqual([5 * MINUTE, 15 * MINUTE, HOUR, HOUR, HOUR]);
  });
});
