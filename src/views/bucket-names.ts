import { type Calendar, floorTo, instantOf, type Unit, type WallParts, wallOf, wallParts } from '../period/calendar.js';

/**
 * What one chart point stands for: a report bucket's unit, or a larger calendar unit the
 * buckets were merged into to fit Slack (never a count of buckets, which would leave a
 * one-day leftover that looks like a drop).
 */
export type PointUnit = Unit | 'sixHours' | 'quarter' | 'year';

const HOUR = 3_600_000;
export const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** "March 2025" */
const monthAndYear = (ms: number, zone: string) =>
  new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: zone }).format(ms);

export const monthOf = (p: WallParts) => MONTHS[p.month - 1] ?? '';
export const weekdayOf = (p: WallParts) => WEEKDAYS[p.weekday] ?? '';
export const clockOf = (p: WallParts) => `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
/** "Thu 19 Nov" */
export const dayName = (p: WallParts) => `${weekdayOf(p)} ${p.day} ${monthOf(p)}`;

/** Start of the point of `unit` holding `ms`: six-hour points start at 00:00, 06:00, 12:00 and 18:00 on the wall clock. */
export function pointFloor(ms: number, unit: PointUnit, cal: Calendar): number {
  if (unit !== 'sixHours') return floorTo(ms, unit, cal);
  const wall = wallOf(floorTo(ms, 'hour', cal), cal.zone);
  return instantOf(wall - (wall % (6 * HOUR)), cal.zone);
}

/** "29–30 Sep", "29 Sep – 5 Oct", "28 Dec 2026 – 3 Jan 2027": first and last day of a span, `end` inclusive. */
export function spanName(start: number, end: number, cal: Calendar): string {
  const a = wallParts(start, cal.zone);
  const b = wallParts(end, cal.zone);
  if (a.year !== b.year) return `${a.day} ${monthOf(a)} ${a.year} – ${b.day} ${monthOf(b)} ${b.year}`;
  if (a.month !== b.month) return `${a.day} ${monthOf(a)} – ${b.day} ${monthOf(b)}`;
  if (a.day !== b.day) return `${a.day}–${b.day} ${monthOf(a)}`;
  return `${a.day} ${monthOf(a)}`;
}

export interface NameOptions {
  readonly unit: PointUnit;
  readonly cal: Calendar;
  /** Hours of more than one day name their day. */
  readonly multiDay: boolean;
  /** The point covers less than its whole unit (an edge of the period): name its real span. */
  readonly short: boolean;
}

/**
 * A point in words, for "Busiest" and the alt text: "14:00" (one day by hour), "Thu 19 Nov, 14:00",
 * "Thu 19 Nov", "7–13 Jul" (a week reads as a week), "March 2025", "Q3 2025"; a short edge
 * point names the days it really covers ("29–30 Sep").
 */
export function pointName(start: number, end: number, options: NameOptions): string {
  const p = wallParts(start, options.cal.zone);
  switch (options.unit) {
    case 'hour':
      return options.multiDay ? `${dayName(p)}, ${clockOf(p)}` : clockOf(p);
    case 'sixHours': {
      const hours = `${clockOf(p)}–${clockOf(wallParts(end + 1, options.cal.zone))}`;
      return options.multiDay ? `${dayName(p)}, ${hours}` : hours;
    }
    case 'day':
      return dayName(p);
    case 'week':
      return spanName(start, end, options.cal);
    case 'month':
      return options.short ? spanName(start, end, options.cal) : monthAndYear(start, options.cal.zone);
    case 'quarter':
      return options.short ? spanName(start, end, options.cal) : `Q${Math.ceil(p.month / 3)} ${p.year}`;
    case 'year':
      return options.short ? spanName(start, end, options.cal) : `${p.year}`;
  }
}

/** The unit in words, for "Busiest day" and "one point per week". */
export const UNIT_NOUNS: Record<PointUnit, string> = {
  hour: 'hour',
  sixHours: 'six hours',
  day: 'day',
  week: 'week',
  month: 'month',
  quarter: 'quarter',
  year: 'year',
};
