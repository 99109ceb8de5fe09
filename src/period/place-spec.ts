import { type Calendar, dayNumber, floorTo, instantOf, shiftBoundary, wallParts } from './calendar.js';
import { PeriodError, type PeriodStep } from './period-types.js';
import type { DateSpec } from './phrase/read-phrase.js';

/** A spec placed on the workspace's calendar: `count` whole `step`s from `start`. */
export interface Placed {
  readonly start: number;
  readonly endExclusive: number;
  readonly step: PeriodStep;
  readonly count: number;
  readonly toDate: boolean;
}

export interface PlaceContext {
  readonly cal: Calendar;
  readonly now: number;
}

type Yearful = Extract<DateSpec, { kind: 'day' | 'month' | 'quarter' | 'half' }>;
type YearChoice = (candidate: (year: number) => Placed | null) => Placed;

function whole(step: PeriodStep, start: number, ctx: PlaceContext, count = 1): Placed {
  return { start, endExclusive: shiftBoundary(start, step, count, ctx.cal), step, count, toDate: false };
}

function startOfDay(year: number, month: number, day: number, ctx: PlaceContext): number | null {
  const wall = new Date(Date.UTC(year, month - 1, day));
  if (wall.getUTCFullYear() !== year || wall.getUTCMonth() !== month - 1 || wall.getUTCDate() !== day) return null;
  return floorTo(instantOf(wall.getTime(), ctx.cal.zone), 'day', ctx.cal);
}

function placeYearful(spec: Yearful, year: number, ctx: PlaceContext): Placed | null {
  switch (spec.kind) {
    case 'day': {
      const start = startOfDay(year, spec.month, spec.day, ctx);
      return start === null ? null : whole('day', start, ctx);
    }
    case 'month':
      return whole('month', startOfDay(year, spec.month, 1, ctx) ?? 0, ctx);
    case 'quarter':
      return whole('quarter', startOfDay(year, spec.quarter * 3 - 2, 1, ctx) ?? 0, ctx);
    case 'half':
      return whole('quarter', startOfDay(year, spec.half * 6 - 5, 1, ctx) ?? 0, ctx, 2);
  }
}

/** The latest year, this one or before, in which the candidate has begun: "December" in November is last December. */
export function latestPast(ctx: PlaceContext): YearChoice {
  return (candidate) => {
    const thisYear = wallParts(ctx.now, ctx.cal.zone).year;
    // Eight years back finds the last 29 February whatever this year is.
    for (let year = thisYear; year >= thisYear - 8; year--) {
      const placed = candidate(year);
      if (placed && placed.start <= ctx.now) return placed;
    }
    throw new PeriodError('unparseable', 'That date does not exist.');
  };
}

/**
 * The first year, `year` or the next, in which the candidate ends after `after`: the far end of a
 * range. Any date but 29 February is found by then; a later leap day would run the range years on.
 */
export function firstEndingAfter(year: number, after: number): YearChoice {
  return (candidate) => {
    for (let y = year; y <= year + 1; y++) {
      const placed = candidate(y);
      if (placed && placed.endExclusive > after) return placed;
    }
    throw new PeriodError('unparseable', 'That date does not exist.');
  };
}

/** The last year, `year` or the one before, in which the candidate starts before `before`: the near end of a range. */
export function lastStartingBefore(year: number, before: number): YearChoice {
  return (candidate) => {
    for (let y = year; y >= year - 1; y--) {
      const placed = candidate(y);
      if (placed && placed.start < before) return placed;
    }
    throw new PeriodError('unparseable', 'That date does not exist.');
  };
}

function weekdayStart(spec: Extract<DateSpec, { kind: 'weekday' }>, ctx: PlaceContext): number {
  const today = floorTo(ctx.now, 'day', ctx.cal);
  const todayDow = wallParts(today, ctx.cal.zone).weekday;
  const back = (todayDow - spec.weekday + 7) % 7;
  const intoWeek = (todayDow - ctx.cal.weekStart + 7) % 7;
  const days = {
    latest: -back,
    'before-today': -(back || 7),
    'this-week': -intoWeek + ((spec.weekday - ctx.cal.weekStart + 7) % 7),
    next: (spec.weekday - todayDow + 7) % 7 || 7,
  }[spec.direction];
  return shiftBoundary(today, 'day', days, ctx.cal);
}

/** Saturday and Sunday: this weekend (the current or coming one) or the last one that is over. */
function placeWeekend(spec: Extract<DateSpec, { kind: 'weekend' }>, ctx: PlaceContext): Placed {
  const today = floorTo(ctx.now, 'day', ctx.cal);
  const dow = wallParts(today, ctx.cal.zone).weekday;
  const inWeekend = dow === 6 || dow === 0;
  let saturday = shiftBoundary(today, 'day', -((dow + 1) % 7), ctx.cal);
  if (spec.shift === 0 && !inWeekend) saturday = shiftBoundary(saturday, 'day', 7, ctx.cal);
  if (spec.shift < 0 && inWeekend) saturday = shiftBoundary(saturday, 'day', -7, ctx.cal);
  return whole('day', saturday, ctx, 2);
}

