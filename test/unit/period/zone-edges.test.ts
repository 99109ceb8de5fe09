import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { floorTo, type Weekday } from '../../../src/period/calendar.js';
import {
  comparisonOrNull,
  PeriodError,
  periodBuckets,
  previousPeriod,
  previousPeriodOrNull,
  resolvePeriod,
} from '../../../src/period/index.js';

const iso = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toISO();
const later = Date.parse('2026-11-27T10:00:00Z');
const resolveIn = (zone: string, phrase: string, now = later, weekStart: Weekday = 1) =>
  resolvePeriod(phrase, { zone, weekStart, now });

function refusal(zone: string, phrase: string): string {
  try {
    resolveIn(zone, phrase);
  } catch (error) {
    if (error instanceof PeriodError) return error.code;
    throw error;
  }
  return 'resolved';
}

/** Wall-clock midnight of `date` happens twice in `zone`: the tz data this test relies on. */
const midnightTwice = (zone: string, date: string) =>
  DateTime.fromISO(`${date}T00:00`, { zone }).getPossibleOffsets().length === 2;

describe('a midnight that happens twice starts its day at the first one', () => {
  // The clock goes back over midnight: east of UTC (Amman, Gaza, the Antarctic stations), and
  // west of it (Havana, the Azores), where the day always began at the first midnight.
  it.each([
    ['Asia/Amman', '30 October 2020', '2020-10-30T00:00:00.000+03:00', '2020-10-30T23:59:59.999+02:00', 25],
    ['Asia/Gaza', '24 October 2020', '2020-10-24T00:00:00.000+03:00', '2020-10-24T23:59:59.999+02:00', 25],
    ['Antarctica/Casey', '8 March 2020', '2020-03-08T00:00:00.000+11:00', '2020-03-08T23:59:59.999+08:00', 27],
    ['Antarctica/Vostok', '18 December 2023', '2023-12-18T00:00:00.000+07:00', '2023-12-18T23:59:59.999+05:00', 26],
    ['America/Havana', '1 November 2020', '2020-11-01T00:00:00.000-04:00', '2020-11-01T23:59:59.999-05:00', 25],
    ['Atlantic/Azores', '25 October 2020', '2020-10-25T00:00:00.000+00:00', '2020-10-25T23:59:59.999-01:00', 25],
  ])('%s: “%s” runs from %s to %s, %i hours', (zone, phrase, start, end, hours) => {
    expect(midnightTwice(zone, DateTime.fromISO(start, { setZone: true }).toISODate() ?? '')).toBe(true);
    const period = resolveIn(zone, phrase);
    expect(iso(period.start, zone)).toBe(start);
    expect(iso(period.end, zone)).toBe(end);
    expect(periodBuckets(period)).toHaveLength(hours);
  });

  it.each([
    ['Asia/Amman', '29 October 2020', '2020-10-29T00:00:00.000+03:00', '2020-10-29T23:59:59.999+03:00'],
    ['Asia/Gaza', '23 October 2020', '2020-10-23T00:00:00.000+03:00', '2020-10-23T23:59:59.999+03:00'],
    ['Antarctica/Casey', '7 March 2020', '2020-03-07T00:00:00.000+11:00', '2020-03-07T23:59:59.999+11:00'],
    ['America/Havana', '31 October 2020', '2020-10-31T00:00:00.000-04:00', '2020-10-31T23:59:59.999-04:00'],
  ])('%s: the day before, “%s”, ends at the first midnight and has 24 hours', (zone, phrase, start, end) => {
    const period = resolveIn(zone, phrase);
    expect(iso(period.start, zone)).toBe(start);
    expect(iso(period.end, zone)).toBe(end);
    expect(period.range).not.toMatch(/–/);
    expect(periodBuckets(period)).toHaveLength(24);
  });

  it.each([
    ['Asia/Amman', '2020-10-29T21:00:00Z', '2020-10-30T00:00:00.000+03:00', '2020-10-29T23:59:59.999+03:00'],
    ['Asia/Amman', '2020-10-29T21:30:00Z', '2020-10-30T00:00:00.000+03:00', '2020-10-29T23:59:59.999+03:00'],
    ['Asia/Amman', '2020-10-29T22:30:00Z', '2020-10-30T00:00:00.000+03:00', '2020-10-29T23:59:59.999+03:00'],
    ['Antarctica/Casey', '2020-03-07T14:30:00Z', '2020-03-08T00:00:00.000+11:00', '2020-03-07T23:59:59.999+11:00'],
    ['America/Havana', '2020-11-01T04:30:00Z', '2020-11-01T00:00:00.000-04:00', '2020-10-31T23:59:59.999-04:00'],
  ])('%s at %s: “today” has begun, from %s, and yesterday ended at %s', (zone, now, start, yesterdayEnd) => {
    const today = resolveIn(zone, 'today', Date.parse(now));
    expect(iso(today.start, zone)).toBe(start);
    expect(today.title).toBe('Today');
    expect(iso(resolveIn(zone, 'yesterday', Date.parse(now)).end, zone)).toBe(yesterdayEnd);
  });

  it('shows both midnights of the day, each with its offset', () => {
    const labels = periodBuckets(resolveIn('Asia/Amman', '30 October 2020')).map((b) => b.label);
    expect(labels.slice(0, 3)).toEqual(['00:00 +03:00', '00:00 +02:00', '01:00']);
  });

  it('opens a week that starts on that day at its first midnight', () => {
    // Friday 30 October 2020; weeks from Friday.
    const lastWeek = resolveIn('Asia/Amman', 'last week', Date.parse('2020-11-06T12:00:00Z'), 5);
    expect(iso(lastWeek.start, 'Asia/Amman')).toBe('2020-10-30T00:00:00.000+03:00');
    expect(iso(lastWeek.end, 'Asia/Amman')).toBe('2020-11-05T23:59:59.999+02:00');
  });

  it('floors an instant in the second pass of midnight to the first', () => {
    const secondPass = Date.parse('2020-10-29T22:15:00Z'); // 00:15+02:00
    const start = floorTo(secondPass, 'day', { zone: 'Asia/Amman', weekStart: 1 });
    expect(iso(start, 'Asia/Amman')).toBe('2020-10-30T00:00:00.000+03:00');
  });
});

