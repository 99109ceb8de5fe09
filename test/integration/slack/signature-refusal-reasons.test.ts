import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectLogged } from '../../support/log-lines.js';
import { form } from '../../support/signed-request.js';
import { type AppHarness, SIGNING_SECRET, slackAppHarness } from '../../support/slack-app-harness.js';

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';
/** Slack gives up on an answer after 3 s: a request still unanswered then has failed. */
const SLACK_DEADLINE = { deadlineMs: 3000 };
const NOW_S = () => Math.floor(Date.now() / 1000);
const refused = (status: number, reason: string) =>
  `[WARN] contacts refused a request to the Slack endpoint (${status}): ${reason}`;
/** A command no one answers: refused before it could reach the (never reached) response_url. */
const BODY = form({
  command: '/contacts',
  text: 'help',
  team_id: 'T1',
  user_id: 'UUSER',
  response_url: 'http://127.0.0.1:9/never-reached',
});
/** Signature headers set by hand: the timestamp as written, next to a signature that cannot match. */
const headers = (timestamp: string) => ({
  unsigned: true,
  headers: { 'x-slack-request-timestamp': timestamp, 'x-slack-signature': 'v0=00' },
});

const logs: string[] = [];
let app: AppHarness;
beforeAll(async () => {
  app = await slackAppHarness({ env: { LOG_LEVEL: 'warn' }, logSink: (line) => logs.push(line) });
});
afterAll(() => app.close());

describe('a request to /slack/events not signed by Slack just now is refused with 401, the log saying why', () => {
  it.each([
    ['without signature headers', () => ({ unsigned: true }), 'missing or malformed signature headers'],
    [
      'with a timestamp but no signature',
      () => ({ unsigned: true, headers: { 'x-slack-request-timestamp': String(NOW_S()) } }),
      'missing or malformed signature headers',
    ],
    ['with a timestamp that is a word', () => headers('soon'), 'missing or malformed signature headers'],
    ['with a timestamp after a letter', () => headers(`x${NOW_S()}`), 'missing or malformed signature headers'],
    ['with a timestamp before a letter', () => headers(`${NOW_S()}x`), 'missing or malformed signature headers'],
    ['with a timestamp of 13 digits', () => headers('1'.repeat(13)), 'missing or malformed signature headers'],
    ['signed six minutes ahead', () => ({ timestamp: NOW_S() + 360 }), 'timestamp in the future'],
    ['signed six minutes ago', () => ({ timestamp: NOW_S() - 360 }), 'timestamp too old'],
    ['signed with another secret', () => ({ secret: `${SIGNING_SECRET}-not` }), 'signature mismatch'],
    ['with a 12-digit timestamp that is not now', () => headers('9'.repeat(12)), 'timestamp in the future'],
  ])('%s', async (_what, sign, reason) => {
    logs.length = 0;
    const result = await app.send(BODY, FORM, { ...sign(), ...SLACK_DEADLINE });
    expect(result.status).toBe(401);
    expect(logs).toEqual([refused(401, reason)]);
  });

  it('a replay of a request already taken, the first one being answered', async () => {
    const body = JSON.stringify({ type: 'url_verification', challenge: 'once' });
    const timestamp = NOW_S();
    logs.length = 0;
    expect((await app.send(body, JSON_TYPE, { timestamp, ...SLACK_DEADLINE })).status).toBe(200);
    expect((await app.send(body, JSON_TYPE, { timestamp, ...SLACK_DEADLINE })).status).toBe(401);
    expect(logs).toEqual([refused(401, 'a replay of a request already received')]);
  });
});

describe('the guard in front of /slack/events, besides signatures', () => {
  it('leaves a GET to the endpoint to Bolt, unchecked', async () => {
    logs.length = 0;
    const response = await fetch(app.events, { signal: AbortSignal.timeout(3000) });
    expect(response.status).toBe(404);
    expect(logs).toEqual([]);
  });

  it('logs a body the sender stopped sending halfway as one that could not be read (400)', async () => {
    logs.length = 0;
    const socket = connect(Number(new URL(app.base).port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    // Headers and part of the body handed to the network, then the connection dropped.
    await new Promise<void>((resolve) =>
      socket.write(
        'POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"type"',
        () => resolve(),
      ),
    );
    socket.destroy();
    await expectLogged(logs, 'refused a request');
    expect(logs).toEqual([refused(400, 'the body is too large or could not be read')]);
  });
});
