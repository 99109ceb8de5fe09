import {
  bucketStarts,
  type Calendar,
  floorTo,
  isBoundary,
  nextBoundary,
  TYPICAL_MS,
  type Unit,
  WINDOW_KINDS,
  type WindowKind,
} from './calendar.js';
import type { WindowRequest } from './period-types.js';

/** A Tellody request and the part of the period its buckets answer for. */
export interface PlannedRequest {
  readonly request: WindowRequest;
  /** Buckets starting in [start, endExclusive) count; the others belong to another request or outside the period. */
  readonly segment: { readonly start: number; readonly endExclusive: number };
}

export interface RequestPlan {
  readonly start: number;
  readonly endExclusive: number;
  /** The unit of the period's own buckets. */
  readonly unit: Unit;
  readonly requests: readonly PlannedRequest[];
}

/** The units each window may be fetched by: Tellody needs unit < window; a year by hour would be 8 760 buckets. */
const FETCH_UNITS: Record<WindowKind, readonly Unit[]> = {
  day: ['hour'],
  week: ['day', 'hour'],
  month: ['week', 'day', 'hour'],
  year: ['month', 'week', 'day'],
};

/** Fetched buckets must sit inside one period bucket: every period-bucket boundary is a fetched-bucket boundary. */
function nestsInto(fetched: Unit, shown: Unit): boolean {
  return fetched === shown || fetched === 'hour' || (fetched === 'day' && (shown === 'week' || shown === 'month'));
}

export interface PlanRange {
  readonly start: number;
  readonly endExclusive: number;
  /** The unit of the period's own buckets. */
  readonly unit: Unit;
}

export interface Candidate {
  readonly request: WindowRequest;
  readonly reach: number;
  readonly buckets: number;
}

/**
 * Every window that may be fetched next from `at`, with how far into the period its buckets
 * reach without crossing its end. A bucket may cross the end only where everything past the
 * end is still in the future (Tellody has nothing there).
 */
export function windowsFrom(at: number, range: PlanRange, cal: Calendar, now: number): Candidate[] {
  const end = range.endExclusive;
  const openEnd = end > now;
  const candidates: Candidate[] = [];
  for (const window of WINDOW_KINDS) {
    const from = floorTo(at, window, cal);
    const windowEnd = nextBoundary(from, window, cal);
    for (const unit of FETCH_UNITS[window]) {
      if (!nestsInto(unit, range.unit) || (at !== from && !isBoundary(at, unit, cal))) continue;
      let reach = windowEnd;
      if (windowEnd > end) reach = openEnd || isBoundary(end, unit, cal) ? end : floorTo(end, unit, cal);
      if (reach <= at) continue;
      const buckets = Math.round((windowEnd - from) / TYPICAL_MS[unit]);
      candidates.push({ request: { from, to: windowEnd - 1, unit, window, dow: cal.weekStart }, reach, buckets });
    }
  }
  return candidates;
}

/** The next window: the one that reaches furthest, then the one with the fewest buckets. */
function bestWindowFrom(at: number, range: PlanRange, cal: Calendar, now: number): Candidate {
  let best: Candidate | null = null;
  for (const c of windowsFrom(at, range, cal, now)) {
    if (!best || c.reach > best.reach || (c.reach === best.reach && c.buckets < best.buckets)) best = c;
  }
  // A day window by hour always fits: every period boundary is at least an hour boundary.
  if (!best) throw new Error(`no Tellody window covers ${new Date(at).toISOString()}`);
  return best;
}

/**
 * The fewest aligned Tellody windows that cover [start, endExclusive) exactly, each fetched by a
 * unit that nests into the period's buckets. Greedy furthest-reach is optimal here: from any
 * later position a window reaches at least as far.
 */
export function planRequests(range: PlanRange, cal: Calendar, now: number): RequestPlan {
  const requests: PlannedRequest[] = [];
  // Nothing has happened after now: the rest of a running period needs no request.
  for (let at = range.start; at < range.endExclusive && at <= now; ) {
    const next = bestWindowFrom(at, range, cal, now);
    requests.push({ request: next.request, segment: { start: at, endExclusive: next.reach } });
    at = next.reach;
  }
  return { start: range.start, endExclusive: range.endExclusive, unit: range.unit, requests };
}

/** Index of the period bucket containing `at`: the last start at or before it. */
function bucketIndex(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface BucketMap {
  /** Start of each period bucket, first at the period's start. */
  readonly bucketStarts: readonly number[];
  /** Per request, per fetched bucket: the period bucket it adds to, or -1 to leave it out. */
  readonly targets: readonly (readonly number[])[];
}

/** How each fetched bucket folds into the period's buckets: slicing, merging and summing in one table. */
export function bucketMap(plan: RequestPlan, cal: Calendar): BucketMap {
  const starts = bucketStarts(plan.start, plan.endExclusive, plan.unit, cal);
  const targets = plan.requests.map(({ request, segment }) =>
    bucketStarts(request.from, request.to + 1, request.unit, cal).map((at) =>
      at >= segment.start && at < segment.endExclusive ? bucketIndex(starts, at) : -1,
    ),
  );
  return { bucketStarts: starts, targets };
}
