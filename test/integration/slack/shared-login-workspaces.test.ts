import { afterEach, describe, expect, it } from 'vitest';
import { installThroughBrowser, OAUTH_ENV, tokenExchange } from '../../support/oauth-install.js';
import { type Json, sandboxTotals, totalsShown } from '../../support/report-reading.js';
import { type AppHarness, slackAppHarness } from '../../support/slack-app-harness.js';

/*
 * In OAuth mode anyone may install the app. The deployment's Tellody login
 * (TELLODY_USERNAME/PASSWORD) must then serve only the workspaces listed for it in
 * TELLODY_SHARED_LOGIN_WORKSPACES: any other workspace is asked to connect its own account,
 * never shown that account's contacts.
 */

const SHARED_LOGIN = { TELLODY_USERNAME: 'demo', TELLODY_PASSWORD: 'demo' };

let h: AppHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function installed(listed: string, orgWide = false): Promise<AppHarness> {
  h = await slackAppHarness({
    env: { ...OAUTH_ENV, ...SHARED_LOGIN, TELLODY_SHARED_LOGIN_WORKSPACES: listed },
    oauth: tokenExchange(orgWide),
    users: { UINSTALLER: { tz: 'Europe/Athens', is_admin: true } },
  });
  expect((await installThroughBrowser(h.base)).status).toBe(200);
  return h;
}

async function lastWeekIn(harness: AppHarness, team: string, enterprise?: string) {
  const sent = await harness.command('last week', { team, user: 'UINSTALLER', ...(enterprise ? { enterprise } : {}) });
  return (await harness.slack.waitForPosts(sent.id)).at(-1)?.body as { text: string; blocks: Json[] };
}

async function homeOf(harness: AppHarness, team: string): Promise<string> {
  const before = harness.slack.callsTo('views.publish').length;
  await harness.event(
    { type: 'app_home_opened', user: 'UINSTALLER', channel: 'D9', tab: 'home', event_ts: '1.1' },
    team,
  );
  return JSON.stringify((await harness.slack.waitForCalls('views.publish', before + 1)).at(-1)?.args.view);
}

describe('the deployment’s Tellody login in OAuth mode', () => {
  it('answers a listed workspace with the shared account’s numbers', async () => {
    const harness = await installed('TOTHER, T9');
    const expected = await sandboxTotals(harness.sandbox.baseUrl, 'last week', {
      zone: 'Europe/Athens',
      weekStart: 1,
      now: harness.clock.now(),
    });
    expect(totalsShown(await lastWeekIn(harness, 'T9'))).toEqual(expected.totals);
  });

  it('asks a workspace not on the list to connect its own account, in /contacts and on Home', async () => {
    const harness = await installed('TOTHER');
    const answer = await lastWeekIn(harness, 'T9');
    expect(answer.text).toContain('This workspace isn’t connected to Tellody yet.');
    expect(JSON.stringify(answer.blocks)).not.toMatch(/new contacts/i);
    const home = await homeOf(harness, 'T9');
    expect(home).toContain('Connect Tellody');
    expect(home).not.toContain('connected as');
    expect([...harness.sandbox.calls.values()].reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('serves an org-wide install when its enterprise id is listed, and not when only a team is', async () => {
    const listed = await installed('E1', true);
    expect((await lastWeekIn(listed, 'T77', 'E1')).text).toMatch(/^[\d,]+ new contacts/);
    await listed.close();
    h = undefined;
    const unlisted = await installed('T77', true);
    expect((await lastWeekIn(unlisted, 'T77', 'E1')).text).toContain('This workspace isn’t connected to Tellody yet.');
  });
});
