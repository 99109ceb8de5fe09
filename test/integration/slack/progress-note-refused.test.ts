import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectLogged } from '../../support/log-lines.js';
import { type AppHarness, connectedAppHarness } from '../../support/slack-app-harness.js';

/** The "Fetching from Tellody…" note is due while Tellody answers; the slow note never is. */
const DEADLINES = { fetchingNoticeMs: 300, answerMs: 20_000 };
const TELLODY_LATENCY_MS = 700;

let h: AppHarness;
const logs: string[] = [];
beforeAll(async () => {
  h = await connectedAppHarness({ deadlines: DEADLINES, logSink: (line) => logs.push(line) });
  h.sandbox.faults.latencyMs = TELLODY_LATENCY_MS;
});
afterAll(() => h.close());

describe('/contacts when Slack refuses the “Fetching from Tellody…” note', () => {
  it('logs that the progress note failed, and the report still comes as a new private message', async () => {
    const { id, status } = await h.command('last week');
    expect(status).toBe(200);
    h.slack.refusePosts(id);
    const [report] = await h.slack.waitForPosts(id, 1, 20_000);
    await expectLogged(logs, 'a progress note failed: ');
    expect(String(report?.body.text)).toMatch(/^[\d,]+ new contacts/);
    // The note never showed, so the report has nothing of ours to replace.
    expect(report?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(await h.deps.inFlight.settle(5_000)).toBe(true);
    expect(h.slack.postsTo(id)).toHaveLength(1);
  });
});
