import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../support/free-port.js';
import { type AppHarness, slackAppHarness } from '../../support/slack-app-harness.js';
import { startSocketModeStandIn } from '../../support/socket-mode-standin.js';

let socket: Awaited<ReturnType<typeof startSocketModeStandIn>>;
let h: AppHarness;
let httpPort: number;

beforeAll(async () => {
  socket = await startSocketModeStandIn();
  httpPort = await freePort();
  h = await slackAppHarness({
    socketUrl: socket.url,
    env: { SLACK_APP_TOKEN: 'xapp-1-A1-socket', SLACK_SIGNING_SECRET: '', PORT: String(httpPort) },
  });
  await h.deps.credentials.set('T1', { username: 'demo', password: 'demo' }, Date.now());
  await socket.connection;
});
afterAll(async () => {
  await h.close();
  await socket.close();
});

describe('Socket Mode', () => {
  it('connects with the app-level token through apps.connections.open', () => {
    const open = h.slack.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]?.token).toBe('xapp-1-A1-socket');
  });

  it('acks a /contacts envelope over the socket and answers at its response_url', async () => {
    socket.sendCommand('env-1', 'last week', h.slack.responseUrl('socket-1'));
    await socket.waitForAck('env-1');
    const [post] = await h.slack.waitForPosts('socket-1');
    expect(String(post?.body.text)).toContain('Last week · Mon 16 – Sun 22 Nov 2026');
  });

  it('still serves /healthz on PORT', async () => {
    const response = await fetch(`http://127.0.0.1:${httpPort}/healthz`);
    expect(response.status).toBe(200);
  });
});
