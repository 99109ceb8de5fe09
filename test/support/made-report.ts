import { bucketStarts } from '../../src/period/calendar.js';
import { type Comparison, comparisonFor, periodBuckets, resolvePeriod } from '../../src/period/index.js';
import { changes, emptyTotals, optOutRate } from '../../src/report/compare.js';
import type { PreviousBucket, Report, Totals } from '../../src/report/report-types.js';

/** Buckets' values by index: one number for every measure, or the four. */
type Values = (i: number) => number | Totals;

const totalsOf = (v: number | Totals): Totals =>
  typeof v === 'number' ? { contactsAdded: v, groupsAdded: v, contactsServed: v, contactsBlocked: v } : v;

function sum(values: readonly Totals[]): Totals {
  const total = emptyTotals();
  for (const v of values) for (const k of Object.keys(total) as (keyof Totals)[]) total[k] += v[k];
  return total;
}

function previousBuckets(comparison: Comparison, unit: Report['period']['unit'], values: Values): PreviousBucket[] {
  const cal = comparison.previous;
  const starts = bucketStarts(comparison.start, comparison.endExclusive, unit, cal);
  return starts.map((start, i) => {
    const calendarEnd = (starts[i + 1] ?? comparison.previous.end + 1) - 1;
    return {
      start,
      end: Math.min(calendarEnd, comparison.endExclusive - 1),
      values: totalsOf(values(i)),
      partial: calendarEnd >= comparison.endExclusive,
    };
  });
}

/**
 * A report made without Tellody, for pure view tests: the period a phrase means at `now`, its
 * buckets filled by `values`, the previous period's by `previous` (none when omitted).
 */
export function madeReport(
  phrase: string,
  options: { now: string; values: Values; previous?: Values; zone?: string; weekStart?: 0 | 1 },
): Report {
  const now = Date.parse(options.now);
  const period = resolvePeriod(phrase, {
    zone: options.zone ?? 'Europe/Athens',
    weekStart: options.weekStart ?? 1,
    now,
  });
  const buckets = periodBuckets(period).map((b, i) => ({
    ...b,
    values: b.start > now ? null : totalsOf(options.values(i)),
    partial: b.start <= now && now <= b.end,
  }));
  const totals = sum(buckets.flatMap((b) => (b.values ? [b.values] : [])));
  const comparison = options.previous ? comparisonFor(period, now) : null;
  const previous = comparison && options.previous ? previousBuckets(comparison, period.unit, options.previous) : [];
  const previousTotals = sum(previous.map((b) => b.values));
  let busiest: Report['busiest'] = null;
  for (const b of buckets) {
    const served = b.values?.contactsServed ?? 0;
    if (served > (busiest?.contactsServed ?? 0)) busiest = { label: b.label, start: b.start, contactsServed: served };
  }
  return {
    period,
    buckets,
    totals,
    comparison: comparison && {
      label: comparison.previous.label,
      sameElapsed: comparison.sameElapsed,
      start: comparison.start,
      endExclusive: comparison.endExclusive,
      totals: previousTotals,
      changes: changes(totals, previousTotals),
      optOutRate: optOutRate(previousTotals),
      buckets: previous,
    },
    busiest,
    optOutRate: optOutRate(totals),
    running: period.start <= now && now <= period.end,
    fetchedAt: now,
    tellodyCalls: 0,
  };
}
