import { type Calendar, dayNumber, floorTo, shiftBoundary } from './calendar.js';
import type { PeriodStep } from './period-types.js';

function monthsBetween(start: number, end: number, cal: Calendar): number {
  let months = 0;
  for (let at = start; at < end; at = shiftBoundary(at, 'month', 1, cal)) months++;
  return months;
}

/**
 * The instant as far into the period that starts at `earlierStart` as `at` is into the one that
 * starts at `start` (both of `step`), counted on the calendar: whole months (for month-based
 * steps), then whole days, then the time of day. 10 March is as far into this year as 10 March
 * 2024 is into 2024, leap day or not, and as 10 December is into last quarter.
 */
export function sameCalendarPoint(
  start: number,
  earlierStart: number,
  at: number,
  step: PeriodStep,
  cal: Calendar,
): number {
  const day = floorTo(at, 'day', cal);
  let base = earlierStart;
  let dayFrom = start;
  if (step !== 'day' && step !== 'week') {
    const monthStart = floorTo(at, 'month', cal);
    base = shiftBoundary(earlierStart, 'month', monthsBetween(start, monthStart, cal), cal);
    dayFrom = monthStart;
  }
  const days = dayNumber(day, cal.zone) - dayNumber(dayFrom, cal.zone);
  return shiftBoundary(base, 'day', days, cal) + (at - day);
}
