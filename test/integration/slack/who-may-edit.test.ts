import { afterEach, describe, expect, it } from 'vitest';
import { SETTINGS_FIELDS } from '../../../src/views/ids.js';
import { type AppHarness, settingsValues, slackAppHarness } from '../../support/slack-app-harness.js';

const REFUSED = 'Only workspace admins and owners, and whoever installed Contacts, can change settings.';

let h: AppHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** An app whose workspace T1 was installed by UINSTALLER (a member, not an admin), its week starting on Monday. */
async function installedBy(installer: string): Promise<AppHarness> {
  const app = await slackAppHarness();
  await app.deps.settings.set('T1', { weekStart: 1, zone: 'Europe/Athens', updatedAt: 1, installerUserId: installer });
  return app;
}

/** A settings submission's answer: the field errors Slack shows in the modal, or null when it was accepted. */
async function submitSettings(app: AppHarness, user: string, fields: Parameters<typeof settingsValues>[0]) {
  const result = await app.submit(settingsValues(fields), { user });
  expect(result.status).toBe(200);
  const answer = result.text ? (JSON.parse(result.text) as { response_action?: string; errors?: object }) : null;
  return answer?.response_action === 'errors' ? (answer.errors ?? {}) : null;
}

describe('who may change a workspace’s settings', () => {
  it('refuses a member of a workspace that has an installer on record, when the member is not that installer', async () => {
    h = await installedBy('UINSTALLER');
    expect(await submitSettings(h, 'UUSER', { weekStart: 0, zone: 'Asia/Tokyo' })).toEqual({
      [SETTINGS_FIELDS.weekStart]: REFUSED,
    });
    expect(await h.deps.settings.get('T1')).toMatchObject({ weekStart: 1, zone: 'Europe/Athens' });
  });

  it('lets the installer change them, though Slack does not call the installer an admin', async () => {
    h = await installedBy('UINSTALLER');
    expect(await submitSettings(h, 'UINSTALLER', { weekStart: 0, zone: 'Asia/Tokyo' })).toBeNull();
    expect(await h.deps.settings.get('T1')).toMatchObject({ weekStart: 0, zone: 'Asia/Tokyo' });
  });

  it('takes an admin Slack cannot vouch for just now (users.info fails) for a member, says so kindly, and changes nothing', async () => {
    h = await installedBy('UINSTALLER');
    h.slack.failNext('users.info', { error: 'internal_error' });
    expect(await submitSettings(h, 'UADMIN', { weekStart: 0, zone: 'Asia/Tokyo' })).toEqual({
      [SETTINGS_FIELDS.weekStart]: REFUSED,
    });
    expect(await h.deps.settings.get('T1')).toMatchObject({ weekStart: 1, zone: 'Europe/Athens' });
  });
});
