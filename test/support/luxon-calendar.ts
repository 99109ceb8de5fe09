import fc from 'fast-check';
import { DateTime } from 'luxon';
import { type LuxonClockChange, luxonClockChanges, luxonOffset } from './luxon-clock.js';

/*
 * An independent calendar for the digest's and the alerts' property tests: local dates, the
 * instants a wall-clock reading happens, and where the clocks change, all asked of Luxon directly
 * (through luxon-clock.ts), sharing nothing with src/period/calendar.ts.
 *
 * A local date is written as the milliseconds of its midnight read as UTC (Date.UTC(y, m - 1, d)),
 * a wall-clock reading likewise (Date.UTC(y, m - 1, d, h, min)): plain calendar arithmetic, no zone.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/**
 * Zones for "every calendar": whole-hour DST on both hemispheres, none at all, half- and
 * quarter-hour offsets (St John's and Adelaide with DST, Chatham at :45 with DST), and two that
 * change their clocks at local midnight (Santiago skips 00:00–01:00 in September and repeats
 * 23:00–00:00 in April; Beirut the same in March and October).
 */
export const EVERY_CALENDAR_ZONES = [
  'America/Los_Angeles',
  'Asia/Riyadh',
  'Australia/Adelaide',
  'Asia/Kolkata',
  'America/St_Johns',
  'Pacific/Chatham',
  'America/Santiago',
  'Asia/Beirut',
] as const;

export const FROM = Date.UTC(2026, 0, 1);
export const UNTIL = Date.UTC(2028, 0, 1);

const changesByZone = new Map<string, LuxonClockChange[]>();

/** The zone's clock changes from 2025 to 2028 (weeks either side of 2026–2027 are looked at too). */
export function clockChanges(zone: string): LuxonClockChange[] {
  let changes = changesByZone.get(zone);
  if (!changes) {
    changes = [2025, 2026, 2027, 2028].flatMap((year) => luxonClockChanges(zone, year));
    changesByZone.set(zone, changes);
  }
  return changes;
}

/** What the zone's wall clock reads at `ms`, as Luxon says. */
export function luxonWall(ms: number, zone: string): number {
  const t = DateTime.fromMillis(ms, { zone });
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second, t.millisecond);
}

/** The local date holding `ms`. */
export const luxonDate = (ms: number, zone: string) => Math.floor(luxonWall(ms, zone) / DAY) * DAY;

/** 0 = Sunday … 6 = Saturday, of a local date. */
export const weekdayOfDate = (date: number) => new Date(date).getUTCDay();

/** "2026-11-30" for a local date. */
export const isoDate = (date: number) => new Date(date).toISOString().slice(0, 10);

/**
 * Every instant at which the zone's wall clock reads `wall` (two where the clocks go back over
 * it), or, where the clocks jump over it, the one instant the jump lands on.
 */
export function luxonReadings(wall: number, zone: string): number[] {
  const nearby = clockChanges(zone).filter((c) => Math.abs(c.at - wall) <= 2 * DAY);
  const offsets = new Set([luxonOffset(wall, zone), ...nearby.flatMap((c) => [c.before, c.after])]);
  const readings = [...offsets].map((o) => wall - o * MINUTE).filter((t) => luxonWall(t, zone) === wall);
  if (readings.length > 0) return readings.sort((a, b) => a - b);
  const gap = nearby.find((c) => c.at + c.before * MINUTE <= wall && wall < c.at + c.after * MINUTE);
  if (!gap) throw new Error(`${new Date(wall).toISOString()} wall in ${zone}: neither read nor skipped`);
  return [gap.at];
}

/** The first instant the wall clock reads `wall`, or the first after a jump over it. */
export const luxonFirstReading = (wall: number, zone: string) => luxonReadings(wall, zone)[0] as number;

/** Whether the clocks jump over `wall`. */
export const isSkipped = (wall: number, zone: string) => luxonWall(luxonFirstReading(wall, zone), zone) !== wall;

/** "HH:mm" of minutes since midnight. */
export const clockText = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * An instant in 2026–2027 in `zone`: half of them anywhere, half within a day and a half of one
 * of its clock changes (to the minute, sometimes a millisecond either side), so the days the
 * clocks change on are well visited.
 */
export function instantIn(zone: string): fc.Arbitrary<number> {
  const anywhere = fc.integer({ min: FROM, max: UNTIL - 1 });
  const changes = clockChanges(zone).filter((c) => c.at >= FROM && c.at < UNTIL);
  if (changes.length === 0) return anywhere;
  const nearChange = fc
    .tuple(fc.constantFrom(...changes), fc.integer({ min: -36 * 60, max: 36 * 60 }), fc.constantFrom(0, 0, -1, 1))
    .map(([change, minutes, ms]) => change.at + minutes * MINUTE + ms);
  return fc.oneof(anywhere, nearChange);
}

/**
 * A clock time (minutes since midnight) for `zone` near `now`: half of them any quarter hour or
 * minute, half within an hour and a half of the wall time a clock change near `now` happens at
 * (so skipped and repeated times come up).
 */
export function clockTimeNear(zone: string, now: number): fc.Arbitrary<number> {
  const any = fc.oneof(
    fc.integer({ min: 0, max: 24 * 4 - 1 }).map((q) => q * 15),
    fc.integer({ min: 0, max: 1439 }),
  );
  const change = clockChanges(zone).find((c) => Math.abs(c.at - now) <= 2 * DAY);
  if (!change) return any;
  const changeWall = change.at + change.before * MINUTE;
  const minuteOfDay = Math.floor((changeWall % DAY) / MINUTE);
  const near = fc.integer({ min: -6, max: 6 }).map((q) => (minuteOfDay + q * 15 + 1440) % 1440);
  return fc.oneof(any, near);
}
