import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT_BYTES } from '../../../src/slack/receiver/request-guard.js';
import { startRedis } from '../../support/redis-server.js';
import { form } from '../../support/signed-request.js';
import { type AppHarness, slackAppHarness } from '../../support/slack-app-harness.js';

const JSON_TYPE = 'application/json';
const FORM = 'application/x-www-form-urlencoded';
/** Slack gives up on an answer after 3 s: a request still unanswered then has failed. */
const SLACK_DEADLINE = { deadlineMs: 3000 };
const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

let h: AppHarness | undefined;
let redis: Awaited<ReturnType<typeof startRedis>> | undefined;
afterEach(async () => {
  redis?.resume();
  await h?.close();
  await redis?.stop();
  h = undefined;
  redis = undefined;
});

/** The app with its log kept (warnings included), on SQLite unless `env` says otherwise. */
async function appLogging(
  logs: string[],
  options: { env?: Record<string, string>; sink?: (line: string) => void } = {},
) {
  return slackAppHarness({
    env: { LOG_LEVEL: 'warn', ...options.env },
    logSink:
      options.sink ??
      ((line) => {
        logs.push(line);
      }),
  });
}

describe('a signed body of a kind this app does not take', () => {
  const logs: string[] = [];
  let app: AppHarness;
  beforeAll(async () => {
    app = await appLogging(logs);
  });
  afterAll(() => app.close());

  it.each([
    ['a list nested 10,000 deep', deep(10_000), 'a list'],
    ['an object nested 10,000 deep', `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`, 'an object'],
    ['null', 'null', 'null'],
    ['a number', '7', '7'],
    ['a long name', JSON.stringify('x'.repeat(60)), `"${'x'.repeat(39)}`],
  ])('whose type is %s is refused with 400, the log naming the type briefly', async (_what, type, shown) => {
    logs.length = 0;
    const result = await app.send(`{"type":${type}}`, JSON_TYPE, SLACK_DEADLINE);
    expect(result.status).toBe(400);
    expect(logs).toEqual([
      `[WARN] contacts refused a request to the Slack endpoint (400): not a kind of request this app takes (type ${shown})`,
    ]);
  });

  it('without a type is refused with 400, the log saying it has none', async () => {
    logs.length = 0;
    expect((await app.send('{"team_id":"T1"}', JSON_TYPE, SLACK_DEADLINE)).status).toBe(400);
    expect(logs).toEqual([
      '[WARN] contacts refused a request to the Slack endpoint (400): not a kind of request this app takes (type undefined)',
    ]);
  });
});

describe('the guard in front of /slack/events', () => {
  it('answers 500 at once, and tells operators, when checking a request fails unexpectedly', async () => {
    const logs: string[] = [];
    // The one step of the check that can still throw: its own warning cannot be written.
    const sink = (line: string) => {
      if (line.includes('refused a request')) throw new Error('the log cannot take this line');
      logs.push(line);
    };
    h = await appLogging(logs, { sink });
    const result = await h.command('last week', {}, { unsigned: true, deadlineMs: 3000 });
    expect(result.status).toBe(500);
    expect(logs).toContain('[ERROR] contacts the Slack endpoint failed: the log cannot take this line');
    expect(h.slack.posts).toEqual([]);
  });

  it('reads a body of exactly 4 MB, and refuses one a byte longer with 413, closing that connection', async () => {
    const logs: string[] = [];
    h = await appLogging(logs);
    const padded = (bytes: number) => `payload=${'x'.repeat(bytes - 'payload='.length)}`;
    const atLimit = await h.send(padded(BODY_LIMIT_BYTES), FORM, SLACK_DEADLINE);
    expect(atLimit.status).toBe(400);
    const response = await fetch(h.events, {
      method: 'POST',
      headers: { 'content-type': FORM },
      body: padded(BODY_LIMIT_BYTES + 1),
    });
    expect(response.status).toBe(413);
    // The rest of the body was never read: the connection cannot carry another request.
    expect(response.headers.get('connection')).toBe('close');
    expect(logs).toEqual([
      '[WARN] contacts refused a request to the Slack endpoint (400): the payload field is not JSON',
      '[WARN] contacts refused a request to the Slack endpoint (413): the body is too large or could not be read',
    ]);
  });

  it('checks a request whose address carries a query string like any other', async () => {
    const logs: string[] = [];
    h = await appLogging(logs);
    const body = form({ command: '/contacts', text: 'help', team_id: 'T1', user_id: 'UUSER' });
    const response = await fetch(`${h.events}?retry=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(response.status).toBe(401);
    expect(logs).toContain(
      '[WARN] contacts refused a request to the Slack endpoint (401): missing or malformed signature headers',
    );
  });

  it('leaves a request to any other address to Bolt, unchecked', async () => {
    const logs: string[] = [];
    h = await appLogging(logs);
    const response = await fetch(`${h.base}/slack/other`, { method: 'POST', body: 'x' });
    expect(response.status).toBe(404);
    expect(logs.join('\n')).not.toContain('refused a request');
  });

  it('lets a request through with a warning when the store does not answer the replay check in time', async () => {
    redis = await startRedis();
    const logs: string[] = [];
    h = await appLogging(logs, { env: { STORE_URL: redis.url } });
    // Connected first: the store is reached, then it stalls.
    await h.slack.waitForPosts((await h.command('help')).id);
    redis.pause();
    const stalled = await h.command('help', {}, SLACK_DEADLINE);
    expect(stalled.status).toBe(200);
    expect(logs).toContain('[WARN] contacts the store did not answer the replay check in time; let through');
    redis.resume();
    const [answer] = await h.slack.waitForPosts(stalled.id);
    expect(String(answer?.body.text)).toContain('/contacts');
  });
});
