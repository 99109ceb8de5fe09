import fc from 'fast-check';
import { DateTime } from 'luxon';

/*
 * Luxon as the oracle for calendar tests: clock changes and local hours found by asking Luxon
 * instant by instant, sharing nothing with src/period/calendar.ts (no offset cache, no guesses).
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Minutes east of UTC in `zone` at `ms`, as Luxon reads it. */
export const luxonOffset = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).offset;

export interface LuxonClockChange {
  /** First instant of the new offset. */
  readonly at: number;
  /** Offsets in minutes east of UTC, before and from `at`. */
  readonly before: number;
  readonly after: number;
}

/** Every clock change of `zone` in the calendar year `year` (UTC), to the minute: six-hour probes, then halving. */
export function luxonClockChanges(zone: string, year: number): LuxonClockChange[] {
  const changes: LuxonClockChange[] = [];
  const end = Date.UTC(year + 1, 0, 1);
  let before = luxonOffset(Date.UTC(year, 0, 1), zone);
  for (let probe = Date.UTC(year, 0, 1) + 6 * HOUR; probe <= end; probe += 6 * HOUR) {
    const after = luxonOffset(probe, zone);
    if (after === before) continue;
    let [lo, hi] = [probe - 6 * HOUR, probe];
    while (hi - lo > MINUTE) {
      const mid = lo + Math.floor((hi - lo) / (2 * MINUTE)) * MINUTE;
      [lo, hi] = luxonOffset(mid, zone) === before ? [mid, hi] : [lo, mid];
    }
    changes.push({ at: hi, before, after });
    before = after;
  }
  return changes;
}

/** Whether the zone's clock reads a whole hour (hh:00:00.000) at `ms`. */
const onTheHour = (ms: number, zone: string) => {
  const local = DateTime.fromMillis(ms, { zone });
  return local.minute === 0 && local.second === 0 && local.millisecond === 0;
};

/** The latest instant at or before `ms` at which the zone's clock reads a whole hour: minute by minute. */
export function luxonHourAtOrBefore(ms: number, zone: string): number {
  let at = Math.floor(ms / MINUTE) * MINUTE;
  while (!onTheHour(at, zone)) at -= MINUTE;
  return at;
}

/** The first instant after `ms` at which the zone's clock reads a whole hour: minute by minute. */
export function luxonHourAfter(ms: number, zone: string): number {
  let at = Math.floor(ms / MINUTE) * MINUTE + MINUTE;
  while (!onTheHour(at, zone)) at += MINUTE;
  return at;
}

/**
 * A clock change of one of `zones` in 2024–2028, as Luxon finds it; each zone's year is scanned
 * once per arbitrary (make it inside the test that uses it).
 */
export function arbitraryClockChange(
  zones: readonly string[],
): fc.Arbitrary<{ readonly zone: string; readonly change: LuxonClockChange }> {
  const known = new Map<string, LuxonClockChange[]>();
  const picks = fc.record({
    zone: fc.constantFrom(...zones),
    year: fc.integer({ min: 2024, max: 2028 }),
    which: fc.nat(),
  });
  return picks.map(({ zone, year, which }) => {
    const changes = known.get(`${zone} ${year}`) ?? luxonClockChanges(zone, year);
    known.set(`${zone} ${year}`, changes);
    const change = changes[which % changes.length];
    if (!change) throw new Error(`${zone} changed no clocks in ${year}`);
    return { zone, change };
  });
}
