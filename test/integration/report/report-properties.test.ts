import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Weekday } from '../../../src/period/calendar.js';
import { PeriodError, resolvePeriod } from '../../../src/period/index.js';
import { buildReport } from '../../../src/report/build-report.js';
import { NumbersFetcher } from '../../../src/report/numbers-fetcher.js';
import { MEASURES } from '../../../src/report/report-types.js';
import { tellodySource } from '../../../src/report/tellody-source.js';
import { NumbersCache } from '../../../src/store/numbers-cache.js';
import { openStore } from '../../../src/store/open-store.js';
import { TellodyClient } from '../../../src/tellody/client.js';
import { type Sandbox, startSandbox } from '../../../src/tellody/sandbox/server.js';
import { activityBetween } from '../../../src/tellody/sandbox/synthetic-data.js';
import { checkAsyncProperty } from '../../support/checked-property.js';
import { TEST_ZONES } from '../../support/zones.js';

const NOW = Date.parse('2026-11-27T10:17:23.456Z');
const SEED = 5;

/** One sandbox per zone: Tellody cuts buckets in the account's zone, which must be the workspace's. */
const sandboxes = new Map<string, Sandbox>();
const store = openStore('memory:');
const fetcher = new NumbersFetcher(new NumbersCache(store));
beforeAll(async () => {
  for (const zone of TEST_ZONES) {
    sandboxes.set(
      zone,
      await startSandbox({ now: () => NOW, accounts: [{ username: 'u', password: 'p', zone, seed: SEED }] }),
    );
  }
});
afterAll(async () => {
  for (const sandbox of sandboxes.values()) await sandbox.close();
  await store.close();
});

const phrases = fc.oneof(
  fc.constantFrom(
    'today',
    'yesterday',
    'this week',
    'last week by hour',
    'this month',
    'last month by week',
    'this year so far',
  ),
  fc.constantFrom(
    'last quarter',
    'Q1 2026 by day',
    'since Monday',
    'this week by hour',
    'Dec 20 to Jan 5',
    'last year',
  ),
  fc.integer({ min: 1, max: 60 }).map((n) => `last ${n} days`),
  fc.integer({ min: 2, max: 9 }).map((n) => `last ${n} weeks by week`),
  fc
    .tuple(fc.integer({ min: 1, max: 27 }), fc.integer({ min: 0, max: 20 }))
    .map(([d, len]) => `Oct ${d} to Nov ${Math.min(d + len, 26)}`),
  fc.integer({ min: 1, max: 30 }).map((d) => `${d} March 2026 by hour`),
);

/**
 * The oracle: the sandbox's own count of events between two instants. It knows nothing of
 * windows, buckets, slicing or merging, so agreeing with it checks all of them at once.
 */
const oracle = (zone: string, from: number, to: number) => activityBetween({ seed: SEED, zone }, from, to, NOW);

describe('every report adds up to the events in exactly its instants', () => {
  it('for random phrases, zones and week starts: each bucket, the totals and the comparison', async () => {
    await checkAsyncProperty(
      fc.tuple(phrases, fc.constantFrom(...TEST_ZONES), fc.integer({ min: 0, max: 6 })),
      async ([phrase, zone, weekStart]) => {
        let period: ReturnType<typeof resolvePeriod> | null = null;
        try {
          period = resolvePeriod(phrase, { zone, weekStart: weekStart as Weekday, now: NOW });
        } catch (error) {
          if (!(error instanceof PeriodError)) throw error;
        }
        fc.pre(period !== null);
        const sandbox = sandboxes.get(zone);
        if (!sandbox) throw new Error(zone);
        const client = new TellodyClient({ baseUrl: sandbox.baseUrl, credentials: { username: 'u', password: 'p' } });
        const outcome = await buildReport(period, {
          workspace: `W${zone.replace(/\W/g, '')}`,
          source: tellodySource(client, { baseUrl: sandbox.baseUrl, username: 'u' }),
          fetcher,
          now: NOW,
        });
        if (!outcome.ok) throw new Error(`${phrase} in ${zone}: ${outcome.failure.detail}`);
        const report = outcome.report;
        for (const bucket of report.buckets) {
          if (bucket.values === null) {
            expect(bucket.start).toBeGreaterThan(NOW);
            continue;
          }
          expect(bucket.values, `${phrase} ${zone} ${bucket.label}`).toEqual(
            oracle(zone, bucket.start, bucket.end + 1),
          );
        }
        expect(report.totals).toEqual(oracle(zone, period.start, period.end + 1));
        const c = report.comparison;
        if (!c) throw new Error(`${phrase} in ${zone}: every period here has one before it to compare with`);
        const expected = oracle(zone, c.start, c.endExclusive);
        for (const m of MEASURES) expect(c.totals[m], `${phrase} ${zone} comparison ${m}`).toBe(expected[m]);
      },
      { numRuns: 120 },
    );
  });
});
