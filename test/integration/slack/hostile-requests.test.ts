import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../../src/views/ids.js';
import { startRedis } from '../../support/redis-server.js';
import { payload } from '../../support/signed-request.js';
import { type AppHarness, connectedAppHarness, slackAppHarness } from '../../support/slack-app-harness.js';

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';
/** Slack gives up on an answer after 3 s: a request still unanswered then has failed. */
const SLACK_DEADLINE = { deadlineMs: 3000 };
const NOW_S = () => Math.floor(Date.now() / 1000);

let h: AppHarness;
const logs: string[] = [];
beforeAll(async () => {
  h = await connectedAppHarness({ logSink: (line) => logs.push(line) });
});
afterEach(() => {
  logs.length = 0;
});
afterAll(async () => {
  expect(h.sandbox.statuses.get(400) ?? 0).toBe(0);
  await h.close();
});

const chartCalls = () => h.sandbox.calls.get('/CampaignCloud/Report/ContactChart') ?? 0;
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

async function expectStillServing(): Promise<void> {
  expect((await fetch(`${h.base}/healthz`)).status).toBe(200);
  const { id, status } = await h.command('help');
  expect(status).toBe(200);
  await h.slack.waitForPosts(id);
}

const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const blockActions = (extra: Record<string, unknown>) => ({
  type: 'block_actions',
  team: { id: 'T1' },
  user: { id: 'UUSER' },
  actions: [{ action_id: ACTIONS.previous, block_id: 'b', type: 'button', value: 'x' }],
  ...extra,
});

describe('a signed body Bolt would crash on or never answer', () => {
  it.each([
    ['form payload=null', 'payload=null', FORM],
    ['JSON null', 'null', JSON_TYPE],
    ['a JSON array', '[1,2]', JSON_TYPE],
    ['a JSON number', '42', JSON_TYPE],
    ['a JSON string', '"hello"', JSON_TYPE],
    ['payload=[]', 'payload=%5B%5D', FORM],
    ['payload=7', 'payload=7', FORM],
    ['a payload that is not JSON', 'payload=%7Bnope', FORM],
    ['a body that is not JSON', '{nope', JSON_TYPE],
    ['an empty object', '{}', JSON_TYPE],
    ['an event that is a string', JSON.stringify({ type: 'event_callback', event: 'x' }), JSON_TYPE],
    ['an event that is null', JSON.stringify({ type: 'event_callback', event: null }), JSON_TYPE],
    [
      'an event whose user is null',
      JSON.stringify({ type: 'event_callback', event: { type: 'x', user: null } }),
      JSON_TYPE,
    ],
    ['actions that are a string', payload(blockActions({ actions: 'x' })), FORM],
    ['an action that is null', payload(blockActions({ actions: [null] })), FORM],
    ['a click without a user', payload(blockActions({ user: null })), FORM],
    ['a click with a null channel', payload(blockActions({ channel: null })), FORM],
    ['a click whose response_url is not a web address', payload(blockActions({ response_url: 'V}' })), FORM],
    ['a click that is also an event', payload(blockActions({ event: { type: 'app_home_opened' } })), FORM],
    ['a submission without a view', payload({ type: 'view_submission', user: { id: 'U1' }, team: null }), FORM],
    ['an unknown kind of payload', payload({ type: 'shortcut', user: { id: 'U1' }, callback_id: 'x' }), FORM],
    ['a repeated form field', 'command=%2Fcontacts&command=%2Fother&text=&team_id=T1&user_id=U1', FORM],
    ['a form that is not a command', 'hello=world', FORM],
    ['a command whose text is missing', 'command=%2Fcontacts&team_id=T1&user_id=U1', FORM],
    ['a command without a response_url', 'command=%2Fcontacts&text=&team_id=T1&user_id=U1', FORM],
    [
      'a payload whose type names a property of every object',
      payload({ type: 'constructor', user: { id: 'U1' } }),
      FORM,
    ],
    ['a body whose type is valueOf', JSON.stringify({ type: 'valueOf', event: { type: 'x' } }), JSON_TYPE],
    ['JSON nested 10,000 deep', deep(10_000), JSON_TYPE],
    ['a payload nested 10,000 deep', `payload=${encodeURIComponent(deep(10_000))}`, FORM],
  ])('%s: refused with 400 at once, nothing done, and the app serves on', async (_what, body, type) => {
    const posts = h.slack.posts.length;
    const charts = chartCalls();
    const result = await h.send(body, type, SLACK_DEADLINE);
    expect(result.status).toBe(400);
    await settle();
    expect(h.slack.posts.length).toBe(posts);
    expect(chartCalls()).toBe(charts);
    await expectStillServing();
  });

  it('refuses a body over 4 MB with 413', async () => {
    const result = await h.send(`payload=${'x'.repeat(5 * 1024 * 1024)}`, FORM, SLACK_DEADLINE);
    expect(result.status).toBe(413);
    await expectStillServing();
  });

  it('answers Slack’s app_rate_limited notice with 200', async () => {
    const body = JSON.stringify({ type: 'app_rate_limited', team_id: 'T1', minute_rate_limited: 1, api_app_id: 'A1' });
    expect((await h.send(body, JSON_TYPE, SLACK_DEADLINE)).status).toBe(200);
  });

  it('still answers Slack’s unsigned SSL check', async () => {
    expect((await h.send('ssl_check=1&token=x', FORM, { unsigned: true, ...SLACK_DEADLINE })).status).toBe(200);
  });
});

