import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Period } from '../../../src/period/index.js';
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
  it('asks again for a day that ended minutes ago, since late events may still land in it', async () => {
    await harnessAt('2026-11-27T22:05:00Z'); // 00:05 on 28 Nov in Athens: 27 Nov ended five minutes ago
    const yesterday = h.period('yesterday');
    expect(await callsFor(yesterday)).toBe(2); // 27 Nov and, to compare with, 26 Nov
    advance(MINUTE + 1000);
    expect(await callsFor(yesterday)).toBe(1); // 27 Nov again; 26 Nov has settled and is kept
  });

  it('keeps a day that ended more than ten minutes ago, and asks again for today after a minute', async () => {
    await harnessAt('2026-11-27T22:11:00Z'); // 00:11 in Athens: 27 Nov ended eleven minutes ago
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
});
