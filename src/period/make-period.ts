import { type Calendar, floorTo, instantOf, shiftBoundary, TYPICAL_MS, UNITS, type Unit } from './calendar.js';
import { formatRange, periodTitle, wantsWeekdays } from './label.js';
import {
  type Period,
  PeriodError,
  type PeriodErrorCode,
  type PeriodStep,
  type ResolveSettings,
} from './period-types.js';
import { daysBetween, endOfToday } from './place-spec.js';
import { sameCalendarPoint } from './same-calendar-point.js';

/** What identifies a period independently of any phrase: enough to rebuild it (buttons carry this). */
export interface PeriodKey {
  readonly step: PeriodStep;
  readonly count: number;
  readonly start: number;
  readonly toDate: boolean;
  readonly unit?: Unit | undefined;
}

/** Why a period cannot be reported: the code and the words for people (PeriodError adds the examples). */
export interface PeriodProblem {
  readonly code: PeriodErrorCode;
  readonly problem: string;
}

export type Made =
  | { readonly period: Period; readonly problem?: undefined }
  | { readonly period?: undefined; readonly problem: PeriodProblem };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The longest each bucket can be anywhere (Lord Howe's 90-minute hour, a 25-hour day). */
const LONGEST_BUCKET: Record<Unit, number> = {
  hour: 1.5 * HOUR,
  day: 25 * HOUR,
  week: 7 * DAY + HOUR,
  month: 31 * DAY + HOUR,
};
/** A chart stays readable, and its URL fits Slack, up to a year by day. */
export const MAX_BUCKETS = 370;
export const MAX_YEARS = 5;
/** Reports reach back to 1 January 2000 at the earliest, on the workspace's own calendar (a wall-clock date). */
const EARLIEST_DAY = Date.UTC(2000, 0, 1);

const DEFAULT_UNIT: Partial<Record<PeriodStep, Unit>> = {
  day: 'hour',
  week: 'day',
  month: 'day',
  quarter: 'week',
  year: 'month',
};

export function defaultUnit(step: PeriodStep, count: number, durationMs: number): Unit {
  const fixed = count === 1 ? DEFAULT_UNIT[step] : undefined;
  // "This year so far" on 1 January is one day long: by month would not fit, so go by length.
  if (fixed && LONGEST_BUCKET[fixed] < durationMs) return fixed;
  if (durationMs <= 2 * DAY + HOUR) return 'hour';
  if (durationMs <= 62 * DAY + HOUR) return 'day';
  if (durationMs <= 190 * DAY) return 'week';
  return 'month';
}

/** Why a period cannot be shown by `unit` (too coarse, or too many points), or null when it can. */
function unitProblem(unit: Unit, durationMs: number, range: string): PeriodProblem | null {
  if (LONGEST_BUCKET[unit] >= durationMs) {
    return {
      code: 'unit-too-large',
      problem: `“By ${unit}” needs a period longer than one ${unit}, and ${range} is not.`,
    };
  }
  const buckets = Math.round(durationMs / TYPICAL_MS[unit]);
  if (buckets > MAX_BUCKETS) {
    const most = Math.floor((MAX_BUCKETS * TYPICAL_MS[unit]) / DAY);
    return {
      code: 'too-many-buckets',
      problem: `${range} by ${unit} would be about ${buckets} points; by ${unit} covers at most ${most} days.`,
    };
  }
  return null;
}

/** The end of a "so far" period: as far into it, on the calendar, as the end of today is into the current one. */
function toDateEnd(start: number, naturalEnd: number, step: PeriodStep, settings: ResolveSettings): number {
  const current = floorTo(settings.now, step, settings);
  const todayEnd = endOfToday({ cal: settings, now: settings.now });
  return Math.min(sameCalendarPoint(current, start, todayEnd, step, settings), naturalEnd);
}

interface Span {
  readonly cal: Calendar;
  readonly endExclusive: number;
  /** "Mon 16 – Sun 22 Nov 2026": how the span reads, in its problems and in the period's label. */
  readonly range: string;
}

/** Where a period ends, and whether it can be reported at all whatever its unit (not in the future, after 1999, ≤ 5 years). */
function spanOrProblem(key: PeriodKey, settings: ResolveSettings): Span | PeriodProblem {
  const cal: Calendar = { zone: settings.zone, weekStart: settings.weekStart };
  const naturalEnd = shiftBoundary(key.start, key.step, key.count, cal);
  const endExclusive = key.toDate ? toDateEnd(key.start, naturalEnd, key.step, settings) : naturalEnd;
  const days = daysBetween(key.start, endExclusive, cal);
  const range = formatRange(key.start, endExclusive - 1, cal, wantsWeekdays(key.step, days));
  if (key.start > settings.now) return { code: 'future', problem: `${range} hasn’t started yet; reports look back.` };
  if (!(key.start >= instantOf(EARLIEST_DAY, cal.zone)))
    return { code: 'too-early', problem: 'Reports reach back to 1 January 2000 at the earliest.' };
  if (shiftBoundary(key.start, 'year', MAX_YEARS, cal) < endExclusive) {
    return { code: 'too-long', problem: `${range} is longer than ${MAX_YEARS} years, the most one report covers.` };
  }
  return { cal, endExclusive, range };
}

/**
 * Builds, checks and names a period; a period that cannot be reported comes back as its problem,
 * not as an exception, so asking "is there a period before this one?" costs no stack trace.
 */
export function periodOrProblem(key: PeriodKey, settings: ResolveSettings): Made {
  const span = spanOrProblem(key, settings);
  if ('code' in span) return { problem: span };
  const { cal, endExclusive, range } = span;
  const duration = endExclusive - key.start;
  const unit = key.unit ?? defaultUnit(key.step, key.count, duration);
  const wrongUnit = unitProblem(unit, duration, range);
  if (wrongUnit) return { problem: wrongUnit };
  const title = periodTitle({ ...key, endExclusive }, cal, settings.now);
  return {
    period: {
      ...cal,
      step: key.step,
      count: key.count,
      toDate: key.toDate,
      start: key.start,
      end: endExclusive - 1,
      unit,
      title: title ?? range,
      range,
      label: title ? `${title} · ${range}` : range,
    },
  };
}

/** The units the period of `key` can be shown by as of `now` (smaller than it, few enough points): one span, no periods built. */
export function unitsFor(key: PeriodKey, settings: ResolveSettings): Unit[] {
  const span = spanOrProblem(key, settings);
  if ('code' in span) return [];
  return UNITS.filter((unit) => unitProblem(unit, span.endExclusive - key.start, span.range) === null);
}

/** Builds, checks and names a period. Throws `PeriodError` for one that cannot be reported (a person asked for it). */
export function makePeriod(key: PeriodKey, settings: ResolveSettings): Period {
  const made = periodOrProblem(key, settings);
  if (made.problem) throw new PeriodError(made.problem.code, made.problem.problem);
  return made.period;
}

export function keyOf(period: Period): PeriodKey {
  return { step: period.step, count: period.count, start: period.start, toDate: period.toDate, unit: period.unit };
}
