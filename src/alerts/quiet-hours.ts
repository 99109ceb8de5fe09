import { wallParts } from '../period/calendar.js';
import type { QuietHours } from '../store/alert-settings.js';

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * Whether `now` falls in the quiet hours, by the local wall clock: from `from` up to (not
 * including) `to`, across midnight when `to` is the earlier time. Equal times mean none.
 */
export function inQuietHours(now: number, quiet: QuietHours | undefined, zone: string): boolean {
  if (!quiet || quiet.from === quiet.to) return false;
  const { hour, minute } = wallParts(now, zone);
  const at = hour * 60 + minute;
  const [from, to] = [minutesOf(quiet.from), minutesOf(quiet.to)];
  return from < to ? at >= from && at < to : at >= from || at < to;
}
