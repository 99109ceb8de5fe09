import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { createSlackApp, startSlackApp } from '../../../src/slack/app.js';
import { composeApp } from '../../../src/slack/compose.js';
import { SLACK_RETRIES } from '../../../src/slack/slack-client-pool.js';
import { startSandbox } from '../../../src/tellody/sandbox/server.js';
import { freePort } from '../../support/free-port.js';
import { expectLogged } from '../../support/log-lines.js';
import { OAUTH_ENV } from '../../support/oauth-install.js';
import { type AppHarness, ENCRYPTION_KEY, SIGNING_SECRET, slackAppHarness } from '../../support/slack-app-harness.js';
import { slackRequests } from '../../support/slack-requests.js';
import { startSlackStandIn } from '../../support/slack-standin.js';
import { startSocketModeStandIn } from '../../support/socket-mode-standin.js';

let h: AppHarness | undefined;
const closing: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closing.splice(0).reverse()) await close();
  await h?.close();
  h = undefined;
});

describe('how the app is installed', () => {
  it('with one bot token: offers no install page, and answers commands with that token', async () => {
    h = await slackAppHarness({ env: { TELLODY_USERNAME: 'demo', TELLODY_PASSWORD: 'demo' } });
    expect((await fetch(`${h.base}/slack/install`, { redirect: 'manual' })).status).toBe(404);
    const [post] = await h.slack.waitForPosts((await h.command('last week')).id);
    expect(String(post?.body.text)).toMatch(/^[\d,]+ new contacts/);
  });

  it('with a client id, secret and state secret: sends the browser to Slack to install, with that client id', async () => {
    h = await slackAppHarness({ env: OAUTH_ENV });
    const start = await fetch(`${h.base}/slack/install`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    expect(new URL(start.headers.get('location') ?? '').searchParams.get('client_id')).toBe('111.222');
  });
});

describe('in Socket Mode', () => {
  it('starts, and says its health and install routes are on PORT', async () => {
    const socket = await startSocketModeStandIn();
    closing.push(() => socket.close());
    h = await slackAppHarness({ socketUrl: socket.url });
    const port = await freePort();
    const config = {
      ...h.deps.config,
      SLACK_APP_TOKEN: 'xapp-1-A1-socket',
      SLACK_SIGNING_SECRET: undefined,
      PORT: port,
    };
    const running = await startSlackApp(createSlackApp({ ...h.deps, config }), port);
    closing.push(() => running.stop());
    await socket.connection;
    expect(running.port).toBe(port);
    expect((await fetch(`http://127.0.0.1:${running.port}/healthz`)).status).toBe(200);
  });
});

describe('a Slack call that fails, with the app told not to retry', () => {
  it('is made once and its failure logged, not tried again', async () => {
    const logs: string[] = [];
    h = await slackAppHarness({ env: { LOG_LEVEL: 'warn' }, logSink: (line) => logs.push(line) });
    h.slack.failNext('views.publish', { status: 500 });
    await h.event({ type: 'app_home_opened', user: 'UUSER', channel: 'D1', tab: 'home' });
    await expectLogged(
      logs,
      '[ERROR] contacts app_home_opened failed: WebAPIHTTPError: An HTTP protocol error occurred: statusCode = 500',
    );
    expect(h.slack.callsTo('views.publish')).toHaveLength(1);
  });
});

describe('the app’s own Slack calls', () => {
  it('go through the deployment’s HTTP client: Web API calls and replies to a response_url alike', async () => {
    const sandbox = await startSandbox();
    closing.push(() => sandbox.close());
    const slack = await startSlackStandIn({ users: { UUSER: { tz: 'Europe/Athens' } } });
    closing.push(() => slack.close());
    const config = loadConfig({
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_API_URL: slack.apiUrl,
      TELLODY_BASE_URL: sandbox.baseUrl,
      TELLODY_USERNAME: 'demo',
      TELLODY_PASSWORD: 'demo',
      STORE_URL: `sqlite://${join(mkdtempSync(join(tmpdir(), 'contacts-app-')), 'contacts.sqlite')}`,
      ENCRYPTION_KEY,
      LOG_LEVEL: 'error',
    });
    const asked: string[] = [];
    const recording: typeof fetch = (input, init) => {
      asked.push(String(input));
      return fetch(input, init);
    };
    const deps = composeApp(config, { fetch: recording, slackRetries: SLACK_RETRIES.fast });
    closing.push(
      () => deps.store.close(),
      () => deps.http.close(),
    );
    const running = await startSlackApp(createSlackApp(deps), 0);
    closing.push(() => running.stop());
    const requests = slackRequests({
      events: `http://127.0.0.1:${running.port}/slack/events`,
      secret: SIGNING_SECRET,
      responseUrl: slack.responseUrl,
    });
    const { id } = await requests.command('last week', { user: 'UUSER' });
    await slack.waitForPosts(id);
    await requests.event({ type: 'app_home_opened', user: 'UUSER', channel: 'D1', tab: 'home' });
    await slack.waitForCalls('views.publish');
    expect(asked).toContainEqual(slack.responseUrl(id));
    expect(asked).toContainEqual(expect.stringMatching(/views\.publish$/));
  });
});
