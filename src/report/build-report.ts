import {
  type BucketMap,
  bucketMap,
  type Comparison,
  comparisonOrNull,
  isRunning,
  type Period,
  periodBuckets,
  periodPlan,
  planRequests,
  type RequestPlan,
} from '../period/index.js';
import {
  TellodyBadRequestError,
  TellodyCredentialsError,
  TellodyError,
  TellodyUnavailableError,
} from '../tellody/errors.js';
import { allSettledFirst } from './all-settled-first.js';
import { addInto, changes, emptyTotals, optOutRate } from './compare.js';
import type { NumbersFetcher, NumbersSource } from './numbers-fetcher.js';
import {
  MEASURES,
  type Measure,
  type Report,
  type ReportBucket,
  type ReportComparison,
  type ReportFailure,
  type ReportOutcome,
  type Totals,
} from './report-types.js';

export interface ReportContext {
  readonly workspace: string;
  readonly source: NumbersSource;
  readonly fetcher: NumbersFetcher;
  readonly now: number;
}

interface Folded {
  readonly sums: Record<Measure, number>[];
  readonly tellodyCalls: number;
}

/** Fetches every window of a plan and adds each fetched bucket into the period bucket it belongs to. */
async function fetchAndFold(plan: RequestPlan, map: BucketMap, ctx: ReportContext): Promise<Folded> {
  const sums = map.bucketStarts.map(() => emptyTotals());
  // bucketMap gives every request its targets: `?? 0` and `?? []` only satisfy the type checker.
  const fetched = await allSettledFirst(
    plan.requests.map(({ request }, i) =>
      // Stryker disable next-line OptionalChaining,LogicalOperator: equivalent, see docs/testing.md
      ctx.fetcher.fetch(ctx.workspace, ctx.source, request, map.targets[i]?.length ?? 0, ctx.now),
    ),
  );
  fetched.forEach(({ chart }, i) => {
    // Stryker disable next-line ArrayDeclaration,LogicalOperator: equivalent, see docs/testing.md
    (map.targets[i] ?? []).forEach((target, j) => {
      const sum = sums[target];
      if (!sum) return;
      for (const measure of MEASURES) sum[measure] += chart[measure][j] ?? 0;
    });
  });
  return { sums, tellodyCalls: fetched.filter((f) => !f.fromCache).length };
}

function total(sums: readonly Totals[]): Totals {
  const totals = emptyTotals();
  for (const sum of sums) addInto(totals, sum);
  return totals;
}

function busiestOf(buckets: readonly ReportBucket[]): Report['busiest'] {
  let best: Report['busiest'] = null;
  for (const bucket of buckets) {
    const served = bucket.values?.contactsServed ?? 0;
    if (served > (best?.contactsServed ?? 0))
      best = { label: bucket.label, start: bucket.start, contactsServed: served };
  }
  return best;
}

function failureOf(error: TellodyError): ReportFailure {
  if (error instanceof TellodyCredentialsError) return { kind: 'tellody-credentials', detail: error.tellodyMessage };
  if (error instanceof TellodyUnavailableError) return { kind: 'tellody-unavailable', detail: error.message };
  if (error instanceof TellodyBadRequestError) return { kind: 'tellody-rejected', detail: error.message };
  return { kind: 'tellody-garbled', detail: error.message };
}

/** What a Tellody call through a report's source failed with, as a report failure; null for anything else (a bug). */
export function tellodyFailure(error: unknown): ReportFailure | null {
  return error instanceof TellodyError ? failureOf(error) : null;
}

/** The previous period's totals (or its same elapsed slice), fetched with the period's own unit so stepping back hits the cache. */
async function fetchComparison(
  period: Period,
  ctx: ReportContext,
): Promise<{ comparison: Comparison; folded: Folded; starts: readonly number[] } | null> {
  // None where the previous period would start before the year 2000.
  const comparison = comparisonOrNull(period, ctx.now);
  if (!comparison) return null;
  const range = { start: comparison.start, endExclusive: comparison.endExclusive, unit: period.unit };
  const plan = planRequests(range, period, ctx.now);
  const map = bucketMap(plan, period);
  return { comparison, folded: await fetchAndFold(plan, map, ctx), starts: map.bucketStarts };
}

function comparisonSummary(
  before: { comparison: Comparison; folded: Folded; starts: readonly number[] },
  current: Totals,
): ReportComparison {
  const { comparison, folded, starts } = before;
  const previous = total(folded.sums);
  const bucketEnd = (i: number) => Math.min(starts[i + 1] ?? comparison.previous.end + 1, comparison.endExclusive) - 1;
  return {
    label: comparison.previous.label,
    sameElapsed: comparison.sameElapsed,
    start: comparison.start,
    endExclusive: comparison.endExclusive,
    totals: previous,
    changes: changes(current, previous),
    optOutRate: optOutRate(previous),
    buckets: starts.map((start, i) => ({
      start,
      end: bucketEnd(i),
      values: folded.sums[i] ?? emptyTotals(),
      partial: (starts[i + 1] ?? comparison.previous.end + 1) > comparison.endExclusive,
    })),
  };
}

async function assemble(period: Period, ctx: ReportContext): Promise<Report> {
  const plan = periodPlan(period, ctx.now);
  const [current, before] = await allSettledFirst([
    fetchAndFold(plan, bucketMap(plan, period), ctx),
    fetchComparison(period, ctx),
  ]);
  const buckets = periodBuckets(period).map((bucket, i) => ({
    ...bucket,
    values: bucket.start > ctx.now ? null : (current.sums[i] ?? emptyTotals()),
    partial: bucket.start <= ctx.now && ctx.now <= bucket.end,
  }));
  const totals = total(current.sums);
  return {
    period,
    buckets,
    totals,
    comparison: before ? comparisonSummary(before, totals) : null,
    busiest: busiestOf(buckets),
    optOutRate: optOutRate(totals),
    running: isRunning(period, ctx.now),
    fetchedAt: ctx.now,
    tellodyCalls: current.tellodyCalls + (before?.folded.tellodyCalls ?? 0),
  };
}

/**
 * The report for a period: the fewest Tellody calls, read through the cache, buckets sliced and
 * merged, totals compared fairly with the period before. Tellody's failures come back as a
 * typed outcome; nothing half-made.
 */
export async function buildReport(period: Period, ctx: ReportContext): Promise<ReportOutcome> {
  try {
    return { ok: true, report: await assemble(period, ctx) };
  } catch (error) {
    if (error instanceof TellodyError) return { ok: false, failure: failureOf(error) };
    throw error;
  }
}
