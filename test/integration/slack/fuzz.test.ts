import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzBodies } from '../../support/fuzz-bodies.js';
import { type AppHarness, connectedAppHarness } from '../../support/slack-app-harness.js';

/** Random signed bodies sent one after another: thousands, in well under a minute. */
const RUNS = 2500;

let h: AppHarness;
const logs: string[] = [];
beforeAll(async () => {
  h = await connectedAppHarness({ logSink: (line) => logs.push(line) });
});
afterAll(() => h.close());

describe('thousands of random signed bodies', () => {
  it('never bring the app down or leave Slack without an answer within 3 s, and never make Tellody refuse a request', async () => {
    const sent = new Set<string>();
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fuzzBodies(h.slack.responseUrl), fc.integer({ min: 0, max: 120 }), async (fuzz, age) => {
        const timestamp = Math.floor(Date.now() / 1000) - age;
        // The same body signed at the same second is the same signature: a replay, never taken
        // (401; or 400/413 when the body is refused anyway, before its signature is remembered).
        const replay = sent.has(`${timestamp}:${fuzz.body}`);
        sent.add(`${timestamp}:${fuzz.body}`);
        // An answer not in within Slack's 3 s aborts the request: that is the failure, not a measurement.
        const result = await h.send(fuzz.body, fuzz.contentType, { timestamp, deadlineMs: 3000 });
        statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
        if (replay) expect([400, 401, 413]).toContain(result.status);
        else expect([200, 400, 413]).toContain(result.status);
      }),
      { numRuns: RUNS },
    );
    // Every kind of answer was exercised: refused shapes, and bodies Bolt took.
    expect(statuses.get(200)).toBeGreaterThan(RUNS / 10);
    expect(statuses.get(400)).toBeGreaterThan(RUNS / 10);

    expect(await h.deps.inFlight.settle(30_000)).toBe(true);
    expect((await fetch(`${h.base}/healthz`)).status).toBe(200);
    const { id } = await h.command('last week');
    const [answer] = await h.slack.waitForPosts(id);
    expect(String(answer?.body.text)).toContain('Last week');
    expect(h.sandbox.statuses.get(400) ?? 0).toBe(0);
    expect(h.sandbox.calls.get('/CampaignCloud/Report/ContactChart') ?? 0).toBeGreaterThan(0);
    expect(logs.join('\n')).not.toMatch(/TypeError|is not a function|Cannot read properties|not acknowledged/);
  }, 300_000);
});
