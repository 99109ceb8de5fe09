import { DateTime, IANAZone } from 'luxon';
import { memo } from './memos.js';

/** Day of the week as Tellody's `dow` numbers it: 0 = Sunday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;
/** Bucket sizes Tellody reports in. */
export type Unit = 'hour' | 'day' | 'week' | 'month';
/** Window types Tellody accepts. */
export type WindowKind = 'day' | 'week' | 'month' | 'year';
/** Every calendar step the product reasons in. */
export type Step = Unit | 'quarter' | 'year';

export interface Calendar {
  readonly zone: string;
  readonly weekStart: Weekday;
}

export const UNITS: readonly Unit[] = ['hour', 'day', 'week', 'month'];
export const WINDOW_KINDS: readonly WindowKind[] = ['day', 'week', 'month', 'year'];
export const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
/** A wall-clock time as Slack's timepicker gives it: 24-hour "HH:mm". */
export const CLOCK_TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

const MINUTE = 60_000;
const HOUR = 3_600_000;
const QUARTER_HOUR = 15 * MINUTE;
const DAY = 86_400_000;

/** How long each step usually is: for estimates (point counts, tie-breaks), never for boundaries. */
export const TYPICAL_MS: Readonly<Record<Step, number>> = {
  hour: HOUR,
  day: DAY,
  week: 7 * DAY,
  month: 30.44 * DAY,
  quarter: 91.31 * DAY,
  year: 365.25 * DAY,
};

const knownZones = memo(new Map<string, boolean>());

/** Luxon builds an Intl formatter to check a zone (tens of microseconds); the answer never changes, so keep it. */
export function isValidZone(zone: string): boolean {
  let valid = knownZones.get(zone);
  if (valid === undefined) {
    valid = zone.length > 0 && zone.length <= 64 && IANAZone.isValidZone(zone);
    if (knownZones.size < 1000) knownZones.set(zone, valid);
  }
  return valid;
}

/** "asia/kolkata" → "Asia/Kolkata": each word capitalised, as IANA names are. */
const titleCased = (zone: string) =>
  zone.replace(/(^|[/_-])([a-z])/g, (_all, before: string, letter: string) => before + letter.toUpperCase());

/**
 * The zone's name as IANA writes it ("europe/athens" → "Europe/Athens"), for storing and showing.
 * Node's ICU resolves some current names to older ones (Asia/Kolkata → Asia/Calcutta, Europe/Kyiv →
 * Europe/Kiev): the name the person used is kept, only its case put right.
 */
export function canonicalZone(zone: string): string {
  if (!isValidZone(zone)) return zone;
  const resolved = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  if (resolved.toLowerCase() === zone.toLowerCase()) return resolved;
  const cased = titleCased(zone.toLowerCase());
  return zone === zone.toLowerCase() && isValidZone(cased) ? cased : zone;
}

export function parseWeekday(name: string): Weekday | undefined {
  const index = WEEKDAY_NAMES.findIndex((day) => day.startsWith(name.trim().toLowerCase()) && name.trim().length >= 2);
  return index < 0 ? undefined : (index as Weekday);
}

const MAX_CACHED_SLOTS = 200_000;
const offsetCache = memo(new Map<string, Map<number, number>>());

/**
 * Offset of `zone` from UTC at `ms`, in minutes. Luxon's IANAZone asks Intl for every call
 * (microseconds each); offsets change only on quarter-hour instants, so one answer per zone
 * and 15-minute slot is remembered.
 */
export function offsetAt(ms: number, zone: string): number {
  let cache = offsetCache.get(zone);
  if (!cache) {
    cache = new Map();
    offsetCache.set(zone, cache);
  }
  const slot = Math.floor(ms / QUARTER_HOUR);
  let offset = cache.get(slot);
  if (offset === undefined) {
    if (cache.size >= MAX_CACHED_SLOTS) cache.clear();
    offset = IANAZone.create(zone).offset(slot * QUARTER_HOUR);
    cache.set(slot, offset);
  }
  return offset;
}