describe('reports reach back to 1 January 2000 in the workspace’s own zone', () => {
  it.each([
    ['Pacific/Auckland', '2000-01-01T00:00:00.000+13:00'],
    ['Pacific/Kiritimati', '2000-01-01T00:00:00.000+14:00'],
    ['Pacific/Tongatapu', '2000-01-01T00:00:00.000+14:00'],
    ['Pacific/Chatham', '2000-01-01T00:00:00.000+13:45'],
    ['Asia/Tokyo', '2000-01-01T00:00:00.000+09:00'],
    ['Pacific/Pago_Pago', '2000-01-01T00:00:00.000-11:00'],
  ])('%s: “2000” starts at %s', (zone, start) => {
    const period = resolveIn(zone, '2000');
    expect(iso(period.start, zone)).toBe(start);
    expect(period.label).toBe('2000 · 1 Jan – 31 Dec 2000');
  });

  const zones = Intl.supportedValuesOf('timeZone');

  it('accepts 1 January 2000 and refuses anything before it, in every zone', () => {
    expect(zones.length).toBeGreaterThan(400);
    const wrong: string[] = [];
    for (const zone of zones) {
      const firstDay = resolveIn(zone, '1 January 2000');
      if (DateTime.fromMillis(firstDay.start, { zone }).toISODate() !== '2000-01-01') wrong.push(`${zone} starts late`);
      if (DateTime.fromMillis(firstDay.start - 1, { zone }).toISODate() !== '1999-12-31') wrong.push(`${zone} early`);
      for (const phrase of ['2000', 'January 2000', 'Q1 2000']) {
        if (refusal(zone, phrase) !== 'resolved') wrong.push(`${zone} refuses “${phrase}”`);
      }
      for (const phrase of ['1999', '31 December 1999', 'December 1999', 'Q4 1999', 'week of 1 January 2000']) {
        if (refusal(zone, phrase) !== 'too-early') wrong.push(`${zone} does not refuse “${phrase}” as too early`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('offers no period before it to step back to', () => {
    const year2000 = resolveIn('Pacific/Kiritimati', '2000');
    expect(() => previousPeriod(year2000, later)).toThrow(expect.objectContaining({ code: 'too-early' }));
  });

  it('says so without an exception where a report or its buttons only ask whether there is one', () => {
    const year2000 = resolveIn('Pacific/Kiritimati', '2000');
    expect(previousPeriodOrNull(year2000, later)).toBeNull();
    expect(comparisonOrNull(year2000, later)).toBeNull();
    expect(previousPeriodOrNull(resolveIn('Pacific/Kiritimati', '2001'), later)?.start).toBe(year2000.start);
  });
});
