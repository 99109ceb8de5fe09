import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import { type AppHarness, slackAppHarness } from '../../support/slack-app-harness.js';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Slack's side of Socket Mode: a WebSocket that says hello, then delivers envelopes and collects acks. */
let wss: WebSocketServer;
let socket: WebSocket | undefined;
const received: Record<string, unknown>[] = [];
let h: AppHarness;
let httpPort: number;

beforeAll(async () => {
  const wsPort = await freePort();
  wss = new WebSocketServer({ port: wsPort, host: '127.0.0.1' });
  wss.on('connection', (ws) => {
    socket = ws;
    ws.on('message', (data) => received.push(JSON.parse(String(data)) as Record<string, unknown>));
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' }, debug_info: {} }));
  });
  httpPort = await freePort();
  h = await slackAppHarness({
    socketUrl: `ws://127.0.0.1:${wsPort}/link`,
    env: { SLACK_APP_TOKEN: 'xapp-1-A1-socket', SLACK_SIGNING_SECRET: '', PORT: String(httpPort) },
  });
  await h.deps.credentials.set('T1', { username: 'demo', password: 'demo' }, Date.now());
});
afterAll(async () => {
  await h.close();
  await new Promise((resolve) => wss.close(resolve));
});

describe('Socket Mode', () => {
  it('connects with the app-level token through apps.connections.open', () => {
    const open = h.slack.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]?.token).toBe('xapp-1-A1-socket');
  });

  it('acks a /contacts envelope over the socket and answers at its response_url', async () => {
    socket?.send(
      JSON.stringify({
        envelope_id: 'env-1',
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: {
          command: '/contacts',
          text: 'last week',
          team_id: 'T1',
          user_id: 'UUSER',
          channel_id: 'C1',
          response_url: h.slack.responseUrl('socket-1'),
          trigger_id: 'trigger-socket',
          api_app_id: 'A1',
        },
      }),
    );
    const [post] = await h.slack.waitForPosts('socket-1');
    expect(received.some((m) => m.envelope_id === 'env-1')).toBe(true);
    expect(String(post?.body.text)).toContain('Last week · Mon 16 – Sun 22 Nov 2026');
  });

  it('still serves /healthz on PORT', async () => {
    const response = await fetch(`http://127.0.0.1:${httpPort}/healthz`);
    expect(response.status).toBe(200);
  });
});
