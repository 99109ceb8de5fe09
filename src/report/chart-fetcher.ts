import type { WindowRequest } from '../period/index.js';
import type { ChartCache } from '../store/chart-cache.js';
import type { ContactChart } from '../tellody/types.js';
import { MEASURES } from './types.js';

/** Where charts come from: a Tellody account (the client) or anything that answers like it. */
export interface ChartSource {
  /** Identifies the Tellody account (base URL and username): cached charts are never shared between accounts. */
  readonly accountId: string;
  contactChart(request: WindowRequest, options: { expectedBuckets: number }): Promise<ContactChart>;
}

/** A window still open, or closed less than this long ago, is cached briefly: late events may still land. */
export const SETTLE_MS = 10 * 60_000;
export const OPEN_WINDOW_TTL_MS = 60_000;
/** A settled window never changes; a month keeps the store from growing without end. */
export const SETTLED_TTL_MS = 30 * 86_400_000;

export interface FetchedChart {
  readonly chart: ContactChart;
  readonly fromCache: boolean;
}

const fits = (chart: ContactChart, buckets: number) => MEASURES.every((m) => chart[m].length === buckets);

/**
 * Reads through the cache: a window that ended (and settled) is kept for a month, the current one
 * for a minute. Identical requests in flight at the same time share one Tellody call.
 */
export class ChartFetcher {
  private readonly inFlight = new Map<string, Promise<ContactChart>>();

  constructor(private readonly cache: ChartCache) {}

  async fetch(
    workspace: string,
    source: ChartSource,
    request: WindowRequest,
    expectedBuckets: number,
    now: number,
  ): Promise<FetchedChart> {
    const key = this.cache.key(workspace, source.accountId, request);
    const cached = await this.cache.get(key);
    if (cached && fits(cached.chart, expectedBuckets)) return { chart: cached.chart, fromCache: true };
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.fetchAndKeep(key, source, request, expectedBuckets, now).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return { chart: await pending, fromCache: false };
  }

  private async fetchAndKeep(
    key: string,
    source: ChartSource,
    request: WindowRequest,
    expectedBuckets: number,
    now: number,
  ): Promise<ContactChart> {
    const chart = await source.contactChart(request, { expectedBuckets });
    const settled = request.to + SETTLE_MS < now;
    await this.cache.set(key, { chart, fetchedAt: now }, settled ? SETTLED_TTL_MS : OPEN_WINDOW_TTL_MS);
    return chart;
  }
}
