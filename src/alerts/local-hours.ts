import { floorTo, instantOf, isoInZone, wallOf, wallParts } from '../period/calendar.js';
import type { Measure } from '../report/report-types.js';
import type { AlertMeasure } from '../store/alert-settings.js';

/**
 * Counts "up to 11:00" on any day, in local wall time. Pure. A day has 23, 24 or 25 hourly
 * buckets (Tellody cuts them in the account's zone); "up to 11:00" is everything before the
 * local clock first reads 11:00 that day — so a spring-forward day has one hour less behind it
 * by then, and a fall-back day's repeated hour counts from the time it is over.
 */

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** One local day's hourly counts, as Tellody returned them. */
export interface HourlyDay {
  /** The day's first instant. */
  readonly start: number;
  /** Where each hourly bucket starts: 23, 24 or 25 of them. */
  readonly hourStarts: readonly number[];
  /** Tellody's four series, one count per hourly bucket. */
  readonly counts: Readonly<Record<Measure, readonly number[]>>;
}

/** The instant the local clock first reads `hour`:00 on the day starting at `dayStart`; 24 is the next day's start. */
export function wallHourOn(dayStart: number, hour: number, zone: string): number {
  const midnight = Math.floor(wallOf(dayStart, zone) / DAY) * DAY;
  return instantOf(midnight + hour * HOUR, zone);
}

/** A measure's events on a day before `cutoff` (an instant on an hour boundary). */
export function countBefore(day: HourlyDay, measure: AlertMeasure, cutoff: number): number {
  const counts = day.counts[measure];
  let sum = 0;
  day.hourStarts.forEach((start, i) => {
    if (start < cutoff) sum += counts[i] ?? 0;
  });
  return sum;
}

/** A measure's events on a day up to local wall time `hour`:00. */
export function countBy(day: HourlyDay, measure: AlertMeasure, hour: number, zone: string): number {
  return countBefore(day, measure, wallHourOn(day.start, hour, zone));
}

/** Where today stands as of `now`: its start, its date, and the last whole local hour (0 before 01:00). */
export interface Today {
  readonly start: number;
  /** "2026-11-30" */
  readonly date: string;
  /** Counts compare "by this hour": 11 from 11:00 to 11:59. */
  readonly hour: number;
  readonly weekday: number;
}

export function todayAt(now: number, zone: string): Today {
  const calendar = { zone, weekStart: 1 as const };
  const start = floorTo(now, 'day', calendar);
  const parts = wallParts(floorTo(now, 'hour', calendar), zone);
  return { start, date: isoInZone(start, zone).slice(0, 10), hour: parts.hour, weekday: parts.weekday };
}

/** The start of the same local day `weeks` weeks before the day starting at `dayStart`. */
export function weeksBefore(dayStart: number, weeks: number, zone: string): number {
  const midnight = Math.floor(wallOf(dayStart, zone) / DAY) * DAY;
  return floorTo(instantOf(midnight - 7 * weeks * DAY, zone), 'day', { zone, weekStart: 1 });
}

/** True when nothing at all happened that day, in any series. */
function empty(day: HourlyDay): boolean {
  return Object.values(day.counts).every((series: readonly number[]) => series.every((n) => n === 0));
}

/**
 * The days that count as history, oldest first: from the first day with any activity on. Days
 * before it are before the account had any (too little history); an empty day after it is a
 * holiday, and stays in (the median copes with it).
 */
export function recordedHistory(days: readonly HourlyDay[]): HourlyDay[] {
  const first = days.findIndex((day) => !empty(day));
  return first < 0 ? [] : days.slice(first);
}

/**
 * The local hour since which a measure had no events today, up to `hour`, or null when its last
 * whole hour had some. 0 means none all day.
 */
export function quietSince(today: HourlyDay, measure: AlertMeasure, hour: number, zone: string): number | null {
  const cutoff = wallHourOn(today.start, hour, zone);
  const counts = today.counts[measure];
  let since = today.start;
  today.hourStarts.forEach((start, i) => {
    if (start < cutoff && (counts[i] ?? 0) > 0) since = today.hourStarts[i + 1] ?? cutoff;
  });
  return since >= cutoff ? null : since === today.start ? 0 : wallParts(since, zone).hour;
}
