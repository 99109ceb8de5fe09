import { existsSync, readFileSync } from 'node:fs';
import type KeyvSqlite from '@keyv/sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { DigestRunner } from '../../../src/digest/digest-runner.js';
import { ACTIONS } from '../../../src/views/ids.js';
import { aDigestSchedule } from '../../support/digest-schedule.js';
import { installThroughBrowser, OAUTH_ENV, tokenExchange } from '../../support/oauth-install.js';
import { type AppHarness, slackAppHarness } from '../../support/slack-app-harness.js';

let h: AppHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('installing to many workspaces with OAuth', () => {
  it('stores the installation and starts the report zone at the installer’s zone', async () => {
    h = await slackAppHarness({
      env: OAUTH_ENV,
      oauth: tokenExchange(false),
      users: { UINSTALLER: { tz: 'Asia/Kathmandu' } },
    });
    const done = await installThroughBrowser(h.base);
    expect(done.status).toBe(200);
    expect(h.slack.callsTo('oauth.v2.access')[0]?.args).toMatchObject({ code: 'the-code', client_id: '111.222' });
    const installation = await h.deps.installations.fetchInstallation({
      teamId: 'T9',
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(installation.bot?.token).toBe('xoxb-team-nine');
    expect(await h.deps.settings.get('T9')).toMatchObject({
      zone: 'Asia/Kathmandu',
      installerUserId: 'UINSTALLER',
      weekStart: 1,
    });
  });

  it('answers that workspace with its own bot token, and lets the installer edit settings', async () => {
    h = await slackAppHarness({
      env: OAUTH_ENV,
      oauth: tokenExchange(false),
      users: { UINSTALLER: { tz: 'Asia/Kathmandu' } },
    });
    await installThroughBrowser(h.base);
    await h.event({ type: 'app_home_opened', user: 'UINSTALLER', channel: 'D9', tab: 'home', event_ts: '1.1' }, 'T9');
    const [publish] = await h.slack.waitForCalls('views.publish');
    expect(publish?.token).toBe('xoxb-team-nine');
    expect(JSON.stringify(publish?.args.view)).toContain(ACTIONS.openSettings);
    expect(JSON.stringify(publish?.args.view)).toContain('Asia/Kathmandu');
  });

  it('posts a workspace’s weekly digest with that workspace’s own stored bot token', async () => {
    h = await slackAppHarness({
      env: { ...OAUTH_ENV, TELLODY_USERNAME: 'demo', TELLODY_PASSWORD: 'demo', TELLODY_SHARED_LOGIN_WORKSPACES: 'T9' },
      oauth: tokenExchange(false),
      users: { UINSTALLER: { tz: 'Europe/Athens' } },
    });
    await installThroughBrowser(h.base);
    await h.deps.digests.setSchedule('T9', aDigestSchedule('CNINE', { teamId: 'T9', setUpBy: 'UINSTALLER' }));
    h.clock.set('2026-11-30T09:00:00+02:00');
    await new DigestRunner(h.deps.jobs.digest).tick();
    expect(h.slack.messagesIn('CNINE').map((m) => m.token)).toEqual(['xoxb-team-nine']);
  });

  it('keeps the bot token sealed: neither the stored value nor the SQLite file holds it readable', async () => {
    h = await slackAppHarness({ env: OAUTH_ENV, oauth: tokenExchange(false), users: { UINSTALLER: {} } });
    await installThroughBrowser(h.base);
    expect(JSON.stringify(await h.deps.store.keyv.get('ws:T9:installation'))).not.toContain('xoxb-team-nine');
    const db = String((h.deps.store.keyv.store as KeyvSqlite).opts.db);
    for (const file of [db, `${db}-wal`].filter((f) => existsSync(f))) {
      expect(readFileSync(file).toString('latin1')).not.toContain('xoxb-team-nine');
    }
    await h.event({ type: 'app_home_opened', user: 'UINSTALLER', channel: 'D9', tab: 'home', event_ts: '1.1' }, 'T9');
    expect((await h.slack.waitForCalls('views.publish'))[0]?.token).toBe('xoxb-team-nine');
  });

  it('serves a workspace whose installation was stored in the clear before, and seals it at once', async () => {
    h = await slackAppHarness({ env: OAUTH_ENV, oauth: tokenExchange(false), users: { UINSTALLER: {} } });
    await installThroughBrowser(h.base);
    const query = { teamId: 'T9', enterpriseId: undefined, isEnterpriseInstall: false };
    await h.deps.store.keyv.set('ws:T9:installation', await h.deps.installations.fetchInstallation(query));
    expect(JSON.stringify(await h.deps.store.keyv.get('ws:T9:installation'))).toContain('xoxb-team-nine');
    await h.event({ type: 'app_home_opened', user: 'UINSTALLER', channel: 'D9', tab: 'home', event_ts: '1.1' }, 'T9');
    expect((await h.slack.waitForCalls('views.publish'))[0]?.token).toBe('xoxb-team-nine');
    expect(JSON.stringify(await h.deps.store.keyv.get('ws:T9:installation'))).not.toContain('xoxb-team-nine');
    expect((await h.deps.installations.fetchInstallation(query)).bot?.token).toBe('xoxb-team-nine');
  });

  it('keys an org-wide install by its enterprise', async () => {
    h = await slackAppHarness({
      env: OAUTH_ENV,
      oauth: tokenExchange(true),
      users: { UINSTALLER: { tz: 'America/New_York' } },
    });
    const done = await installThroughBrowser(h.base);
    expect(done.status).toBe(200);
    const installation = await h.deps.installations.fetchInstallation({
      teamId: 'T77',
      enterpriseId: 'E1',
      isEnterpriseInstall: true,
    });
    expect(installation.bot?.token).toBe('xoxb-org');
    expect(await h.deps.settings.get('E1')).toMatchObject({ zone: 'America/New_York' });
  });

  it('refuses a callback whose state was not issued by this app', async () => {
    h = await slackAppHarness({ env: OAUTH_ENV, oauth: tokenExchange(false) });
    const forged = await fetch(`${h.base}/slack/oauth_redirect?code=x&state=forged`, { redirect: 'manual' });
    expect(forged.status).toBeGreaterThanOrEqual(400);
    expect(h.slack.callsTo('oauth.v2.access')).toHaveLength(0);
  });
});

describe('reinstalling, revoking and uninstalling', () => {
  const T9 = { teamId: 'T9', enterpriseId: undefined, isEnterpriseInstall: false };
  const installed = () => h?.deps.installations.fetchInstallation(T9);

  async function installedWorkspace(): Promise<AppHarness> {
    const harness = await slackAppHarness({
      env: { ...OAUTH_ENV, TELLODY_USERNAME: 'demo', TELLODY_PASSWORD: 'demo', TELLODY_SHARED_LOGIN_WORKSPACES: 'T9' },
      oauth: tokenExchange(false),
      users: { UINSTALLER: { tz: 'Asia/Kathmandu' } },
    });
    h = harness;
    await installThroughBrowser(harness.base);
    return harness;
  }

  /** Waits until `check` holds (event handlers run after Slack is answered), or gives up after a second. */
  async function eventually(check: () => Promise<boolean>): Promise<void> {
    for (let i = 0; i < 50 && !(await check()); i++) await new Promise((r) => setTimeout(r, 20));
  }

  it('keeps the week start and zone an admin chose when the app is installed again', async () => {
    const harness = await installedWorkspace();
    const chosen = { weekStart: 0 as const, zone: 'America/New_York', updatedAt: 5, updatedBy: 'UADMIN' };
    await harness.deps.settings.set('T9', { ...(await harness.deps.settings.get('T9')), ...chosen });
    expect((await installThroughBrowser(harness.base)).status).toBe(200);
    expect(await harness.deps.settings.get('T9')).toMatchObject({ ...chosen, installerUserId: 'UINSTALLER' });
  });

  it('forgets the installation, its bot token with it, when the app is uninstalled', async () => {
    const harness = await installedWorkspace();
    expect((await installed())?.bot?.token).toBe('xoxb-team-nine');
    await harness.event({ type: 'app_uninstalled' }, 'T9');
    await eventually(async () => (await harness.deps.settings.get('T9')) === undefined);
    await expect(installed()).rejects.toThrow(/no installation for T9/);
    expect(await harness.deps.settings.get('T9')).toBeUndefined();
  });

  it('keeps the workspace when only a person’s user token is revoked', async () => {
    const harness = await installedWorkspace();
    const before = await harness.deps.settings.get('T9');
    await harness.event({ type: 'tokens_revoked', tokens: { oauth: ['UINSTALLER'], bot: [] } }, 'T9');
    await harness.event({ type: 'tokens_revoked', tokens: { oauth: ['UINSTALLER'] } }, 'T9');
    // A later event is handled after the ones before it: by then any forgetting would have begun.
    await harness.event(
      { type: 'app_home_opened', user: 'UINSTALLER', channel: 'D9', tab: 'home', event_ts: '1' },
      'T9',
    );
    await harness.slack.waitForCalls('views.publish');
    expect((await installed())?.bot?.token).toBe('xoxb-team-nine');
    expect(await harness.deps.settings.get('T9')).toEqual(before);
  });

  it('forgets the workspace when its bot token is revoked', async () => {
    const harness = await installedWorkspace();
    await harness.event({ type: 'tokens_revoked', tokens: { bot: ['UBOT9'] } }, 'T9');
    await eventually(async () => (await harness.deps.settings.get('T9')) === undefined);
    await expect(installed()).rejects.toThrow(/no installation for T9/);
  });
});
