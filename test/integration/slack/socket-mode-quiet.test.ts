import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort } from '../../support/free-port.js';
import { type AppHarness, slackAppHarness } from '../../support/slack-app-harness.js';
import { startSocketModeStandIn } from '../../support/socket-mode-standin.js';

/** Bolt finishes a request (and would log a failure of its last middleware) just after the listener's reply arrived. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

const logs: string[] = [];
let socket: Awaited<ReturnType<typeof startSocketModeStandIn>>;
let app: AppHarness;

beforeAll(async () => {
  socket = await startSocketModeStandIn();
  app = await slackAppHarness({
    socketUrl: socket.url,
    env: {
      SLACK_APP_TOKEN: 'xapp-1-A1-socket',
      SLACK_SIGNING_SECRET: '',
      PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
    },
    logSink: (line) => logs.push(line),
  });
  await socket.connection;
});
afterAll(async () => {
  await app.close();
  await socket.close();
});

// Over a socket there is no HTTP answer to look at: the middleware that acks unanswered HTTP
// requests must leave these alone, without failing.
it('answers a command over Socket Mode without logging any failure', async () => {
  socket.sendCommand('env-quiet', 'help', app.slack.responseUrl('socket-quiet'));
  await socket.waitForAck('env-quiet');
  const [post] = await app.slack.waitForPosts('socket-quiet');
  expect(String(post?.body.text)).toContain('/contacts');
  await settle();
  expect(logs).toEqual([]);
});
