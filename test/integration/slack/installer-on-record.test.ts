import type { Installation } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { type AppHarness, slackAppHarness } from '../../support/slack-app-harness.js';

let h: AppHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** What Bolt stores after Slack's OAuth exchange for workspace T9, installed by `user` (or by nobody named). */
function installationBy(user: string | undefined): Installation {
  return {
    team: { id: 'T9', name: 'Nine' },
    enterprise: undefined,
    isEnterpriseInstall: false,
    appId: 'A1',
    bot: { token: 'xoxb-team-nine', userId: 'UBOT9', id: 'B9', scopes: ['commands'] },
    user: { id: user ?? '', token: undefined, scopes: undefined },
  } as Installation;
}

const CHOSEN = { weekStart: 0 as const, zone: 'America/New_York', updatedAt: 5, updatedBy: 'UADMIN' };

describe('who installed the app, on record for who may edit settings', () => {
  it('records whoever installs the app again, keeping the week start and zone admins chose', async () => {
    h = await slackAppHarness({ users: { UNEW: { tz: 'Asia/Kathmandu' } } });
    await h.deps.settings.set('T9', { ...CHOSEN, installerUserId: 'UFIRST' });
    await h.deps.installations.storeInstallation(installationBy('UNEW'));
    expect(await h.deps.settings.get('T9')).toEqual({ ...CHOSEN, installerUserId: 'UNEW' });
  });

  it('keeps the installer on record when an installation names nobody', async () => {
    h = await slackAppHarness();
    await h.deps.settings.set('T9', { ...CHOSEN, installerUserId: 'UFIRST' });
    await h.deps.installations.storeInstallation(installationBy(undefined));
    expect(await h.deps.settings.get('T9')).toEqual({ ...CHOSEN, installerUserId: 'UFIRST' });
  });

  it('starts a new workspace at its installer’s own time zone, with the installer on record', async () => {
    h = await slackAppHarness({ users: { UNEW: { tz: 'Asia/Kathmandu' } } });
    await h.deps.installations.storeInstallation(installationBy('UNEW'));
    expect(await h.deps.settings.get('T9')).toMatchObject({
      zone: 'Asia/Kathmandu',
      installerUserId: 'UNEW',
      updatedBy: 'UNEW',
    });
  });
});
