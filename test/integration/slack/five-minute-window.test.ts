import { afterAll, beforeAll, expect, it } from 'vitest';
import { TIMESTAMP_WINDOW_SECONDS } from '../../../src/slack/receiver/request-guard.js';
import { openStore, type Store } from '../../../src/store/open-store.js';
import { startGuardServer } from '../../support/guard-server.js';
import { capturedLog } from '../../support/log-lines.js';
import { postToSlackApp } from '../../support/signed-request.js';

const SECRET = 'window-test-secret';
/** The guard's "now", in seconds: fixed (and years ago), so a timestamp on the edge of the window stays there and every check goes by this clock. */
const NOW_S = 1_700_000_000;
const logger = capturedLog('warn');
let store: Store;
let guard: Awaited<ReturnType<typeof startGuardServer>>;

beforeAll(async () => {
  store = openStore('memory:');
  guard = await startGuardServer({
    signingSecret: SECRET,
    claims: store.claims,
    log: logger.log,
    now: () => NOW_S * 1000 + 999,
  });
});
afterAll(async () => {
  await guard.close();
  await store.close();
});

let n = 0;
/** A URL check signed at `skew` seconds from the guard's now, each body its own (never a replay). */
const signedAt = (skew: number) =>
  postToSlackApp(
    guard.url,
    SECRET,
    JSON.stringify({ type: 'url_verification', challenge: `c${++n}` }),
    'application/json',
    {
      timestamp: NOW_S + skew,
    },
  );

it.each([
  ['exactly five minutes ago', -TIMESTAMP_WINDOW_SECONDS],
  ['exactly five minutes ahead', TIMESTAMP_WINDOW_SECONDS],
  ['just now', 0],
])('takes a request signed %s (Slack’s window includes its edges)', async (_when, skew) => {
  logger.lines.length = 0;
  expect(await signedAt(skew)).toEqual({ status: 200, text: 'admitted' });
  expect(logger.lines).toEqual([]);
});

it.each([
  ['a second more than five minutes ago', -TIMESTAMP_WINDOW_SECONDS - 1, 'timestamp too old'],
  ['a second more than five minutes ahead', TIMESTAMP_WINDOW_SECONDS + 1, 'timestamp in the future'],
])('refuses a request signed %s with 401', async (_when, skew, reason) => {
  logger.lines.length = 0;
  expect((await signedAt(skew)).status).toBe(401);
  expect(logger.lines).toEqual([`[WARN] contacts refused a request to the Slack endpoint (401): ${reason}`]);
});