/** The zone's wall clock at `ms`, as milliseconds since 1970 read as if the wall clock were UTC. */
export function wallOf(ms: number, zone: string): number {
  return ms + offsetAt(ms, zone) * MINUTE;
}

/**
 * The instant a wall-clock time happens. Where the clock goes back over it (a midnight that
 * happens twice), the earlier of the two, so a day starts at its first midnight; where the clock
 * jumps over it (a midnight that never happens), the first instant after the gap, so a day starts
 * at its first real moment.
 */
export function instantOf(wall: number, zone: string): number {
  // Offsets stay within ±14 hours, so every instant that reads `wall` lies within a day of it read
  // as UTC; clocks change at most once in those two days (weeks apart in the tz database), so the
  // offsets a day either side are the only ones that can read `wall`.
  const before = offsetAt(wall - DAY, zone);
  const after = offsetAt(wall + DAY, zone);
  const earlier = wall - Math.max(before, after) * MINUTE;
  if (wallOf(earlier, zone) === wall) return earlier;
  const later = wall - Math.min(before, after) * MINUTE;
  if (wallOf(later, zone) === wall) return later;
  return firstReaching(wall, earlier, zone);
}

/**
 * Every instant whose wall clock reads `wall`, earliest first: two where the clock goes back over
 * it, else the one `instantOf` gives (where the clock jumps over it, the first instant after the
 * gap). For "when does the clock next read …", where the second reading of a repeated time counts.
 */
export function readingsOf(wall: number, zone: string): number[] {
  const first = instantOf(wall, zone);
  const later = wall - Math.min(offsetAt(wall - DAY, zone), offsetAt(wall + DAY, zone)) * MINUTE;
  return later > first && wallOf(later, zone) === wall ? [first, later] : [first];
}

/** In a gap: the first quarter hour from `from` on whose wall clock reads `wall` or later, the instant the clock jumped. */
function firstReaching(wall: number, from: number, zone: string): number {
  let at = Math.ceil(from / QUARTER_HOUR) * QUARTER_HOUR;
  while (wallOf(at, zone) < wall) at += QUARTER_HOUR;
  return at;
}

export interface WallParts {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly weekday: Weekday;
  /** Minutes east of UTC. */
  readonly offset: number;
}

export function wallParts(ms: number, zone: string): WallParts {
  const offset = offsetAt(ms, zone);
  const wall = new Date(ms + offset * MINUTE);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    weekday: wall.getUTCDay() as Weekday,
    offset,
  };
}

/** Days since 1970-01-01 on the zone's calendar: differences count calendar days, 23- and 25-hour ones alike. */
export function dayNumber(ms: number, zone: string): number {
  return Math.floor(wallOf(ms, zone) / DAY);
}

function isLocalHourStart(ms: number, zone: string): boolean {
  return (ms + offsetAt(ms, zone) * MINUTE) % HOUR === 0;
}

/**
 * Local hour boundaries are not every 3 600 000 ms: Lord Howe shifts by 30 minutes and
 * Chatham keeps a 45-minute offset, so walk quarter hours (every zone offset since 1980 is a
 * multiple of 15 minutes) and test the local clock instead of assuming.
 */
function floorHour(ms: number, zone: string): number {
  const guess = ms - ((((ms + offsetAt(ms, zone) * MINUTE) % HOUR) + HOUR) % HOUR);
  if (isLocalHourStart(guess, zone)) return guess;
  let candidate = ms - (((ms % QUARTER_HOUR) + QUARTER_HOUR) % QUARTER_HOUR);
  while (!isLocalHourStart(candidate, zone)) candidate -= QUARTER_HOUR;
  return candidate;
}

