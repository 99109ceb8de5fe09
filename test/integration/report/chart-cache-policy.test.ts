import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Period, periodPlan } from '../../../src/period/index.js';
import { buildReport } from '../../../src/report/build-report.js';
import { tellodySource } from '../../../src/report/tellody-source.js';
import { NumbersCache } from '../../../src/store/numbers-cache.js';
import { TellodyClient } from '../../../src/tellody/client.js';
import { startSandbox } from '../../../src/tellody/sandbox/server.js';
import { activityBetween } from '../../../src/tellody/sandbox/synthetic-data.js';
import { type Harness, reportHarness } from '../../support/report-harness.js';

/*
 * When a report asks Tellody again and when it answers from the cache, as time passes: the store's
 * expiry runs on Date.now() and the report's on the harness clock, so both are moved together.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;

let h: Harness;

async function harnessAt(iso: string): Promise<Harness> {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.parse(iso) });
  h = await reportHarness({ now: iso });
  return h;
}

function advance(ms: number): void {
  h.clock.advance(ms);
  vi.setSystemTime(h.clock.now());
}

/** Tellody calls one report of `period` made, now. */
async function callsFor(period: Period): Promise<number> {
  return (await h.report(period)).tellodyCalls;
}

afterEach(async () => {
  vi.useRealTimers();
  await h.close();
});

describe('what a report asks Tellody again, and when', () => {
  it('asks again for a day that ended less than ten minutes ago, since late events may still land in it', async () => {
    await harnessAt('2026-11-27T22:09:59.999Z'); // 00:09:59.999 on 28 Nov in Athens: 27 Nov's last millisecond was ten minutes ago
    const yesterday = h.period('yesterday');
    expect(await callsFor(yesterday)).toBe(2); // 27 Nov and, to compare with, 26 Nov
    advance(MINUTE + 1000);
    expect(await callsFor(yesterday)).toBe(1); // 27 Nov again; 26 Nov has settled and is kept
  });

  it('keeps a day that ended ten minutes ago, and asks again for today after a minute', async () => {
    await harnessAt('2026-11-27T22:10:00Z'); // 00:10 in Athens: ten minutes and a millisecond after 27 Nov's last
    const yesterday = h.period('yesterday');
    const today = h.period('today');
    await callsFor(yesterday);
    await callsFor(today);
    advance(30_000);
    expect(await callsFor(yesterday)).toBe(0);
    expect(await callsFor(today)).toBe(0);
    advance(31_000);
    expect(await callsFor(yesterday)).toBe(0);
    expect(await callsFor(today)).toBe(1); // today only: yesterday, its comparison, has settled
  });

  it('keeps a finished week for a month, then asks Tellody again', async () => {
    await harnessAt('2026-11-27T10:00:00Z');
    const lastWeek = h.period('last week');
    expect(await callsFor(lastWeek)).toBe(2);
    advance(29 * DAY);
    expect(await callsFor(lastWeek)).toBe(0);
    advance(2 * DAY);
    expect(await callsFor(lastWeek)).toBe(2);
  });

  it('lets a finished week’s charts leave the store after a month, so the store does not grow without end', async () => {
    await harnessAt('2026-11-27T10:00:00Z');
    const lastWeek = h.period('last week');
    await callsFor(lastWeek);
    await h.fetcher.flushed();
    const cache = new NumbersCache(h.store);
    const { accountId } = tellodySource(h.client, { baseUrl: h.sandbox.baseUrl, username: 'demo' });
    const keys = periodPlan(lastWeek, h.clock.now()).requests.map(({ request }) => cache.key('T1', accountId, request));
    const stored = async () => (await Promise.all(keys.map((key) => cache.get(key)))).filter(Boolean).length;
    advance(29 * DAY);
    expect(await stored()).toBe(keys.length);
    advance(2 * DAY);
    expect(await stored()).toBe(0);
  });
});

describe('what the cache never mixes up', () => {
  it('never answers one Tellody account’s report from another account’s cached charts', async () => {
    await harnessAt('2026-11-27T10:00:00Z');
    const other = await startSandbox({
      now: h.clock.now,
      accounts: [{ username: 'demo', password: 'demo', zone: 'Europe/Athens', seed: 99 }],
    });
    try {
      const period = h.period('last week');
      const mine = await h.report(period);
      const client = new TellodyClient({ baseUrl: other.baseUrl, credentials: { username: 'demo', password: 'demo' } });
      const theirs = await buildReport(period, {
        workspace: 'T1',
        source: tellodySource(client, { baseUrl: other.baseUrl, username: 'demo' }),
        fetcher: h.fetcher,
        now: h.clock.now(),
      });
      if (!theirs.ok) throw new Error(theirs.failure.detail);
      expect(theirs.report.tellodyCalls).toBe(2);
      expect(theirs.report.totals).toEqual(
        activityBetween({ seed: 99, zone: 'Europe/Athens' }, period.start, period.end + 1, h.clock.now()),
      );
      expect(theirs.report.totals).not.toEqual(mine.totals);
    } finally {
      await other.close();
    }
  });

  it('asks again for a cached chart that does not fit the window (left by an older version), and shows the right numbers', async () => {
    await harnessAt('2026-11-27T10:00:00Z');
    const period = h.period('last week');
    const request = periodPlan(period, h.clock.now()).requests[0]?.request;
    if (!request) throw new Error('no request');
    const cache = new NumbersCache(h.store);
    const short = { contactsAdded: [1], groupsAdded: [1], contactsServed: [1], contactsBlocked: [1] };
    await cache.set(cache.key('T1', `${h.sandbox.baseUrl}|demo`, request), { chart: short, fetchedAt: 0 }, undefined);
    const report = await h.report(period);
    expect(report.totals).toEqual(
      activityBetween({ seed: 1, zone: 'Europe/Athens' }, period.start, period.end + 1, h.clock.now()),
    );
  });
});
