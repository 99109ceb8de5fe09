import { afterEach, describe, expect, it } from 'vitest';
import { type AppHarness, slackAppHarness } from '../../support/slack-app-harness.js';

// The person who installs waits on Slack's redirect page while the app asks Slack for their zone:
// that lookup gets one try, and a workspace starts at the default zone rather than keep them waiting.
const OAUTH_ENV = {
  SLACK_BOT_TOKEN: '',
  SLACK_CLIENT_ID: '111.222',
  SLACK_CLIENT_SECRET: 'client-secret',
  SLACK_STATE_SECRET: 'state-secret-for-tests',
  DEFAULT_TIMEZONE: 'Europe/Athens',
};

const TOKEN_EXCHANGE = {
  ok: true,
  app_id: 'A1',
  authed_user: { id: 'UINSTALLER' },
  scope: 'commands,users:read',
  token_type: 'bot',
  access_token: 'xoxb-team-nine',
  bot_user_id: 'UBOT9',
  team: { id: 'T9', name: 'Nine' },
  enterprise: null,
  is_enterprise_install: false,
};

async function install(h: AppHarness): Promise<Response> {
  const start = await fetch(`${h.base}/slack/install`, { redirect: 'manual' });
  const state = new URL(start.headers.get('location') ?? '').searchParams.get('state') ?? '';
  const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return fetch(`${h.base}/slack/oauth_redirect?code=the-code&state=${encodeURIComponent(state)}`, {
    headers: { cookie },
    redirect: 'manual',
  });
}

const appOfInstallerIn = (tz: string) =>
  slackAppHarness({ env: OAUTH_ENV, oauth: TOKEN_EXCHANGE, users: { UINSTALLER: { tz } } });

let h: AppHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('the installer’s zone, asked of Slack while they wait on the install page', () => {
  it.each([
    ['fails with a server error', { status: 500 }],
    ['asks the app to wait two minutes', { status: 429, retryAfter: 120 }],
  ])('starts the workspace at the default zone, asked once, when Slack %s', async (_, failure) => {
    h = await appOfInstallerIn('Asia/Kathmandu');
    h.slack.failNext('users.info', failure);
    const done = await install(h);
    expect(done.status).toBe(200);
    expect(h.slack.callsTo('users.info')).toHaveLength(1);
    expect(await h.deps.settings.get('T9')).toMatchObject({ zone: 'Europe/Athens', installerUserId: 'UINSTALLER' });
  });

  it('starts the workspace at the default zone when Slack takes more than a few seconds to answer', async () => {
    h = await appOfInstallerIn('Asia/Kathmandu');
    h.slack.slowDown('users.info', 6_000);
    expect((await install(h)).status).toBe(200);
    expect(h.slack.callsTo('users.info')).toHaveLength(1);
    expect(await h.deps.settings.get('T9')).toMatchObject({ zone: 'Europe/Athens' });
  });

  it('starts the workspace at the installer’s own zone when Slack answers', async () => {
    h = await appOfInstallerIn('Asia/Kathmandu');
    expect((await install(h)).status).toBe(200);
    expect(await h.deps.settings.get('T9')).toMatchObject({ zone: 'Asia/Kathmandu' });
  });
});