function nextHour(ms: number, zone: string): number {
  const floor = floorHour(ms, zone);
  const guess = floor + HOUR;
  // Same offset an hour later means no clock change in between, so the guess is the next boundary.
  if (offsetAt(guess, zone) === offsetAt(floor, zone)) return guess;
  let candidate = ms - (((ms % QUARTER_HOUR) + QUARTER_HOUR) % QUARTER_HOUR) + QUARTER_HOUR;
  while (!isLocalHourStart(candidate, zone)) candidate += QUARTER_HOUR;
  return candidate;
}

/** Wall-clock midnight of the wall time's day, then moved to the start of `step`. */
function stepStartWall(wall: number, step: Exclude<Step, 'hour'>, weekStart: Weekday): number {
  const midnight = Math.floor(wall / DAY) * DAY;
  const date = new Date(midnight);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  switch (step) {
    case 'day':
      return midnight;
    case 'week':
      return midnight - ((date.getUTCDay() - weekStart + 7) % 7) * DAY;
    case 'month':
      return Date.UTC(year, month, 1);
    case 'quarter':
      return Date.UTC(year, month - (month % 3), 1);
    case 'year':
      return Date.UTC(year, 0, 1);
  }
}

/** Start of the calendar `step` that contains `ms`, in the calendar's zone. */
export function floorTo(ms: number, step: Step, cal: Calendar): number {
  if (step === 'hour') return floorHour(ms, cal.zone);
  return instantOf(stepStartWall(wallOf(ms, cal.zone), step, cal.weekStart), cal.zone);
}

/** The boundary `count` steps after (or before, when negative) the boundary `ms`. */
export function shiftBoundary(ms: number, step: Step, count: number, cal: Calendar): number {
  if (step === 'hour') {
    let at = ms;
    for (let i = 0; i < Math.abs(count); i++) at = count > 0 ? nextHour(at, cal.zone) : floorHour(at - 1, cal.zone);
    return at;
  }
  const date = new Date(Math.floor(wallOf(ms, cal.zone) / DAY) * DAY);
  const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()];
  const moved = {
    day: () => Date.UTC(year, month, day + count),
    week: () => Date.UTC(year, month, day + 7 * count),
    month: () => Date.UTC(year, month + count, day),
    quarter: () => Date.UTC(year, month + 3 * count, day),
    year: () => Date.UTC(year + count, month, day),
  }[step]();
  // A day can start at 01:00 where midnight is skipped; re-anchoring keeps every boundary a real day start.
  return floorTo(instantOf(moved, cal.zone), step, cal);
}

/** The first boundary of `step` strictly after `ms`. */
export function nextBoundary(ms: number, step: Step, cal: Calendar): number {
  if (step === 'hour') return nextHour(ms, cal.zone);
  return shiftBoundary(floorTo(ms, step, cal), step, 1, cal);
}

export function isBoundary(ms: number, step: Step, cal: Calendar): boolean {
  return floorTo(ms, step, cal) === ms;
}

/**
 * Bucket starts of `unit` from `from` up to (not including) `endExclusive`. The first bucket
 * starts at `from` even when that is not a unit boundary (a month window by week), which is
 * how Tellody cuts a window into buckets.
 */
export function bucketStarts(from: number, endExclusive: number, unit: Unit, cal: Calendar): number[] {
  const starts: number[] = [];
  for (let at = from; at < endExclusive; at = nextBoundary(at, unit, cal)) starts.push(at);
  return starts;
}

/** The calendar window of `kind` containing `ms`: first and last millisecond. */
export function windowAround(ms: number, kind: WindowKind, cal: Calendar): { from: number; to: number } {
  const from = floorTo(ms, kind, cal);
  return { from, to: nextBoundary(from, kind, cal) - 1 };
}

/** ISO 8601 with the zone's offset at that instant, to the millisecond. */
export function isoInZone(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toISO({ includeOffset: true, suppressMilliseconds: false }) ?? '';
}
