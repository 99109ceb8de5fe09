/**
 * The sandbox's own calendar, sharing nothing with src/period/: the wall clock is read with
 * Intl alone, and every boundary is found from its definition — a day starts at the first
 * instant that reads its date, an hour at an instant that reads hh:00 — by walking quarter
 * hours (every zone offset in use is a multiple of 15 minutes). Slower than the app's calendar
 * and written differently on purpose: when the app and the sandbox agree, both are right.
 */

import type { ChartUnit, ChartWindow } from '../tellody-types.js';

const QUARTER_HOUR = 15 * 60_000;
const DAY = 86_400_000;

/** What a wall clock in the zone shows. `weekday`: 0 = Sunday. */
export interface LocalClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly weekday: number;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formats.set(zone, format);
  }
  return format;
}

export function localClock(ms: number, zone: string): LocalClock {
  const parts: Record<string, string> = {};
  for (const { type, value } of formatFor(zone).formatToParts(ms)) parts[type] = value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS[parts.weekday ?? ''] ?? Number.NaN,
  };
}

/** The zone's offset from UTC at `ms`, in minutes. */
export function offsetMinutes(ms: number, zone: string): number {
  const minute = Math.floor(ms / 60_000) * 60_000;
  const c = localClock(minute, zone);
  return (Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute) - minute) / 60_000;
}

const dateKey = (year: number, month: number, day: number) => year * 10_000 + month * 100 + day;
const keyAt = (ms: number, zone: string) => {
  const c = localClock(ms, zone);
  return dateKey(c.year, c.month, c.day);
};

/** The first instant whose wall clock reads this date (the calendar date may be given out of range: 32 Jan = 1 Feb). */
export function dayStart(year: number, month: number, day: number, zone: string): number {
  const date = new Date(Date.UTC(year, month - 1, day));
  const key = dateKey(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  // Midnight at the offset that holds at noon: right on most days, a few quarter hours off on a clock change.
  let at = date.getTime() - offsetMinutes(date.getTime() + DAY / 2, zone) * 60_000;
  while (keyAt(at, zone) > key) at -= QUARTER_HOUR;
  while (keyAt(at, zone) < key) at += QUARTER_HOUR;
  while (keyAt(at - QUARTER_HOUR, zone) === key) at -= QUARTER_HOUR;
  return at;
}

/** The first instant of the window of `kind` that contains `ms`; weeks start on `dow` (0 = Sunday). */
export function windowStart(ms: number, kind: ChartWindow, dow: number, zone: string): number {
  const c = localClock(ms, zone);
  switch (kind) {
    case 'day':
      return dayStart(c.year, c.month, c.day, zone);
    case 'week':
      return dayStart(c.year, c.month, c.day - ((c.weekday - dow + 7) % 7), zone);
    case 'month':
      return dayStart(c.year, c.month, 1, zone);
    case 'year':
      return dayStart(c.year, 1, 1, zone);
  }
}

/** The first instant after the window of `kind` that starts at `start`. */
export function windowEnd(start: number, kind: ChartWindow, zone: string): number {
  const c = localClock(start, zone);
  switch (kind) {
    case 'day':
      return dayStart(c.year, c.month, c.day + 1, zone);
    case 'week':
      return dayStart(c.year, c.month, c.day + 7, zone);
    case 'month':
      return dayStart(c.year, c.month + 1, 1, zone);
    case 'year':
      return dayStart(c.year + 1, 1, 1, zone);
  }
}

/** The next instant after `ms` whose wall clock reads a whole hour. */
function nextHourStart(ms: number, zone: string): number {
  let at = Math.floor(ms / QUARTER_HOUR) * QUARTER_HOUR + QUARTER_HOUR;
  while (localClock(at, zone).minute !== 0) at += QUARTER_HOUR;
  return at;
}

/** Where the bucket of `unit` that contains `ms` ends: the next hour, day, week (from `dow`) or month. */
export function nextBucketStart(ms: number, unit: ChartUnit, dow: number, zone: string): number {
  if (unit === 'hour') return nextHourStart(ms, zone);
  const kind = unit === 'week' ? 'week' : unit === 'month' ? 'month' : 'day';
  return windowEnd(windowStart(ms, kind, dow, zone), kind, zone);
}
