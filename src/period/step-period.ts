import { isBoundary, nextBoundary, shiftBoundary } from './calendar.js';
import { keyOf, makePeriod, periodOrProblem } from './make-period.js';
import type { Period, ResolveSettings } from './period-types.js';
import { sameCalendarPoint } from './same-calendar-point.js';

function settingsOf(period: Period, now: number): ResolveSettings {
  return { zone: period.zone, weekStart: period.weekStart, now };
}

/** The period of the same kind and length just before this one. Throws `PeriodError` where there is none (before 2000). */
export function previousPeriod(period: Period, now: number): Period {
  const start = shiftBoundary(period.start, period.step, -period.count, period);
  return makePeriod({ ...keyOf(period), start }, settingsOf(period, now));
}

/** The period just before this one, or null where it cannot be reported (before 2000): no exception on the way. */
export function previousPeriodOrNull(period: Period, now: number): Period | null {
  const start = shiftBoundary(period.start, period.step, -period.count, period);
  return periodOrProblem({ ...keyOf(period), start }, settingsOf(period, now)).period ?? null;
}

/** The period just after this one, or null when it has not started yet (or cannot be reported). */
export function nextPeriod(period: Period, now: number): Period | null {
  const start = shiftBoundary(period.start, period.step, period.count, period);
  if (start > now) return null;
  return periodOrProblem({ ...keyOf(period), start }, settingsOf(period, now)).period ?? null;
}

export function isRunning(period: Period, now: number): boolean {
  return period.start <= now && now <= period.end;
}

/** What a period's totals are compared with. */
export interface Comparison {
  readonly start: number;
  readonly endExclusive: number;
  /** True when the period is still running and only the same elapsed slice of the previous one is used. */
  readonly sameElapsed: boolean;
  readonly previous: Period;
}

/**
 * The previous period, or for a period still running the same elapsed slice of it: as far
 * into the previous period, in calendar terms, as now is into this one ("Friday 10:00 last
 * week"). Tellody's finest bucket is an hour, so the slice runs to the end of that hour.
 */
export function comparisonFor(period: Period, now: number): Comparison {
  return comparisonWith(period, previousPeriod(period, now), now);
}

/** What the period is compared with, or null where there is nothing earlier (before 2000). */
export function comparisonOrNull(period: Period, now: number): Comparison | null {
  const previous = previousPeriodOrNull(period, now);
  return previous ? comparisonWith(period, previous, now) : null;
}

function comparisonWith(period: Period, previous: Period, now: number): Comparison {
  if (!isRunning(period, now)) {
    return { start: previous.start, endExclusive: previous.end + 1, sameElapsed: false, previous };
  }
  const same = Math.min(sameCalendarPoint(period.start, previous.start, now, period.step, period), previous.end + 1);
  // Up to the hour boundary, so an exact hour compares no extra hour; but never empty: at the
  // very first millisecond of a period (now === start) it still holds one bucket, so does its slice.
  const upTo = isBoundary(same, 'hour', period) && same > previous.start ? same : nextBoundary(same, 'hour', period);
  const endExclusive = Math.min(upTo, previous.end + 1);
  return { start: previous.start, endExclusive, sameElapsed: true, previous };
}
