import type { AlertSettings, AlertState } from '../store/alert-settings.js';
import { CHECK_EVERY_MS } from './check.js';
import { todayAt, wallHourOn } from './local-hours.js';
import { inQuietHours, quietHoursEnd } from './quiet-hours.js';

/**
 * Pure: when a workspace's alerts next need a check, as of `now` (the alerts being on). In quiet
 * hours, when they end; before 01:00 local (no whole hour to compare yet), 01:00; once this
 * quarter hour's slot is checked, the next slot; otherwise now. A check that comes early finds
 * nothing to do and asks again, so where in doubt this errs early, never late.
 */
export function nextCheckAt(
  now: number,
  settings: Pick<AlertSettings, 'quietHours'>,
  zone: string,
  state: Pick<AlertState, 'checkedSlot'> | undefined,
): number {
  if (settings.quietHours && inQuietHours(now, settings.quietHours, zone))
    return quietHoursEnd(now, settings.quietHours, zone);
  const today = todayAt(now, zone);
  if (today.hour === 0) return wallHourOn(today.start, 1, zone);
  const slot = Math.floor(now / CHECK_EVERY_MS);
  return state?.checkedSlot === slot ? (slot + 1) * CHECK_EVERY_MS : now;
}