function placeRelative(spec: Extract<DateSpec, { kind: 'relative' }>, ctx: PlaceContext): Placed {
  const start = shiftBoundary(floorTo(ctx.now, spec.step, ctx.cal), spec.step, spec.shift, ctx.cal);
  const placed = whole(spec.step, start, ctx);
  if (!spec.toDate) return placed;
  return { ...placed, toDate: true, endExclusive: Math.min(placed.endExclusive, endOfToday(ctx)) };
}

function placeTrailing(spec: Extract<DateSpec, { kind: 'trailing' }>, ctx: PlaceContext): Placed {
  if (spec.count < 1) throw new PeriodError('unparseable', `The last ${spec.count} ${spec.step}s is no period at all.`);
  const end = floorTo(ctx.now, spec.step, ctx.cal);
  return whole(spec.step, shiftBoundary(end, spec.step, -spec.count, ctx.cal), ctx, spec.count);
}

export function endOfToday(ctx: PlaceContext): number {
  return shiftBoundary(floorTo(ctx.now, 'day', ctx.cal), 'day', 1, ctx.cal);
}

/** Whole days from `start` to `endExclusive`; calendar days, so a 23-hour day still counts as one. */
export function daysBetween(start: number, endExclusive: number, cal: Calendar): number {
  return dayNumber(endExclusive, cal.zone) - dayNumber(start, cal.zone);
}

/** Places one end of a phrase; `choose` picks the year when the phrase did not say it. */
export function placeSpec(spec: DateSpec, ctx: PlaceContext, choose: YearChoice = latestPast(ctx)): Placed {
  switch (spec.kind) {
    case 'relative':
      return placeRelative(spec, ctx);
    case 'trailing':
      return placeTrailing(spec, ctx);
    case 'weekend':
      return placeWeekend(spec, ctx);
    case 'weekday':
      return whole('day', weekdayStart(spec, ctx), ctx);
    case 'year':
      return whole('year', startOfDay(spec.year, 1, 1, ctx) ?? 0, ctx);
    case 'week-of': {
      const day = placeSpec(spec.day, ctx, choose);
      return whole('week', floorTo(day.start, 'week', ctx.cal), ctx);
    }
    case 'since': {
      const from = placeSpec(spec.from, ctx, choose);
      const end = endOfToday(ctx);
      return {
        start: from.start,
        endExclusive: end,
        step: 'day',
        count: daysBetween(from.start, end, ctx.cal),
        toDate: false,
      };
    }
    default: {
      if (spec.year !== undefined) {
        const placed = placeYearful(spec, spec.year, ctx);
        if (!placed) throw new PeriodError('unparseable', 'That date does not exist.');
        return placed;
      }
      return choose((year) => placeYearful(spec, year, ctx));
    }
  }
}

function statedYear(spec: DateSpec): number | undefined {
  if (spec.kind === 'week-of') return statedYear(spec.day);
  return 'year' in spec ? spec.year : undefined;
}

/**
 * Both ends of a range. A year said at one end applies to the other ("Nov 3 to Nov 10 2025");
 * with no year at all, the range is the latest one that has begun.
 */
export function placeRange(from: DateSpec, to: DateSpec, ctx: PlaceContext): Placed {
  const toYear = statedYear(to);
  let first: Placed;
  let last: Placed;
  if (statedYear(from) === undefined && toYear !== undefined) {
    last = placeSpec(to, ctx);
    first = placeSpec(from, ctx, lastStartingBefore(toYear, last.endExclusive));
  } else {
    first = placeSpec(from, ctx);
    last = placeSpec(to, ctx, firstEndingAfter(wallParts(first.start, ctx.cal.zone).year, first.start));
  }
  if (last.endExclusive <= first.start) [first, last] = [last, first];
  const start = first.start;
  const endExclusive = Math.max(first.endExclusive, last.endExclusive);
  if (first.step === last.step && first.count === 1 && last.count === 1 && !first.toDate && !last.toDate) {
    const count = stepsBetween(start, endExclusive, first.step, ctx.cal);
    if (count !== null) return { start, endExclusive, step: first.step, count, toDate: false };
  }
  return { start, endExclusive, step: 'day', count: daysBetween(start, endExclusive, ctx.cal), toDate: false };
}

/** How many whole `step`s lie exactly between two boundaries, or null when they do not line up. */
function stepsBetween(start: number, endExclusive: number, step: PeriodStep, cal: Calendar): number | null {
  let at = start;
  for (let count = 1; count <= 2000; count++) {
    at = shiftBoundary(at, step, 1, cal);
    if (at === endExclusive) return count;
    if (at > endExclusive) return null;
  }
  return null;
}
