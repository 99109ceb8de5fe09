import {
  CHART_SERIES,
  type ContactChart,
  type ChartUnit as Unit,
  type ChartWindow as WindowKind,
} from '../tellody-types.js';
import { type Anomaly, overlap } from './anomalies.js';
import { nextBucketStart, windowEnd, windowStart } from './local-clock.js';
import { activityBetween, type SlotContext } from './synthetic-data.js';

const UNITS = ['hour', 'day', 'week', 'month'] as const;
const WINDOWS = ['day', 'week', 'month', 'year'] as const;
const RANK: Record<string, number> = { hour: 0, day: 1, week: 2, month: 3, year: 4 };

export interface ChartQuery {
  readonly from: number;
  readonly to: number;
  readonly unit: Unit;
  readonly window: WindowKind;
  readonly dow: number;
}

/** Validates a ContactChart body the way Tellody's docs describe it; returns the problem in words, or the query. */
export function readChartQuery(body: unknown, zone: string): ChartQuery | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'the body must be a JSON object';
  const b = body as Record<string, unknown>;
  for (const key of ['from', 'to', 'unit', 'window', 'dow']) {
    if (!(key in b)) return `"${key}" is required`;
  }
  const { from, to, unit, window, dow } = b;
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to)) return '"from" and "to" must be epoch milliseconds';
  if (!UNITS.includes(unit as Unit)) return `"unit" must be one of ${UNITS.join(', ')}`;
  if (!WINDOWS.includes(window as WindowKind)) return `"window" must be one of ${WINDOWS.join(', ')}`;
  if (typeof dow !== 'number' || !Number.isInteger(dow) || dow < 0 || dow > 6) return '"dow" must be 0 (Sunday) to 6';
  const query = { from, to, unit, window, dow } as ChartQuery;
  if ((RANK[query.unit] ?? 0) >= (RANK[query.window] ?? 0)) return `a ${query.window} cannot be split by ${query.unit}`;
  if (query.from > query.to) return '"from" is after "to"';
  const start = windowStart(query.from, query.window, query.dow, zone);
  if (start !== query.from || windowEnd(start, query.window, zone) - 1 !== query.to) {
    return `"from" and "to" must be the first and last millisecond of one ${query.window} in ${zone}`;
  }
  return query;
}

/** A bucket's totals with the injected anomalies applied: their share of the bucket scaled by their factor. */
function withAnomalies(
  account: SlotContext,
  start: number,
  end: number,
  now: number,
  anomalies: readonly Anomaly[],
): Record<keyof ContactChart, number> {
  const totals = activityBetween(account, start, end, now);
  for (const anomaly of anomalies) {
    const part = overlap(anomaly, start, end);
    if (!part) continue;
    const usual = activityBetween(account, part.start, part.end, now)[anomaly.series];
    totals[anomaly.series] = Math.max(0, totals[anomaly.series] + Math.round((anomaly.factor - 1) * usual));
  }
  return totals;
}

/**
 * Calendar buckets of the window in the account's zone, the first starting at `from`, anomalies
 * included; cut by the sandbox's own calendar (local-clock.ts), never the app's: tests compare the two.
 */
export function chartFor(
  query: ChartQuery,
  account: SlotContext,
  now: number,
  anomalies: readonly Anomaly[] = [],
): ContactChart {
  const end = query.to + 1;
  const starts: number[] = [];
  for (let at = query.from; at < end; at = nextBucketStart(at, query.unit, query.dow, account.zone)) starts.push(at);
  const chart = { contactsAdded: [], groupsAdded: [], contactsServed: [], contactsBlocked: [] } as Record<
    keyof ContactChart,
    number[]
  >;
  starts.forEach((start, i) => {
    const totals = withAnomalies(account, start, starts[i + 1] ?? end, now, anomalies);
    for (const series of CHART_SERIES) chart[series].push(totals[series]);
  });
  return chart;
}
