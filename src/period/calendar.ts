import { DateTime, IANAZone } from 'luxon';

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

const MINUTE = 60_000;
const HOUR = 3_600_000;
const QUARTER_HOUR = 15 * MINUTE;

export function isValidZone(zone: string): boolean {
  return zone.length > 0 && IANAZone.isValidZone(zone);
}

export function parseWeekday(name: string): Weekday | undefined {
  const index = WEEKDAY_NAMES.findIndex((day) => day.startsWith(name.trim().toLowerCase()) && name.trim().length >= 2);
  return index < 0 ? undefined : (index as Weekday);
}

/** Offset of `zone` from UTC at `ms`, in minutes. */
export function offsetAt(ms: number, zone: string): number {
  return IANAZone.create(zone).offset(ms);
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

function local(ms: number, zone: string): DateTime {
  return DateTime.fromMillis(ms, { zone });
}

/** Days since the start of the week `weekStart` opens (Luxon counts Monday = 1 … Sunday = 7). */
export function daysIntoWeek(dt: DateTime, weekStart: Weekday): number {
  return (dt.weekday - weekStart + 7) % 7;
}

/** Start of the calendar `step` that contains `ms`, in the calendar's zone. */
export function floorTo(ms: number, step: Step, cal: Calendar): number {
  if (step === 'hour') return floorHour(ms, cal.zone);
  const day = local(ms, cal.zone).startOf('day');
  switch (step) {
    case 'day':
      return day.toMillis();
    case 'week':
      return day.minus({ days: daysIntoWeek(day, cal.weekStart) }).startOf('day').toMillis();
    default:
      return day.startOf(step).toMillis();
  }
}

/** The boundary `count` steps after (or before, when negative) the boundary `ms`. */
export function shiftBoundary(ms: number, step: Step, count: number, cal: Calendar): number {
  if (step === 'hour') {
    let at = ms;
    for (let i = 0; i < Math.abs(count); i++) at = count > 0 ? nextHour(at, cal.zone) : floorHour(at - 1, cal.zone);
    return at;
  }
  const dt = local(ms, cal.zone);
  const moved = dt.plus({ [`${step}s`]: count });
  // A day can start at 01:00 where midnight is skipped; re-anchoring keeps every boundary a real day start.
  return floorTo(moved.toMillis(), step, cal);
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

export function toLocal(ms: number, cal: Calendar): DateTime {
  return local(ms, cal.zone);
}

/** ISO 8601 with the zone's offset at that instant, to the millisecond. */
export function isoInZone(ms: number, zone: string): string {
  return local(ms, zone).toISO({ includeOffset: true, suppressMilliseconds: false }) ?? '';
}
