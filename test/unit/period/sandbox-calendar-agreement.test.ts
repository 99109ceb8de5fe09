import { describe, expect, it } from 'vitest';
import { bucketStarts, type Calendar, floorTo, nextBoundary, type Weekday } from '../../../src/period/calendar.js';
import { nextBucketStart, windowEnd, windowStart } from '../../../src/tellody/sandbox/local-clock.js';

/*
 * The app's calendar (src/period/calendar.ts, wall-clock arithmetic on Luxon's offsets) and the
 * sandbox's (local-clock.ts: Intl's wall clock and boundaries found by their definition) share no
 * code. Every app-against-sandbox test relies on them agreeing; here they are compared directly,
 * day by day, in zones whose clocks change in every awkward way.
 */

/** Zones, and how many days in these three years are not 24 hours long (two clock changes a year, or none). */
const ZONES: [string, number][] = [
  ['Europe/Athens', 6],
  ['America/New_York', 6],
  ['America/Santiago', 6], // midnight skipped in spring
  ['America/Havana', 6], // the clock goes back over midnight
  ['Australia/Lord_Howe', 6], // 30-minute shift
  ['Pacific/Chatham', 6], // :45 offset
  ['Asia/Kathmandu', 0], // +05:45, no clock change
];
const FROM = Date.UTC(2024, 0, 1);
const UNTIL = Date.UTC(2027, 0, 1);
const DAY = 86_400_000;

function sandboxBuckets(from: number, end: number, unit: 'hour' | 'day' | 'week' | 'month', cal: Calendar): number[] {
  const starts: number[] = [];
  for (let at = from; at < end; at = nextBucketStart(at, unit, cal.weekStart, cal.zone)) starts.push(at);
  return starts;
}

describe.each(ZONES)('in %s, 2024–2026', (zone, oddDays) => {
  it('starts and ends every day, week and month at the same instants as the app', () => {
    let checked = 0;
    for (let noon = FROM + DAY / 2; noon < UNTIL; noon += DAY) {
      for (const weekStart of [0, 1, 6] as Weekday[]) {
        const cal = { zone, weekStart };
        for (const kind of ['day', 'week', 'month', 'year'] as const) {
          const start = floorTo(noon, kind, cal);
          expect(windowStart(noon, kind, weekStart, zone), `${kind} of ${new Date(noon).toISOString()}`).toBe(start);
          expect(windowEnd(start, kind, zone)).toBe(nextBoundary(start, kind, cal));
          checked++;
        }
      }
    }
    expect(checked).toBe(((UNTIL - FROM) / DAY) * 3 * 4);
  });

  it('cuts every day that is not 24 hours long into the same hours as the app', () => {
    const cal: Calendar = { zone, weekStart: 1 };
    let odd = 0;
    for (let noon = FROM + DAY / 2; noon < UNTIL; noon += DAY) {
      const start = floorTo(noon, 'day', cal);
      const end = nextBoundary(start, 'day', cal);
      if (end - start === DAY) continue;
      odd++;
      expect(sandboxBuckets(start, end, 'hour', cal)).toEqual(bucketStarts(start, end, 'hour', cal));
    }
    expect(odd, 'days with a clock change in these years').toBe(oddDays);
  });

  it('cuts each month into the same weeks as the app', () => {
    const cal: Calendar = { zone, weekStart: 3 };
    for (let month = 0; month < 36; month++) {
      const start = floorTo(Date.UTC(2024, month, 15), 'month', cal);
      const end = nextBoundary(start, 'month', cal);
      expect(sandboxBuckets(start, end, 'week', cal)).toEqual(bucketStarts(start, end, 'week', cal));
    }
  });
});
