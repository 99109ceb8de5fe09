import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { canonicalZone, parseWeekday, type Weekday } from '../../../src/period/calendar.js';
import { periodBuckets, resolvePeriod } from '../../../src/period/index.js';

/*
 * A period's buckets (the rows of a report and the points of its chart) tile it to the
 * millisecond, labelled the way a person reads them; and the names people type for zones and
 * weekdays are read the way they meant them.
 */

const now = Date.parse('2026-11-27T10:00:00Z');
const at = (zone: string, weekStart: Weekday = 1) => ({ zone, weekStart, now });

describe('a period’s buckets', () => {
  it.each([
    ['yesterday by hour', 'Europe/Athens'],
    ['last week', 'Asia/Kolkata'],
    ['this month so far', 'America/New_York'],
    ['Q1 2026 by week', 'Australia/Lord_Howe'],
    ['29 March 2026 by hour', 'Europe/Athens'], // 23 hours: the clocks go forward
    ['25 October 2026 by hour', 'Europe/Athens'], // 25 hours: the clocks go back
    ['last 3 months by month', 'Asia/Kathmandu'],
  ])('tile “%s” in %s with no gap and no overlap, each ending where the next begins', (phrase, zone) => {
    const period = resolvePeriod(phrase, at(zone));
    const buckets = periodBuckets(period);
    expect(buckets[0]?.start).toBe(period.start);
    expect(buckets.at(-1)?.end).toBe(period.end);
    buckets.forEach((bucket, i) => {
      expect(bucket.end).toBeGreaterThan(bucket.start);
      if (i > 0) expect(bucket.start).toBe((buckets[i - 1]?.end ?? 0) + 1);
    });
  });

  it('ends each hour of a day exactly at the next hour, in the zone’s own hours', () => {
    const buckets = periodBuckets(resolvePeriod('yesterday by hour', at('Asia/Kathmandu')));
    expect(buckets).toHaveLength(24);
    const local = (ms: number) => DateTime.fromMillis(ms, { zone: 'Asia/Kathmandu' }).toFormat('HH:mm:ss.SSS');
    expect(buckets.slice(0, 2).map((b) => [b.label, local(b.start), local(b.end)])).toEqual([
      ['00:00', '00:00:00.000', '00:59:59.999'],
      ['01:00', '01:00:00.000', '01:59:59.999'],
    ]);
    expect(local(buckets[23]?.end ?? 0)).toBe('23:59:59.999');
  });

  it('names the year of each month only when the period spans two years', () => {
    const spanning = periodBuckets(resolvePeriod('1 December 2025 to 31 January 2026 by month', at('Europe/Athens')));
    expect(spanning.map((b) => b.label)).toEqual(['Dec 2025', 'Jan 2026']);
    const within = periodBuckets(resolvePeriod('last 3 months by month', at('Europe/Athens')));
    expect(within.map((b) => b.label)).toEqual(['Aug', 'Sep', 'Oct']);
  });
});

describe('a zone name as typed', () => {
  it.each([
    ['asia/kolkata', 'Asia/Kolkata'],
    ['Asia/Kolkata', 'Asia/Kolkata'], // Node's ICU calls it Asia/Calcutta: the name typed is kept
    ['europe/kyiv', 'Europe/Kyiv'],
    ['asia/ho_chi_minh', 'Asia/Ho_Chi_Minh'],
    ['america/port-au-prince', 'America/Port-au-Prince'],
    // Typed with capitals of its own: kept as typed, never re-cased into "Comodrivadavia".
    ['America/Argentina/ComodRivadavia', 'America/Argentina/ComodRivadavia'],
    ['Mars/Olympus', 'Mars/Olympus'],
  ])('%s is stored as %s', (typed, stored) => {
    expect(canonicalZone(typed)).toBe(stored);
  });
});

describe('a weekday name as typed', () => {
  it.each([
    ['Monday', 1],
    ['mo', 1],
    [' tu', 2],
    ['Sunday ', 0],
    ['  Sat', 6],
    ['m', undefined],
    ['', undefined],
    ['funday', undefined],
  ] as const)('“%s” is day %s', (typed, day) => {
    expect(parseWeekday(typed)).toBe(day);
  });
});
