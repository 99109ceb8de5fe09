import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NumbersFetcher, type NumbersSource } from '../../../src/report/numbers-fetcher.js';
import { NumbersCache } from '../../../src/store/numbers-cache.js';
import { openStore, type Store } from '../../../src/store/open-store.js';
import { type Harness, reportHarness } from '../../support/report-harness.js';

describe('charts kept in memory in front of the store', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await reportHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('answers a settled report again from memory, needing neither Tellody nor the store', async () => {
    const first = await h.report('last week');
    await h.fetcher.flushed();
    const calls = h.chartCalls();
    await h.store.keyv.clear();
    const again = await h.report('last week');
    expect(h.chartCalls()).toBe(calls);
    expect(again.tellodyCalls).toBe(0);
    expect(again.totals).toEqual(first.totals);
  });

  it('still lets the current window expire a minute after Tellody was asked, and never a settled one', async () => {
    await h.report('this week');
    await h.report('last week');
    const calls = h.chartCalls();
    h.clock.advance(30_000);
    await h.report('this week');
    expect(h.chartCalls()).toBe(calls);
    h.clock.advance(31_000);
    const later = await h.report('this week');
    expect(later.tellodyCalls).toBe(1); // this week's open window again; the week before is settled
    await h.report('last week');
    expect(h.chartCalls()).toBe(calls + 1);
  });
});

describe('the in-process copy is bounded', () => {
  let store: Store;
  beforeEach(() => {
    store = openStore('memory:');
  });
  afterEach(async () => {
    await store.close();
  });

  /** A source that answers 7 buckets for any window and counts the calls per window start. */
  function countingSource() {
    const calls = new Map<number, number>();
    const source: NumbersSource = {
      accountId: 'https://tellody.example/|demo',
      contactChart: async (request) => {
        calls.set(request.from, (calls.get(request.from) ?? 0) + 1);
        const week = [1, 2, 3, 4, 5, 6, 7];
        return { contactsAdded: week, groupsAdded: week, contactsServed: week, contactsBlocked: week };
      },
    };
    return { source, calls };
  }

  it('forgets the least recently used charts beyond its size, and the store still has them', async () => {
    const fetcher = new NumbersFetcher(new NumbersCache(store), { memoryBuckets: 2 * 7 * 4 }); // two weeks by day
    const { source, calls } = countingSource();
    const now = Date.parse('2026-11-27T10:00:00Z');
    const week = (n: number) => ({
      from: n * 604_800_000,
      to: (n + 1) * 604_800_000 - 1,
      unit: 'day' as const,
      window: 'week' as const,
      dow: 1 as const,
    });
    for (const n of [1, 2, 3]) await fetcher.fetch('T1', source, week(n), 7, now);
    await fetcher.flushed();
    expect(await fetcher.fetch('T1', source, week(1), 7, now)).toMatchObject({ fromCache: true }); // from the store
    await store.keyv.clear();
    await fetcher.fetch('T1', source, week(3), 7, now); // still in memory
    await fetcher.fetch('T1', source, week(2), 7, now); // pushed out by weeks 3 and 1: Tellody again
    expect([1, 2, 3].map((n) => calls.get(week(n).from))).toEqual([1, 2, 1]);
  });
});
