import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodToken, resolvePeriod } from '../../../src/period/index.js';
import { ACTIONS } from '../../../src/views/ids.js';
import { type AppHarness, connectedAppHarness } from '../../support/slack-app-harness.js';

let h: AppHarness;
const NOW = Date.parse('2026-11-27T10:00:00Z');
const ATHENS = { zone: 'Europe/Athens', weekStart: 1 as const, now: NOW };

beforeAll(async () => {
  h = await connectedAppHarness();
});
afterAll(async () => {
  expect(h.sandbox.statuses.get(400) ?? 0).toBe(0);
  await h.close();
});

type Post = { response_type?: string; replace_original?: boolean; delete_original?: boolean; text?: string };
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
const chartCalls = () => h.sandbox.calls.get('/CampaignCloud/Report/ContactChart') ?? 0;

async function postsAfterClick(id: string): Promise<Post[]> {
  await h.slack.waitForPosts(id);
  await settle();
  return h.slack.postsTo(id).map((p) => p.body as Post);
}

describe('sharing a report', () => {
  it('with Tellody down, tells the person privately and leaves their report in place: nothing reaches the channel', async () => {
    h.sandbox.faults.errorRate = 1;
    try {
      const period = resolvePeriod('Q1 2023', ATHENS);
      const click = await h.click({ type: 'button', action_id: ACTIONS.share, value: periodToken(period) });
      const posts = await postsAfterClick(click.id);
      expect(posts).toHaveLength(1);
      expect(posts[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(posts[0]?.text).toMatch(/Tellody isn’t answering/);
      expect(posts.some((p) => p.response_type === 'in_channel' || p.delete_original)).toBe(false);
    } finally {
      h.sandbox.faults.errorRate = 0;
    }
  });

  it('from a workspace without Tellody, says so privately and shares nothing', async () => {
    const period = resolvePeriod('last week', ATHENS);
    const click = await h.click(
      { type: 'button', action_id: ACTIONS.share, value: periodToken(period) },
      { team: 'T404' },
    );
    const posts = await postsAfterClick(click.id);
    expect(posts).toEqual([expect.objectContaining({ response_type: 'ephemeral', replace_original: false })]);
    expect(posts[0]?.text).toMatch(/isn’t connected to Tellody/);
  });

  it('shares a report that was made, then removes the private copy', async () => {
    const period = resolvePeriod('last week', ATHENS);
    const click = await h.click({ type: 'button', action_id: ACTIONS.share, value: periodToken(period) });
    await h.slack.waitForPosts(click.id, 2);
    const posts = h.slack.postsTo(click.id).map((p) => p.body as Post);
    expect(posts.map((p) => p.response_type ?? 'delete')).toEqual(['in_channel', 'delete']);
  });
});

describe('a button value in another calendar than the workspace’s', () => {
  it.each([
    ['another time zone', { zone: 'America/New_York', weekStart: 0 as const }],
    ['another week start', { zone: 'Europe/Athens', weekStart: 0 as const }],
  ])('carrying %s is refused with “run it again”, and Tellody is never asked', async (_what, calendar) => {
    const before = chartCalls();
    const period = resolvePeriod('last week', { ...calendar, now: NOW });
    for (const action_id of [ACTIONS.previous, ACTIONS.share]) {
      const click = await h.click({ type: 'button', action_id, value: periodToken(period) });
      const [answer] = await postsAfterClick(click.id);
      expect(answer).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(answer?.text).toMatch(/settings changed .* run it again/);
    }
    expect(chartCalls()).toBe(before);
  });
});
