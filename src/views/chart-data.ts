import { type Calendar, wallParts } from '../period/calendar.js';
import type { PeriodStep } from '../period/index.js';
import { addInto, emptyTotals } from '../report/compare.js';
import { MEASURES, type Measure, type Report, type Totals } from '../report/report-types.js';
import { type PointUnit, pointFloor } from './bucket-names.js';
import { periodName } from './format.js';

/**
 * whole: a complete bucket; partial: the one still counting (drawn hollow and dashed, "so far");
 * short: an edge bucket the period cuts (29–30 Sep of a week), drawn the same way and named by its span.
 */
export type PointState = 'whole' | 'partial' | 'short';

export interface ChartPoint {
  readonly start: number;
  /** Last millisecond the point covers. */
  readonly end: number;
  readonly state: PointState;
}

export type Series = Readonly<Record<Measure, readonly (number | null)[]>>;

/** What the chart draws: one point per bucket (or per merged calendar unit), this period and the one before. */
export interface ChartData {
  readonly unit: PointUnit;
  readonly cal: Calendar;
  readonly points: readonly ChartPoint[];
  /** Null where nothing is drawn: not started yet, or barely started. */
  readonly series: Series;
  /** The period compared with, aligned point by point; null when there is none. */
  readonly previous: Series | null;
  /** Report buckets per point, about (1 unless points were merged to fit Slack). */
  readonly perPoint: number;
  /** The points cover more than one calendar day: hours name their day. */
  readonly multiDay: boolean;
  /** What is drawn in colour: "Last week", "This week so far". */
  readonly periodWords: string;
  /** What is drawn in grey: "the week before"; null when nothing is compared. */
  readonly previousWords: string | null;
}

/** A partial bucket less than this far along is left off the chart: its few events would look like a collapse. */
export const BARELY_STARTED = 0.25;

/** Units points may be merged into, smallest first, for each report unit. */
export const MERGE_UNITS: Readonly<Record<PointUnit, readonly PointUnit[]>> = {
  hour: ['sixHours', 'day', 'week'],
  sixHours: ['day', 'week'],
  day: ['week', 'month'],
  week: ['month', 'quarter', 'year'],
  month: ['quarter', 'year'],
  quarter: ['year'],
  year: [],
};

interface Slot {
  readonly start: number;
  readonly end: number;
  readonly values: Totals | null;
  readonly partial: boolean;
}

/** Consecutive slots of the same calendar `unit` summed into one; a slot with no values yet adds nothing. */
function merge(slots: readonly Slot[], unit: PointUnit, cal: Calendar): Slot[] {
  const merged: Slot[] = [];
  let group: Slot[] = [];
  const flush = () => {
    const first = group[0];
    const last = group.at(-1);
    if (!first || !last) return;
    const known = group.flatMap((s) => (s.values ? [s.values] : []));
    const values = known.length === 0 ? null : emptyTotals();
    for (const v of known) if (values) addInto(values, v);
    merged.push({ start: first.start, end: last.end, values, partial: group.some((s) => s.partial) });
    group = [];
  };
  for (const slot of slots) {
    const first = group[0];
    if (first && pointFloor(first.start, unit, cal) !== pointFloor(slot.start, unit, cal)) flush();
    group.push(slot);
  }
  flush();
  return merged;
}

/**
 * Only the period's edges can cut a point short: inside it every bucket is whole. (Weeks merged
 * into months are labelled by the month they start in.)
 */
function stateOf(
  slot: Slot,
  i: number,
  count: number,
  edges: { start: number; end: number },
  unit: PointUnit,
  cal: Calendar,
): PointState {
  if (slot.partial) return 'partial';
  const cutAtStart = i === 0 && pointFloor(edges.start, unit, cal) !== edges.start;
  const cutAtEnd = i === count - 1 && pointFloor(edges.end + 1, unit, cal) !== edges.end + 1;
  return cutAtStart || cutAtEnd ? 'short' : 'whole';
}

const barelyStarted = (slot: Slot, now: number) =>
  slot.partial && (now - slot.start) / (slot.end + 1 - slot.start) < BARELY_STARTED;

function seriesOf(slots: readonly Slot[], length: number, leftOff: (i: number) => boolean): Series {
  const series = {} as Record<Measure, (number | null)[]>;
  for (const m of MEASURES) {
    series[m] = Array.from({ length }, (_, i) => (leftOff(i) ? null : (slots[i]?.values?.[m] ?? null)));
  }
  return series;
}

const STEP_NOUNS: Record<PeriodStep, string> = {
  day: 'day',
  week: 'week',
  month: 'month',
  quarter: 'quarter',
  year: 'year',
};

/** "Last week", "This week so far", or the dates where the name alone says little ("8 days"). */
function periodWords(report: Report): string {
  const name = periodName(report.period);
  return report.running && !name.endsWith('so far') ? `${name} so far` : name;
}

/** "the week before", "the 3 months before to the same point", or null when nothing is compared. */
function previousWords(report: Report): string | null {
  const { step, count } = report.period;
  if (!report.comparison) return null;
  const before = count === 1 ? `the ${STEP_NOUNS[step]} before` : `the ${count} ${STEP_NOUNS[step]}s before`;
  return report.comparison.sameElapsed ? `${before} to the same point` : before;
}

/**
 * The report as chart points, in its own unit or merged into `unit` (a larger calendar unit).
 * A bucket that has barely started is left off, in both periods; the previous period is
 * lined up point by point with this one.
 */
export function chartData(report: Report, unit: PointUnit = report.period.unit): ChartData {
  const cal = report.period;
  const now = report.fetchedAt;
  const slots = merge(report.buckets, unit, cal);
  const before = report.comparison ? merge(report.comparison.buckets, unit, cal) : null;
  const off = (i: number) => {
    const slot = slots[i];
    return slot ? barelyStarted(slot, now) : true;
  };
  const dayOf = (ms: number) => {
    const w = wallParts(ms, cal.zone);
    return `${w.year}-${w.month}-${w.day}`;
  };
  return {
    unit,
    cal,
    points: slots.map((slot, i) => ({
      start: slot.start,
      end: slot.end,
      state: stateOf(slot, i, slots.length, report.period, unit, cal),
    })),
    series: seriesOf(slots, slots.length, off),
    previous: before ? seriesOf(before, slots.length, off) : null,
    perPoint: Math.max(1, Math.round(report.buckets.length / Math.max(1, slots.length))),
    multiDay: dayOf(report.period.start) !== dayOf(report.period.end),
    periodWords: periodWords(report),
    previousWords: previousWords(report),
  };
}
