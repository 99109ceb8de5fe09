import { expect } from 'vitest';

/** What the app needs to install through OAuth instead of with one fixed bot token. */
export const OAUTH_ENV = {
  SLACK_BOT_TOKEN: '',
  SLACK_CLIENT_ID: '111.222',
  SLACK_CLIENT_SECRET: 'client-secret',
  SLACK_STATE_SECRET: 'state-secret-for-tests',
};

/** What oauth.v2.access answers: a bot token and the installer, for team T9 or org-wide for enterprise E1. */
export function tokenExchange(orgWide = false) {
  return {
    ok: true,
    app_id: 'A1',
    authed_user: { id: 'UINSTALLER' },
    scope: 'commands,users:read',
    token_type: 'bot',
    access_token: orgWide ? 'xoxb-org' : 'xoxb-team-nine',
    bot_user_id: 'UBOT9',
    team: orgWide ? null : { id: 'T9', name: 'Nine' },
    enterprise: orgWide ? { id: 'E1', name: 'Acme Corp' } : null,
    is_enterprise_install: orgWide,
  };
}

/**
 * Walks the browser part of an install: /slack/install sends it to Slack's authorize page with the
 * app's scopes, then Slack sends it back with a code.
 */
export async function installThroughBrowser(base: string): Promise<Response> {
  const start = await fetch(`${base}/slack/install`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const authorize = new URL(start.headers.get('location') ?? '');
  expect(authorize.origin + authorize.pathname).toBe('https://slack.com/oauth/v2/authorize');
  expect(authorize.searchParams.get('scope')).toBe(
    'channels:join,channels:read,chat:write,commands,groups:read,im:write,users:read',
  );
  const state = authorize.searchParams.get('state') ?? '';
  const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return fetch(`${base}/slack/oauth_redirect?code=the-code&state=${encodeURIComponent(state)}`, {
    headers: { cookie },
    redirect: 'manual',
  });
}
