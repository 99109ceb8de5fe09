/** What the app needs to install through OAuth instead of with one fixed bot token. */
export const OAUTH_ENV = {
  SLACK_BOT_TOKEN: '',
  SLACK_CLIENT_ID: '111.222',
  SLACK_CLIENT_SECRET: 'client-secret',
  SLACK_STATE_SECRET: 'state-secret-for-tests',
};

/** What oauth.v2.access answers for team T9 when both a bot token and the installer are there. */
export const FULL_EXCHANGE = {
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

/** Walks the browser part of an install: /slack/install, then Slack sends the browser back with a code. */
export async function installThroughBrowser(base: string): Promise<Response> {
  const start = await fetch(`${base}/slack/install`, { redirect: 'manual' });
  const state = new URL(start.headers.get('location') ?? '').searchParams.get('state') ?? '';
  const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return fetch(`${base}/slack/oauth_redirect?code=the-code&state=${encodeURIComponent(state)}`, {
    headers: { cookie },
    redirect: 'manual',
  });
}
