import { describe, expect, it } from 'vitest';
import { assess } from '../../../src/alerts/assess.js';
import {
  countBy,
  type HourlyDay,
  quietSince,
  recordedHistory,
  todayAt,
  wallHourOn,
  weeksBefore,
} from '../../../src/alerts/local-hours.js';
import { bucketStarts, windowAround } from '../../../src/period/calendar.js';

const ATHENS = 'Europe/Athens';
const at = (iso: string) => Date.parse(iso);

/** A local day cut into hours as Tellody cuts it, every hour holding `perHour(i)` of each series. */
function day(dateIso: string, perHour: (i: number, start: number) => number = () => 1, zone = ATHENS): HourlyDay {
  const cal = { zone, weekStart: 1 as const };
  const { from, to } = windowAround(at(`${dateIso}T12:00:00Z`), 'day', cal);
  const hourStarts = bucketStarts(from, to + 1, 'hour', cal);
  const series = hourStarts.map((start, i) => perHour(i, start));
  return {
    start: from,
    hourStarts,
    counts: { contactsAdded: series, groupsAdded: series, contactsServed: series, contactsBlocked: series },
  };
}

describe('counts up to a local wall hour', () => {
  it.each([
    // date, wall hour, hours counted, why
    ['2026-11-29', 11, 11, 'an ordinary day: eleven hours before 11:00'],
    ['2026-11-29', 24, 24, 'the whole of an ordinary day'],
    ['2026-03-29', 3, 3, 'spring forward: 00, 01, 02 before the clocks jump from 03:00 to 04:00'],
    ['2026-03-29', 4, 3, '…so 04:00 comes with only three hours behind it'],
    ['2026-03-29', 11, 10, '…and 11:00 with ten'],
    ['2026-03-29', 24, 23, 'a 23-hour day'],
    ['2026-10-25', 3, 3, 'fall back: 03:00 the first time'],
    ['2026-10-25', 4, 5, '…04:00 after 03:00–04:00 twice'],
    ['2026-10-25', 11, 12, '…and 11:00 with twelve hours behind it'],
    ['2026-10-25', 24, 25, 'a 25-hour day'],
  ])('%s by %i:00 in Athens counts %i hourly buckets (%s)', (date, hour, counted) => {
    expect(countBy(day(date), 'contactsAdded', hour, ATHENS)).toBe(counted);
  });

  it('finds where the clock first reads an hour, the day after for 24', () => {
    const fallBack = day('2026-10-25');
    expect(new Date(wallHourOn(fallBack.start, 3, ATHENS)).toISOString()).toBe('2026-10-25T00:00:00.000Z');
    expect(new Date(wallHourOn(fallBack.start, 24, ATHENS)).toISOString()).toBe('2026-10-25T22:00:00.000Z');
    const spring = day('2026-03-29');
    expect(new Date(wallHourOn(spring.start, 3, ATHENS)).toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });
});

describe('where today stands', () => {
  it.each([
    ['2026-11-30T09:07:00Z', '2026-11-30', 11, 1, 'Monday 11:07 EET compares by 11:00'],
    ['2026-11-29T22:30:00Z', '2026-11-30', 0, 1, 'half past midnight: no whole hour yet'],
    ['2026-10-25T00:30:00Z', '2026-10-25', 3, 0, 'the first 03:30 of a fall-back Sunday'],
    ['2026-10-25T01:30:00Z', '2026-10-25', 3, 0, 'the second 03:30'],
    ['2026-03-29T01:30:00Z', '2026-03-29', 4, 0, '04:30 on a spring-forward Sunday'],
  ])('at %s it is %s, by %i:00, weekday %i (%s)', (now, date, hour, weekday) => {
    expect(todayAt(at(now), ATHENS)).toMatchObject({ date, hour, weekday });
  });

  it('goes back whole local weeks across a clock change, to local midnight', () => {
    const monday = todayAt(at('2026-11-02T10:00:00Z'), ATHENS).start;
    expect(new Date(weeksBefore(monday, 8, ATHENS)).toISOString()).toBe('2026-09-06T21:00:00.000Z');
    expect(new Date(weeksBefore(monday, 1, ATHENS)).toISOString()).toBe('2026-10-25T22:00:00.000Z');
  });
});

describe('history and quiet spells', () => {
  it('starts the history at the first day with any activity, and keeps a holiday after it', () => {
    const none = day('2026-11-02', () => 0);
    const some = day('2026-11-09');
    const days = [none, none, some, none, some];
    expect(recordedHistory(days)).toEqual([some, none, some]);
    expect(recordedHistory([none, none])).toEqual([]);
  });

  it.each([
    [(i: number) => (i < 9 ? 1 : 0), 11, 9, 'none since 09:00'],
    [(i: number) => (i < 10 ? 1 : 0), 11, 10, 'none in the last hour'],
    [() => 1, 11, null, 'some in the last hour'],
    [() => 0, 11, 0, 'none all day'],
  ])('%s by %i:00 → %s (%s)', (perHour, hour, since, _why) => {
    expect(quietSince(day('2026-11-30', perHour), 'contactsAdded', hour, ATHENS)).toBe(since);
  });
});

describe('a daylight-saving day against ordinary ones', () => {
  const sundays = ['2026-08-30', '2026-09-06', '2026-09-13', '2026-09-20', '2026-09-27', '2026-10-04', '2026-10-11'];
  const ordinary = [...sundays, '2026-10-18'].map((date) => day(date, () => 10));
  const input = (today: HourlyDay, hour: number) => ({
    today,
    weeksBefore: ordinary,
    hour,
    weekday: 0,
    zone: ATHENS,
    sensitivity: 'normal' as const,
  });

  it.each([
    ['2026-10-25', 11, 120, 'the 25-hour day has an hour more behind 11:00: normal'],
    ['2026-03-29', 11, 100, 'the 23-hour day has an hour less: normal'],
  ])('%s by %i:00: %i against a usual 110 (%s)', (date, hour, observed) => {
    const { judgement, finding } = assess(
      input(
        day(date, () => 10),
        hour,
      ),
      'contactsServed',
    );
    expect(finding.observed).toBe(observed);
    expect(finding.usual).toBe(110);
    expect(judgement.kind).toBe('normal');
  });

  it('still catches a spike on the day the clocks go back', () => {
    const nineAm = at('2026-10-25T07:00:00Z');
    const spiked = day('2026-10-25', (_, start) => (start >= nineAm ? 50 : 10));
    const { judgement, finding } = assess(input(spiked, 12), 'contactsServed');
    expect(judgement.kind).toBe('anomalous');
    expect(finding).toMatchObject({ way: 'up', observed: 10 * 10 + 3 * 50, usual: 120 });
  });

  it('draws today up to the hour and the usual band for the whole day', () => {
    const { finding } = assess(
      input(
        day('2026-10-25', () => 10),
        11,
      ),
      'contactsServed',
    );
    expect(finding.hours).toHaveLength(24);
    expect(finding.hours[10]).toMatchObject({ hour: 11, today: 120, median: 110 });
    expect(finding.hours[11]?.today).toBeNull();
    expect(finding.hours[23]?.median).toBe(240);
    for (const point of finding.hours) expect(point.low).toBeLessThanOrEqual(point.median);
    for (const point of finding.hours) expect(point.high).toBeGreaterThanOrEqual(point.median);
  });
});
