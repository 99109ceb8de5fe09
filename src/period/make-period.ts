import { type Calendar, floorTo, instantOf, shiftBoundary, TYPICAL_MS, type Unit } from './calendar.js';
import { formatRange, periodTitle, wantsWeekdays } from './label.js';
import { daysBetween, endOfToday } from './place-spec.js';
import { type Period, PeriodError, type PeriodStep, type ResolveSettings } from './types.js';

/** What identifies a period independently of any phrase: enough to rebuild it (buttons carry this). */
export interface PeriodKey {
  readonly step: PeriodStep;
  readonly count: number;
  readonly start: number;
  readonly toDate: boolean;
  readonly unit?: Unit | undefined;
}

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

function checkUnit(unit: Unit, durationMs: number, range: string): void {
  if (LONGEST_BUCKET[unit] >= durationMs) {
    throw new PeriodError(
      'unit-too-large',
      `“By ${unit}” needs a period longer than one ${unit}, and ${range} is not.`,
    );
  }
  const buckets = Math.round(durationMs / TYPICAL_MS[unit]);
  if (buckets > MAX_BUCKETS) {
    const most = Math.floor((MAX_BUCKETS * TYPICAL_MS[unit]) / DAY);
    throw new PeriodError(
      'too-many-buckets',
      `${range} by ${unit} would be about ${buckets} points; by ${unit} covers at most ${most} days.`,
    );
  }
}

/** The end of a "so far" period: as many days into it as today is into the current one. */
function toDateEnd(start: number, naturalEnd: number, step: PeriodStep, settings: ResolveSettings): number {
  const today = { cal: settings, now: settings.now };
  const elapsedDays = daysBetween(floorTo(settings.now, step, settings), endOfToday(today), settings);
  return Math.min(shiftBoundary(start, 'day', elapsedDays, settings), naturalEnd);
}

/** Builds, checks and names a period. Throws `PeriodError` for one that cannot be reported. */
export function makePeriod(key: PeriodKey, settings: ResolveSettings): Period {
  const cal: Calendar = { zone: settings.zone, weekStart: settings.weekStart };
  const naturalEnd = shiftBoundary(key.start, key.step, key.count, cal);
  const endExclusive = key.toDate ? toDateEnd(key.start, naturalEnd, key.step, settings) : naturalEnd;
  const days = daysBetween(key.start, endExclusive, cal);
  const range = formatRange(key.start, endExclusive - 1, cal, wantsWeekdays(key.step, days));
  if (key.start > settings.now) throw new PeriodError('future', `${range} hasn’t started yet; reports look back.`);
  if (!(key.start >= instantOf(EARLIEST_DAY, cal.zone)))
    throw new PeriodError('too-early', 'Reports reach back to 1 January 2000 at the earliest.');
  if (shiftBoundary(key.start, 'year', MAX_YEARS, cal) < endExclusive) {
    throw new PeriodError('too-long', `${range} is longer than ${MAX_YEARS} years, the most one report covers.`);
  }
  const duration = endExclusive - key.start;
  const unit = key.unit ?? defaultUnit(key.step, key.count, duration);
  checkUnit(unit, duration, range);
  const title = periodTitle({ ...key, endExclusive }, cal, settings.now);
  return {
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
  };
}

export function keyOf(period: Period): PeriodKey {
  return { step: period.step, count: period.count, start: period.start, toDate: period.toDate, unit: period.unit };
}
