import type { Sensitivity } from '../store/alert-settings.js';

/**
 * Is today's count unusual? Pure: numbers in, a judgement out.
 *
 * The usual is the **median** of the same weekday's counts (up to the same local hour) over the
 * previous weeks, and its spread the **median absolute deviation** (MAD, × 1.4826 so that it
 * estimates a standard deviation for normal data). Both ignore up to half the history being odd:
 * a public holiday with nothing, or a campaign day with nine times the opt-outs, among eight
 * Tuesdays moves neither, where a mean and standard deviation would be dragged by it (one zero
 * day in eight pulls the mean down by an eighth and inflates the deviation enough to hide real
 * drops). Counts also vary by chance, about √n for n events (Poisson), and eight days can agree
 * closely by luck, so the spread is at least √median (and at least 1): a steady history never
 * makes a band of zero width.
 *
 * An alert needs all three: outside median ± k·spread, at least `ratio` times (or at most
 * 1/`ratio` of) the median, and at least `minDifference` events away from it. The band says
 * "unusual for this workspace"; the ratio and the difference say "large enough to act on" — 2
 * opt-outs against a usual 0 is outside any band and means nothing.
 */

export type Direction = 'up' | 'down' | 'either';

export interface Thresholds {
  /** Spreads outside the median. */
  readonly k: number;
  /** Times the median (up), or the median divided by this (down). */
  readonly ratio: number;
  /** Events away from the median. */
  readonly minDifference: number;
}

export const SENSITIVITY: Readonly<Record<Sensitivity, Thresholds>> = {
  low: { k: 4.5, ratio: 3, minDifference: 12 },
  normal: { k: 3.5, ratio: 2, minDifference: 8 },
  high: { k: 2.5, ratio: 1.5, minDifference: 5 },
};

/** Weeks looked back over. */
export const HISTORY_WEEKS = 8;
/**
 * Usual days needed before alerts speak: with five, the median and the MAD still hold with two
 * odd days (a holiday and a campaign) among them.
 */
export const MIN_HISTORY = 5;

/** MAD × this estimates the standard deviation of normally distributed data. */
const MAD_TO_SD = 1.4826;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  if (sorted.length === 0) return 0;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export interface Usual {
  /** The median count. */
  readonly median: number;
  /** The median of the counts' square roots (where the band is worked out). */
  readonly root: number;
  /** Robust spread of the square roots: 1.4826 × their MAD, at least ½ (Poisson noise). */
  readonly spread: number;
}

/** Counts by chance vary by about √n (Poisson); their square roots by about ½, whatever n. */
const POISSON_ROOT_SPREAD = 0.5;
/**
 * Days also differ by more than chance: a count with 20 % day-to-day variation has square roots
 * varying by about a tenth of themselves. Eight calm weeks in a row must not make an ordinary
 * quiet day look alarming.
 */
const DAY_TO_DAY_ROOT_SPREAD = 0.1;

export function usualOf(history: readonly number[]): Usual {
  const roots = history.map(Math.sqrt);
  const root = median(roots);
  const mad = median(roots.map((value) => Math.abs(value - root)));
  const spread = Math.max(MAD_TO_SD * mad, POISSON_ROOT_SPREAD, DAY_TO_DAY_ROOT_SPREAD * root);
  return { median: median(history), root, spread };
}

/** The band a count is usual within, at a sensitivity: (root ± k·spread)², never below 0. */
export function bandOf(usual: Usual, sensitivity: Sensitivity): { low: number; high: number } {
  return bandAt(usual, SENSITIVITY[sensitivity].k);
}

function bandAt(usual: Usual, k: number): { low: number; high: number } {
  const low = Math.max(0, usual.root - k * usual.spread);
  return { low: low * low, high: (usual.root + k * usual.spread) ** 2 };
}

/**
 * The thresholds an open alert must fall back inside before it is "back to normal": looser than
 * the ones that raised it, so a count hovering at the edge is not alerted, cleared and alerted
 * again all day (hysteresis).
 */
export function clearing(t: Thresholds): Thresholds {
  return { k: t.k - 1, ratio: 1 + (t.ratio - 1) / 2, minDifference: t.minDifference / 2 };
}

function beyond(observed: number, usual: Usual, t: Thresholds, way: 'up' | 'down'): boolean {
  const { median: m } = usual;
  const band = bandAt(usual, t.k);
  if (way === 'up') return observed > band.high && observed >= t.ratio * m && observed - m >= t.minDifference;
  return observed < band.low && observed * t.ratio <= m && m - observed >= t.minDifference;
}

export type Judgement =
  | { readonly kind: 'too-little-history'; readonly days: number; readonly needed: number }
  | {
      /** anomalous: alert; elevated: not enough to alert, not yet back to normal; normal. */
      readonly kind: 'anomalous' | 'elevated' | 'normal';
      /** Which way today is from the usual. */
      readonly way: 'up' | 'down';
      readonly observed: number;
      readonly usual: Usual;
      /** observed ÷ median; null when the median is 0. */
      readonly ratio: number | null;
    };

/**
 * Today's count against the same weekday's history, watched in `direction`. Too short a history
 * says so and never alerts.
 */
export function judge(
  observed: number,
  history: readonly number[],
  direction: Direction,
  sensitivity: Sensitivity,
): Judgement {
  if (history.length < MIN_HISTORY) return { kind: 'too-little-history', days: history.length, needed: MIN_HISTORY };
  const usual = usualOf(history);
  const way = observed >= usual.median ? 'up' : 'down';
  const watched = direction === 'either' || direction === way;
  const strict = SENSITIVITY[sensitivity];
  const kind =
    watched && beyond(observed, usual, strict, way)
      ? 'anomalous'
      : watched && beyond(observed, usual, clearing(strict), way)
        ? 'elevated'
        : 'normal';
  return { kind, way, observed, usual, ratio: usual.median > 0 ? observed / usual.median : null };
}
