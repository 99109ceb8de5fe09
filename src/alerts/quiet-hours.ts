import { instantOf, readingsOf, wallOf, wallParts } from '../period/calendar.js';
import type { QuietHours } from '../store/alert-settings.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
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

/**
 * The next instant after `now` at which the local wall clock reads the quiet hours' `to` (where
 * the clocks jump over it, the first instant after the jump): when quiet hours that hold at `now`
 * are over. Where the clocks go back over `to`, its second reading counts: quiet hours that hold in
 * the repeated hour end when the clock reads `to` again, not a day later.
 */
export function quietHoursEnd(now: number, quiet: QuietHours, zone: string): number {
  const today = Math.floor(wallOf(now, zone) / DAY) * DAY;
  const end = minutesOf(quiet.to) * MINUTE;
  const todays = readingsOf(today + end, zone).find((at) => at > now);
  return todays ?? instantOf(today + DAY + end, zone);
}
