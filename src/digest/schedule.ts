import { CLOCK_TIME_PATTERN, isoInZone, offsetAt, type Weekday, wallParts } from '../period/calendar.js';
import { type Period, resolvePeriod } from '../period/index.js';

const MINUTE = 60_000;
/** Every zone's offset lies within this of UTC, so a wall time happens within this of the same digits read as UTC. */
const MAX_OFFSET = 15 * 60 * MINUTE;

/** When a workspace's digest goes out: a weekday and a wall-clock time in the workspace's report zone. */
export interface WeeklySlot {
  readonly day: Weekday;
  /** "HH:mm", 24-hour. */
  readonly time: string;
}

export interface ClockTime {
  readonly hour: number;
  readonly minute: number;
}

/** "09:00" → 9:00; anything that is not a 24-hour HH:mm (Slack's timepicker format) → null. */
export function parseClockTime(text: string): ClockTime | null {
  const match = CLOCK_TIME_PATTERN.exec(text);
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : null;
}

/** The first instant at or after `from` whose offset is `offset`: where a clock change ends. */
function firstWithOffset(from: number, to: number, offset: number, zone: string): number {
  let [low, high] = [Math.floor(from / MINUTE), Math.ceil(to / MINUTE)];
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (offsetAt(middle * MINUTE, zone) === offset) high = middle;
    else low = middle + 1;
  }
  return low * MINUTE;
}

/**
 * The instant a wall-clock time happens on a given local date (`dayWall`: the date's midnight, as
 * if the wall clock were UTC). A time that happens twice (the clocks go back) is its first
 * occurrence; a time the clocks skip (they go forward) is the first minute after the gap.
 */
export function occurrenceOn(dayWall: number, time: ClockTime, zone: string): number {
  const wall = dayWall + (time.hour * 60 + time.minute) * MINUTE;
  const before = offsetAt(wall - MAX_OFFSET, zone);
  const after = offsetAt(wall + MAX_OFFSET, zone);
  const candidates = [before, after]
    .map((offset) => ({ offset, at: wall - offset * MINUTE }))
    .filter(({ offset, at }) => offsetAt(at, zone) === offset)
    .map(({ at }) => at);
  if (candidates.length > 0) return Math.min(...candidates);
  // In the gap: the clocks jumped from `before` to `after` somewhere between these two readings.
  return firstWithOffset(wall - after * MINUTE, wall - before * MINUTE, after, zone);
}

/** Midnight (as wall ms) of the local date `days` after the one that holds `ms`. */
function localMidnight(ms: number, zone: string, days = 0): number {
  const p = wallParts(ms, zone);
  return Date.UTC(p.year, p.month - 1, p.day + days);
}

/** The most recent time the slot came round at or before `now` (a slot at exactly `now` counts). */
export function latestOccurrence(now: number, slot: WeeklySlot, zone: string): number {
  const time = parseClockTime(slot.time);
  if (!time) throw new RangeError(`not an HH:mm time: ${slot.time}`);
  const daysBack = (wallParts(now, zone).weekday - slot.day + 7) % 7;
  const candidate = occurrenceOn(localMidnight(now, zone, -daysBack), time, zone);
  return candidate <= now ? candidate : occurrenceOn(localMidnight(now, zone, -daysBack - 7), time, zone);
}

/** The next `count` times the slot comes round strictly after `now`. */
export function nextOccurrences(now: number, slot: WeeklySlot, zone: string, count = 3): number[] {
  const time = parseClockTime(slot.time);
  if (!time) throw new RangeError(`not an HH:mm time: ${slot.time}`);
  const latest = latestOccurrence(now, slot, zone);
  const times: number[] = [];
  for (let week = 1; times.length < count; week++) {
    times.push(occurrenceOn(localMidnight(latest, zone, 7 * week), time, zone));
  }
  return times;
}

/** Periods already resolved: every workspace in a zone with the same slot asks for the same one each minute. */
const resolvedWeeks = new Map<string, Period>();

/** What a digest sent at `occurrence` reports: the workspace's "last week" as of then, by day. */
export function reportedWeek(occurrence: number, calendar: { zone: string; weekStart: Weekday }): Period {
  const key = `${calendar.zone} ${calendar.weekStart} ${occurrence}`;
  let period = resolvedWeeks.get(key);
  if (!period) {
    period = resolvePeriod('last week', { ...calendar, now: occurrence });
    if (resolvedWeeks.size >= 5000) resolvedWeeks.clear();
    resolvedWeeks.set(key, period);
  }
  return period;
}

/**
 * The key of a digest's week: the local start date of the week it reports ("2026-11-23"). One
 * delivery per key, whatever the slot was changed to in between.
 */
export function weekKey(period: Period): string {
  return isoInZone(period.start, period.zone).slice(0, 10);
}