describe('timestamps and replays', () => {
  it.each([
    ['six minutes ahead', 360],
    ['an hour ahead', 3600],
    ['a year ahead', 365 * 86_400],
    ['six minutes behind', -360],
  ])('refuses a request signed %s with 401 and does nothing', async (_what, skew) => {
    const posts = h.slack.posts.length;
    const result = await h.command('last week', {}, { timestamp: NOW_S() + skew });
    expect(result.status).toBe(401);
    await settle();
    expect(h.slack.posts.length).toBe(posts);
  });

  it('takes a request signed four minutes ahead (clocks drift)', async () => {
    const result = await h.command('help', {}, { timestamp: NOW_S() + 240 });
    expect(result.status).toBe(200);
    await h.slack.waitForPosts(result.id);
  });

  it('drops the same signed request sent twice, and still takes Slack’s retry of it, signed afresh', async () => {
    const body = JSON.stringify({
      type: 'event_callback',
      team_id: 'T1',
      event: { type: 'app_home_opened', user: 'UUSER', channel: 'D1', tab: 'home' },
      event_id: 'EvReplay',
    });
    const timestamp = NOW_S() - 1;
    const publishes = h.slack.callsTo('views.publish').length;
    expect((await h.send(body, JSON_TYPE, { timestamp })).status).toBe(200);
    await h.slack.waitForCalls('views.publish', publishes + 1);
    expect((await h.send(body, JSON_TYPE, { timestamp })).status).toBe(401);
    await settle();
    expect(h.slack.callsTo('views.publish')).toHaveLength(publishes + 1);
    const retry = await h.send(body, JSON_TYPE, { timestamp: timestamp + 1, headers: { 'x-slack-retry-num': '1' } });
    expect(retry.status).toBe(200);
    await h.slack.waitForCalls('views.publish', publishes + 2);
  });
});

describe('a replay to another instance on the same Redis', () => {
  it('is dropped there too', async () => {
    const redis = await startRedis();
    const first = await slackAppHarness({ env: { STORE_URL: redis.url } });
    const second = await slackAppHarness({ env: { STORE_URL: redis.url } });
    try {
      const id = 'replayed-command';
      const body = new URLSearchParams({
        command: '/contacts',
        text: 'help',
        team_id: 'T1',
        user_id: 'UUSER',
        response_url: first.slack.responseUrl(id),
      }).toString();
      const timestamp = NOW_S();
      expect((await first.send(body, FORM, { timestamp })).status).toBe(200);
      await first.slack.waitForPosts(id);
      expect((await second.send(body, FORM, { timestamp })).status).toBe(401);
      await settle();
      expect(first.slack.postsTo(id)).toHaveLength(1);
    } finally {
      await second.close();
      await first.close();
      await redis.stop();
    }
  });
});

describe('clicks and events no listener expects', () => {
  it('acks an unknown action id at once instead of letting Slack time out', async () => {
    const click = await h.click({ type: 'button', action_id: 'contacts_no_such_button', value: 'x' });
    expect(click).toMatchObject({ status: 200, text: '' });
  });

  it('acks a submission of an unknown modal at once', async () => {
    const result = await h.send(
      payload({
        type: 'view_submission',
        team: { id: 'T1' },
        user: { id: 'UADMIN' },
        view: { id: 'V7', callback_id: 'nope', state: { values: {} } },
      }),
      FORM,
      SLACK_DEADLINE,
    );
    expect(result.status).toBe(200);
  });

  it('tells the person on the Home tab when a click there carries a broken period', async () => {
    const publishes = h.slack.callsTo('views.publish').length;
    const click = await h.click(
      { type: 'button', action_id: ACTIONS.previous, value: '{"forged":true}' },
      { container: { type: 'view', view_id: 'V1' } },
    );
    expect(click.status).toBe(200);
    const [publish] = (await h.slack.waitForCalls('views.publish', publishes + 1)).slice(-1);
    expect(JSON.stringify(publish?.args.view)).toContain('no longer describes a period');
    expect(logs.join('\n')).not.toMatch(/TypeError|Cannot read properties|is not a function/);
  });

  it('answers a click on a message that came without a response_url, saying nothing it cannot say', async () => {
    const body = payload(blockActions({ container: { type: 'message', is_ephemeral: true } }));
    expect((await h.send(body, FORM, SLACK_DEADLINE)).status).toBe(200);
    await settle();
    expect(logs.join('\n')).not.toMatch(/TypeError|Cannot read properties|is not a function/);
  });

  it('takes tokens_revoked without a tokens field quietly, forgetting nothing', async () => {
    await h.deps.settings.set('T6', { weekStart: 1, zone: 'UTC', updatedAt: 1 });
    expect((await h.event({ type: 'tokens_revoked' }, 'T6')).status).toBe(200);
    await settle();
    expect(logs.join('\n')).not.toMatch(/TypeError|Cannot read properties|is not a function/);
    expect(await h.deps.settings.get('T6')).toBeDefined();
  });
});
