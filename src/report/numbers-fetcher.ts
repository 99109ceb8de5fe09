import { LRUCache } from 'lru-cache';
import type { WindowRequest } from '../period/index.js';
import type { NumbersCache, NumbersCacheEntry } from '../store/numbers-cache.js';
import type { ContactChart } from '../tellody/tellody-types.js';
import { MEASURES } from './report-types.js';

/** Where charts come from: a Tellody account (the client) or anything that answers like it. */
export interface NumbersSource {
  /** Identifies the Tellody account (base URL and username): cached charts are never shared between accounts. */
  readonly accountId: string;
  contactChart(request: WindowRequest, options: { expectedBuckets: number }): Promise<ContactChart>;
}

/** A window still open, or closed less than this long ago, is cached briefly: late events may still land. */
export const SETTLE_MS = 10 * 60_000;
export const OPEN_WINDOW_TTL_MS = 60_000;
/** A settled window never changes; a month keeps the store from growing without end. */
export const SETTLED_TTL_MS = 30 * 86_400_000;
/**
 * How many bucket values the in-process copy holds at most (a few MiB in all): some 5,000 weeks
 * by day, or 100 years by day. Least recently used charts go first.
 */
export const MEMORY_BUCKETS = 150_000;

export interface FetchedNumbers {
  readonly chart: ContactChart;
  readonly fromCache: boolean;
}

interface Remembered {
  readonly chart: ContactChart;
  /** On the caller's clock (the business clock), not the machine's. */
  readonly expiresAt: number;
}

const fits = (chart: ContactChart, buckets: number) => MEASURES.every((m) => chart[m].length === buckets);
const isSettled = (request: WindowRequest, at: number) => request.to + SETTLE_MS < at;

/** When a chart fetched at `fetchedAt` stops being good: a month for a settled window, a minute for an open one. */
function expiryOf(request: WindowRequest, fetchedAt: number): number {
  return fetchedAt + (isSettled(request, fetchedAt) ? SETTLED_TTL_MS : OPEN_WINDOW_TTL_MS);
}

/**
 * Reads through two caches: a bounded in-process copy, then the store (the source of truth
 * shared by every instance). A window that ended (and settled) is kept for a month, the current
 * one for a minute from when Tellody was asked, in both. Identical requests in flight at the same
 * time share one Tellody call; the store is written after the chart is handed back, not before.
 */
export class NumbersFetcher {
  private readonly inFlight = new Map<string, Promise<ContactChart>>();
  private readonly memory: LRUCache<string, Remembered>;
  private readonly writes = new Set<Promise<void>>();

  constructor(
    private readonly cache: NumbersCache,
    options: { memoryBuckets?: number } = {},
  ) {
    this.memory = new LRUCache<string, Remembered>({
      maxSize: options.memoryBuckets ?? MEMORY_BUCKETS,
      sizeCalculation: ({ chart }) => Math.max(1, chart.contactsAdded.length * MEASURES.length),
    });
  }

  async fetch(
    workspace: string,
    source: NumbersSource,
    request: WindowRequest,
    expectedBuckets: number,
    now: number,
  ): Promise<FetchedNumbers> {
    const key = this.cache.key(workspace, source.accountId, request);
    const remembered = this.memory.get(key);
    if (remembered && remembered.expiresAt > now && fits(remembered.chart, expectedBuckets)) {
      return { chart: remembered.chart, fromCache: true };
    }
    const cached = await this.cache.get(key);
    // Expiry is judged on the caller's clock in both layers, not only by the store's own TTL.
    if (cached && expiryOf(request, cached.fetchedAt) > now && fits(cached.chart, expectedBuckets)) {
      this.remember(key, request, cached);
      return { chart: cached.chart, fromCache: true };
    }
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.fetchAndKeep(key, source, request, expectedBuckets, now).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return { chart: await pending, fromCache: false };
  }

  /** Resolves once every store write started so far has finished (before closing the store). */
  async flushed(): Promise<void> {
    await Promise.all([...this.writes]);
  }

  private remember(key: string, request: WindowRequest, entry: NumbersCacheEntry): void {
    this.memory.set(key, { chart: entry.chart, expiresAt: expiryOf(request, entry.fetchedAt) });
  }

  private async fetchAndKeep(
    key: string,
    source: NumbersSource,
    request: WindowRequest,
    expectedBuckets: number,
    now: number,
  ): Promise<ContactChart> {
    const chart = await source.contactChart(request, { expectedBuckets });
    const entry = { chart, fetchedAt: now };
    this.remember(key, request, entry);
    // The cache swallows its own failures (a cache may lose things); the write is tracked, not awaited.
    const write = this.cache.set(key, entry, isSettled(request, now) ? SETTLED_TTL_MS : OPEN_WINDOW_TTL_MS);
    this.writes.add(write);
    void write.finally(() => this.writes.delete(write));
    return chart;
  }
}
