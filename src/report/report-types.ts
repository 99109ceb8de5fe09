import type { Period } from '../period/index.js';
import { CHART_SERIES, type ChartSeries } from '../tellody/tellody-types.js';

/** The four measures, named as Tellody names them. */
export type Measure = ChartSeries;
export const MEASURES: readonly Measure[] = CHART_SERIES;
export type Totals = Readonly<Record<Measure, number>>;

export interface ReportBucket {
  readonly start: number;
  /** Last millisecond. */
  readonly end: number;
  readonly label: string;
  /** Null for a bucket that has not started yet: shown as "not yet", never as zeros. */
  readonly values: Totals | null;
  /** True for the bucket that holds now: its numbers are still growing. */
  readonly partial: boolean;
}

export interface Change {
  readonly current: number;
  readonly previous: number;
  readonly delta: number;
  /** Null when the previous value is 0: there is no percentage of nothing. */
  readonly percent: number | null;
  readonly trend: 'up' | 'down' | 'flat';
  /**
   * Good or bad news, only where the change is large enough to mean something (at least
   * NOTABLE_PERCENT and NOTABLE_COUNT, see compare.ts); neutral for noise. For opt-outs down is
   * good; for everything else up is.
   */
  readonly verdict: 'good' | 'bad' | 'neutral';
  /** What the verdict weighed: the count itself, or (opt-outs) opt-outs per contact served. */
  readonly judgedBy: 'count' | 'rate';
}

/** A bucket of the period compared with: its numbers, and whether it was cut at the same elapsed point. */
export interface PreviousBucket {
  readonly start: number;
  /** Last millisecond counted: earlier than the bucket's calendar end where it was cut. */
  readonly end: number;
  readonly values: Totals;
  /** True for the bucket cut short at the same elapsed point as now is in the current period. */
  readonly partial: boolean;
}

export interface ReportComparison {
  /** The previous period as shown to people, e.g. "Last week · Mon 16 – Sun 22 Nov 2026". */
  readonly label: string;
  /** The period is still running, so only the same elapsed slice of the previous one counts. */
  readonly sameElapsed: boolean;
  readonly start: number;
  readonly endExclusive: number;
  readonly totals: Totals;
  readonly changes: Readonly<Record<Measure, Change>>;
  readonly optOutRate: number | null;
  /** The previous period's buckets in the period's unit, as far as it is compared (the chart draws them behind). */
  readonly buckets: readonly PreviousBucket[];
}

export interface Report {
  readonly period: Period;
  readonly buckets: readonly ReportBucket[];
  readonly totals: Totals;
  /** Null where there is nothing earlier to compare with (before the year 2000). */
  readonly comparison: ReportComparison | null;
  /** The bucket with the most contacts served; null when none were served. */
  readonly busiest: { readonly label: string; readonly start: number; readonly contactsServed: number } | null;
  /** Opt-outs per contact served, 0–1; null when none were served. */
  readonly optOutRate: number | null;
  readonly running: boolean;
  readonly fetchedAt: number;
  /** Tellody calls made for this report (cache hits excluded). */
  readonly tellodyCalls: number;
}

export type ReportFailureKind =
  | 'tellody-unavailable'
  | 'tellody-credentials'
  | 'tellody-rejected'
  | 'tellody-garbled'
  /** The workspace's saved login is there but no encryption key opens it: it must be entered again. */
  | 'login-unreadable';

/** Why a report could not be made, in a form the views can explain. Nothing half-made is ever shown. */
export interface ReportFailure {
  readonly kind: ReportFailureKind;
  /** Tellody's own words where it gave some (bad credentials); for operators otherwise. */
  readonly detail: string;
}

export type ReportOutcome =
  | { readonly ok: true; readonly report: Report }
  | { readonly ok: false; readonly failure: ReportFailure };
