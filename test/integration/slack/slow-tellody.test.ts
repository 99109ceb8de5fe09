import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { periodToken, resolvePeriod } from '../../../src/period/index.js';
import { ACTIONS } from '../../../src/views/ids.js';
import { expectValidMessage, expectValidView } from '../../support/block-kit.js';
import { type AppHarness, connectedAppHarness } from '../../support/slack-app-harness.js';

/** Shortened deadlines; every Tellody call takes longer than the whole of them. */
const DEADLINES = { fetchingNoticeMs: 300, answerMs: 1500 };
const TELLODY_LATENCY_MS = 2000;
const NOW = Date.parse('2026-11-27T10:00:00Z');
const ATHENS = { zone: 'Europe/Athens', weekStart: 1 as const, now: NOW };

let h: AppHarness;
beforeAll(async () => {
  h = await connectedAppHarness({ deadlines: DEADLINES });
});
afterEach(() => {
  h.sandbox.faults.latencyMs = 0;
});
afterAll(async () => {
  expect(h.sandbox.statuses.get(400) ?? 0).toBe(0);
  await h.close();
});

type Post = {
  text: string;
  blocks: unknown[];
  response_type?: string;
  replace_original?: boolean;
  delete_original?: boolean;
};

/** Every post to the response_url once the report (or its failure) has come, in order. */
async function postsUntilReport(id: string, count: number): Promise<Post[]> {
  await h.slack.waitForPosts(id, count, 20_000);
  await new Promise((resolve) => setTimeout(resolve, 300));
  return h.slack.postsTo(id).map((p) => p.body as Post);
}

const kinds = (posts: Post[]) =>
  posts.map((p) =>
    /Fetching from Tellody/.test(p.text) ? 'fetching' : /Tellody is slow right now/.test(p.text) ? 'slow' : 'report',
  );

describe('/contacts with Tellody slow', () => {
  it('says it is fetching, then that Tellody is slow, and the late report replaces both', async () => {
    h.sandbox.faults.latencyMs = TELLODY_LATENCY_MS;
    const { id, status } = await h.command('3 weeks ago', {}, { deadlineMs: 3000 });
    expect(status).toBe(200);
    const posts = await postsUntilReport(id, 3);
    expect(kinds(posts)).toEqual(['fetching', 'slow', 'report']);
    expect(posts.map((p) => p.replace_original)).toEqual([false, true, true]);
    expect(posts.every((p) => p.response_type === 'ephemeral')).toBe(true);
    expect(posts.length).toBeLessThanOrEqual(5);
    for (const post of posts) expectValidMessage(post);
    expect(posts.at(-1)?.text).toContain('3 weeks ago');
  });
});

describe('buttons with Tellody slow', () => {
  it('on the person’s own report: the notes and then the report each replace it', async () => {
    h.sandbox.faults.latencyMs = TELLODY_LATENCY_MS;
    const period = resolvePeriod('5 weeks ago', ATHENS);
    const click = await h.click({ type: 'button', action_id: ACTIONS.previous, value: periodToken(period) });
    const posts = await postsUntilReport(click.id, 3);
    expect(kinds(posts)).toEqual(['fetching', 'slow', 'report']);
    expect(posts.map((p) => p.replace_original)).toEqual([true, true, true]);
  });

  it('on a message in a channel: new private messages only, the channel’s message never replaced', async () => {
    h.sandbox.faults.latencyMs = TELLODY_LATENCY_MS;
    const period = resolvePeriod('6 weeks ago', ATHENS);
    const click = await h.click(
      { type: 'button', action_id: ACTIONS.next, value: periodToken(period) },
      { container: { type: 'message', message_ts: '1.2', channel_id: 'C1', is_ephemeral: false } },
    );
    const posts = await postsUntilReport(click.id, 2);
    expect(kinds(posts)).toEqual(['slow', 'report']);
    expect(posts.map((p) => p.replace_original)).toEqual([false, false]);
  });

  it('Share: says privately that Tellody is slow, keeps the private report, and shares nothing late', async () => {
    h.sandbox.faults.latencyMs = TELLODY_LATENCY_MS;
    const period = resolvePeriod('7 weeks ago', ATHENS);
    const click = await h.click({ type: 'button', action_id: ACTIONS.share, value: periodToken(period) });
    const [slow] = await postsUntilReport(click.id, 1);
    expect(kinds([slow as Post])).toEqual(['slow']);
    expect(slow).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    // Once the click's work is over (the report came late), still nothing more was posted.
    expect(await h.deps.inFlight.settle(20_000)).toBe(true);
    const posts = h.slack.postsTo(click.id).map((p) => p.body as Post);
    expect(posts).toHaveLength(1);
    expect(posts.some((p) => p.response_type === 'in_channel' || p.delete_original)).toBe(false);
  });
});

describe('the Home tab with Tellody slow', () => {
  it('shows that it is fetching, then that Tellody is slow, then the report when it comes', async () => {
    h.sandbox.faults.latencyMs = TELLODY_LATENCY_MS;
    const before = h.slack.callsTo('views.publish').length;
    await h.event({ type: 'app_home_opened', user: 'UUSER', channel: 'D1', tab: 'home' });
    const publishes = (await h.slack.waitForCalls('views.publish', before + 3, 20_000)).slice(before);
    const views = publishes.map((p) => JSON.stringify(p.args.view));
    expect(views[0]).toContain('Fetching from Tellody');
    expect(views[1]).toContain('Tellody is slow right now');
    expect(views[2]).toContain('This week so far');
    expect(views[2]).toContain('connected as `demo`');
    for (const publish of publishes) expectValidView(publish.args.view as { blocks: unknown[] });
  });
});
