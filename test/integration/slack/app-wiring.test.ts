import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { createSlackApp } from '../../../src/slack/app.js';
import { composeApp } from '../../../src/slack/compose.js';
import { freePort } from '../../support/free-port.js';
import { type AppHarness, ENCRYPTION_KEY, SIGNING_SECRET, slackAppHarness } from '../../support/slack-app-harness.js';
import { startSocketModeStandIn } from '../../support/socket-mode-standin.js';

const OAUTH_ENV = {
  SLACK_BOT_TOKEN: '',
  SLACK_CLIENT_ID: '111.222',
  SLACK_CLIENT_SECRET: 'client-secret',
  SLACK_STATE_SECRET: 'state-secret-for-tests',
};

let h: AppHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('how the app is wired', () => {
  it('logs a request Bolt could not hand to any listener — a workspace that never installed the app — as a failed Slack request', async () => {
    const logs: string[] = [];
    h = await slackAppHarness({ env: OAUTH_ENV, logSink: (line) => logs.push(line) });
    const result = await h.command('last week', { team: 'TNEVER' });
    expect(result.status).toBe(200);
    const failed = logs.filter((line) => line.startsWith('[ERROR] contacts Slack request failed: '));
    expect(failed).toHaveLength(1);
    expect(failed[0]).toContain('Authorization of incoming event did not succeed');
    expect(h.slack.posts).toEqual([]);
  });

  it('in Socket Mode with OAuth, sends a browser at /slack/install straight on to Slack’s consent page', async () => {
    const socket = await startSocketModeStandIn();
    const port = await freePort();
    try {
      h = await slackAppHarness({
        socketUrl: socket.url,
        env: { ...OAUTH_ENV, SLACK_APP_TOKEN: 'xapp-1-A1-socket', SLACK_SIGNING_SECRET: '', PORT: String(port) },
      });
      await socket.connection;
      const start = await fetch(`http://127.0.0.1:${port}/slack/install`, { redirect: 'manual' });
      expect(start.status).toBe(302);
      const authorize = new URL(start.headers.get('location') ?? '');
      expect(authorize.origin + authorize.pathname).toBe('https://slack.com/oauth/v2/authorize');
      expect(authorize.searchParams.get('client_id')).toBe('111.222');
    } finally {
      await h?.close();
      h = undefined;
      await socket.close();
    }
  });

  it('will not run over HTTP without a signing secret, rather than take requests signed with anything', async () => {
    const config = loadConfig({
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      STORE_URL: 'memory:',
      ENCRYPTION_KEY,
    });
    const deps = composeApp({ ...config, SLACK_SIGNING_SECRET: undefined });
    try {
      expect(() => createSlackApp(deps)).toThrow(/signingSecret is required/);
    } finally {
      await deps.store.close();
      await deps.http.close();
    }
  });
});
