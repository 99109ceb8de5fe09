import { DateTime } from 'luxon';
import { CHART_SERIES, type ChartSeries } from '../tellody-types.js';

/**
 * Something unusual injected into the sandbox's history, so the same-day alerts can be run and
 * seen without Tellody: from `from` (until `to`, if given) one series has `factor` times its
 * usual events. A spike is a factor above 1; an outage (a broken sign-up form) is factor 0.
 */
export interface Anomaly {
  readonly series: ChartSeries;
  readonly factor: number;
  /** First millisecond affected. */
  readonly from: number;
  /** First millisecond no longer affected; none: from `from` on. */
  readonly to?: number | undefined;
}

/** How the command line spells them, for usage lines and error messages. */
export const ANOMALY_FLAGS =
  '[--spike contactsBlocked:4x:from=ISO[:to=ISO]]… [--outage contactsAdded:from=ISO[:to=ISO]]…';

const SPIKE = /^(\w+):(\d+(?:\.\d+)?)x:from=(.+?)(?::to=(.+))?$/;
const OUTAGE = /^(\w+):from=(.+?)(?::to=(.+))?$/;

function instant(text: string, flag: string): number {
  const parsed = DateTime.fromISO(text, { setZone: true });
  if (!parsed.isValid)
    throw new RangeError(`${flag}: “${text}” is not an ISO 8601 instant, e.g. 2026-11-30T09:00+02:00`);
  return parsed.toMillis();
}

function anomaly(series: string, factor: number, from: string, to: string | undefined, flag: string): Anomaly {
  if (!(CHART_SERIES as readonly string[]).includes(series))
    throw new RangeError(`${flag}: “${series}” is not a series; use one of ${CHART_SERIES.join(', ')}`);
  const start = instant(from, flag);
  const end = to === undefined ? undefined : instant(to, flag);
  if (end !== undefined && end <= start) throw new RangeError(`${flag}: to= must come after from=`);
  return { series: series as ChartSeries, factor, from: start, ...(end === undefined ? {} : { to: end }) };
}

/** `contactsBlocked:4x:from=2026-11-30T09:00+02:00[:to=…]`; throws RangeError saying what is wrong. */
export function parseSpike(spec: string): Anomaly {
  const match = SPIKE.exec(spec);
  if (!match) throw new RangeError(`--spike “${spec}” is not series:<factor>x:from=ISO[:to=ISO]`);
  const factor = Number(match[2]);
  if (factor > 1000) throw new RangeError('--spike: the factor must be at most 1000');
  return anomaly(match[1] ?? '', factor, match[3] ?? '', match[4], '--spike');
}

/** `contactsAdded:from=2026-11-30T09:00+02:00[:to=…]`: nothing of that series in that time. */
export function parseOutage(spec: string): Anomaly {
  const match = OUTAGE.exec(spec);
  if (!match) throw new RangeError(`--outage “${spec}” is not series:from=ISO[:to=ISO]`);
  return anomaly(match[1] ?? '', 0, match[2] ?? '', match[3], '--outage');
}

/** The part of [start, end) an anomaly covers, or null. */
export function overlap(anomaly: Anomaly, start: number, end: number): { start: number; end: number } | null {
  const from = Math.max(start, anomaly.from);
  const to = Math.min(end, anomaly.to ?? end);
  return from < to ? { start: from, end: to } : null;
}
