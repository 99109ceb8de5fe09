import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../support/free-port.js';
import { startRedis } from '../../support/redis-server.js';
import { form, postToSlackApp } from '../../support/signed-request.js';
import { type AppHarness, SIGNING_SECRET, slackAppHarness } from '../../support/slack-app-harness.js';
import { startSocketModeStandIn } from '../../support/socket-mode-standin.js';

let h: AppHarness | undefined;
let redis: Awaited<ReturnType<typeof startRedis>> | undefined;
afterEach(async () => {
  await h?.close().catch(() => {});
  await redis?.stop();
  h = undefined;
  redis = undefined;
});

describe('running on Redis, behind a load balancer', () => {
  it('reports healthy while Redis answers and 503 once it is gone, so the balancer can drop the instance', async () => {
    redis = await startRedis();
    h = await slackAppHarness({ env: { STORE_URL: redis.url } });
    const healthy = await fetch(`${h.base}/healthz`);
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toEqual({ ok: true, store: 'redis' });
    await redis.stop();
    const down = await fetch(`${h.base}/healthz`);
    expect(down.status).toBe(503);
  });

  it('answers /contacts honestly while the store is down: it cannot be reached, try again; no hang, no stack trace', async () => {
    redis = await startRedis();
    h = await slackAppHarness({ env: { STORE_URL: redis.url } });
    await redis.stop();
    const result = await h.command('last week');
    expect(result.status).toBe(200);
    const [post] = await h.slack.waitForPosts(result.id);
    expect(String(post?.body.text)).toMatch(
      /^Contacts can’t reach its storage right now .* Please try again in a minute\.$/,
    );
    expect(JSON.stringify(post?.body)).not.toMatch(/at \w+ \(|Error:/);
  });

  it('shares settings between two instances on the same Redis', async () => {
    redis = await startRedis();
    h = await slackAppHarness({ env: { STORE_URL: redis.url } });
    const other = await slackAppHarness({ env: { STORE_URL: redis.url } });
    try {
      await h.deps.settings.set('T1', { weekStart: 0, zone: 'America/New_York', updatedAt: 1 });
      await other.deps.credentials.set('T1', { username: 'ny', password: 'ny-pass' }, 1);
      const [post] = await other.slack.waitForPosts((await other.command('last week')).id);
      expect(String(post?.body.text)).toContain('Sun 15 – Sat 21 Nov 2026');
    } finally {
      await other.close();
    }
  });
});

describe('Socket Mode', () => {
  it('runs without a signing secret when SLACK_APP_TOKEN is set: Slack reaches it over the socket, not over HTTP', async () => {
    const socket = await startSocketModeStandIn();
    const port = await freePort();
    try {
      h = await slackAppHarness({
        socketUrl: socket.url,
        env: { SLACK_APP_TOKEN: 'xapp-1-A1-socket', SLACK_SIGNING_SECRET: '', PORT: String(port) },
      });
      await socket.connection;
      expect(h.slack.callsTo('apps.connections.open').map((call) => call.token)).toEqual(['xapp-1-A1-socket']);
      // Only the health and install routes listen on PORT: a request signed as Slack signs them goes nowhere.
      const overHttp = await postToSlackApp(
        `http://127.0.0.1:${port}/slack/events`,
        SIGNING_SECRET,
        form({ command: '/contacts', text: 'last week', team_id: 'T1', user_id: 'UUSER' }),
        'application/x-www-form-urlencoded',
      );
      expect(overHttp.status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    } finally {
      await socket.close();
    }
  });
});
