import { afterEach, describe, expect, it } from 'vitest';
import { installThroughBrowser, OAUTH_ENV, tokenExchange } from '../../support/oauth-install.js';
import { type AppHarness, slackAppHarness } from '../../support/slack-app-harness.js';

// The person who installs waits on Slack's redirect page while the app asks Slack for their zone:
// that lookup gets one try, and a workspace starts at the default zone rather than keep them waiting.
const appOfInstallerIn = (tz: string) =>
  slackAppHarness({
    env: { ...OAUTH_ENV, DEFAULT_TIMEZONE: 'Europe/Athens' },
    oauth: tokenExchange(),
    users: { UINSTALLER: { tz } },
  });

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
    const done = await installThroughBrowser(h.base);
    expect(done.status).toBe(200);
    expect(h.slack.callsTo('users.info')).toHaveLength(1);
    expect(await h.deps.settings.get('T9')).toMatchObject({ zone: 'Europe/Athens', installerUserId: 'UINSTALLER' });
  });

  it('starts the workspace at the default zone when Slack takes more than a few seconds to answer', async () => {
    h = await appOfInstallerIn('Asia/Kathmandu');
    h.slack.slowDown('users.info', 6_000);
    expect((await installThroughBrowser(h.base)).status).toBe(200);
    expect(h.slack.callsTo('users.info')).toHaveLength(1);
    expect(await h.deps.settings.get('T9')).toMatchObject({ zone: 'Europe/Athens' });
  });

  it('starts the workspace at the installer’s own zone when Slack answers', async () => {
    h = await appOfInstallerIn('Asia/Kathmandu');
    expect((await installThroughBrowser(h.base)).status).toBe(200);
    expect(await h.deps.settings.get('T9')).toMatchObject({ zone: 'Asia/Kathmandu' });
  });
});
