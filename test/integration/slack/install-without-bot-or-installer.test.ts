import { afterEach, describe, expect, it } from 'vitest';
import { installThroughBrowser, OAUTH_ENV, tokenExchange } from '../../support/oauth-install.js';
import { type AppHarness, slackAppHarness } from '../../support/slack-app-harness.js';

const ENV = { ...OAUTH_ENV, DEFAULT_TIMEZONE: 'Europe/Athens', DEFAULT_WEEK_START: 'wednesday' };

/** A user-token-only exchange: Bolt's InstallProvider then builds an installation without a bot. */
const WITHOUT_BOT = {
  ...tokenExchange(),
  token_type: 'user',
  access_token: undefined,
  scope: undefined,
  bot_user_id: undefined,
  authed_user: { id: 'UINSTALLER', access_token: 'xoxp-installer', scope: 'users:read', token_type: 'user' },
};

/** An exchange naming no installing user: the installation's user has no id. */
const WITHOUT_INSTALLER = { ...tokenExchange(), authed_user: {} };

let h: AppHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('an install whose token exchange leaves something out', () => {
  it('without a bot token: the workspace starts at the default zone and week, with its installer on record', async () => {
    h = await slackAppHarness({ env: ENV, oauth: WITHOUT_BOT, users: { UINSTALLER: { tz: 'Asia/Kathmandu' } } });
    expect((await installThroughBrowser(h.base)).status).toBe(200);
    expect(h.slack.callsTo('users.info')).toHaveLength(0);
    expect(await h.deps.settings.get('T9')).toMatchObject({
      zone: 'Europe/Athens',
      weekStart: 3,
      installerUserId: 'UINSTALLER',
    });
  });

  it('without an installer: the workspace starts at the default zone, and Slack is asked about nobody', async () => {
    h = await slackAppHarness({ env: ENV, oauth: WITHOUT_INSTALLER, users: { UINSTALLER: { tz: 'Asia/Kathmandu' } } });
    expect((await installThroughBrowser(h.base)).status).toBe(200);
    expect(h.slack.callsTo('users.info')).toHaveLength(0);
    const settings = await h.deps.settings.get('T9');
    expect(settings).toMatchObject({ zone: 'Europe/Athens', weekStart: 3 });
    expect(settings?.installerUserId).toBeUndefined();
  });
});
