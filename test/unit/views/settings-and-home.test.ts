import { describe, expect, it } from 'vitest';
import { buildHomeTab } from '../../../src/views/home-tab.js';
import { ACTIONS, SETTINGS_FIELDS } from '../../../src/views/ids.js';
import { buildSettingsModal, readSettingsInput } from '../../../src/views/settings-modal.js';
import { expectValidView } from '../../support/block-kit.js';
import { settingsValues } from '../../support/slack-app-harness.js';

describe('reading the settings form', () => {
  it('stores a zone under its canonical name', () => {
    const input = readSettingsInput(settingsValues({ zone: ' europe/athens ' }), { connected: false });
    expect(input).toEqual({ ok: true, weekStart: 1, zone: 'Europe/Athens' });
  });

  it.each([
    [{ zone: 'Mars/Olympus' }, { connected: false }, SETTINGS_FIELDS.zone],
    [{ zone: '' }, { connected: false }, SETTINGS_FIELDS.zone],
    [{ weekStart: 9 }, { connected: false }, SETTINGS_FIELDS.weekStart],
    [{ password: 'x' }, { connected: false }, SETTINGS_FIELDS.username],
    [{ username: 'acme' }, { connected: false }, SETTINGS_FIELDS.password],
    [{ username: 'someone-else' }, { connected: true, currentUsername: 'acme' }, SETTINGS_FIELDS.password],
    [{ username: 'a'.repeat(300), password: 'p' }, { connected: false }, SETTINGS_FIELDS.username],
  ])('answers %j inline, at the right field', (fields, options, field) => {
    const input = readSettingsInput(settingsValues(fields), options);
    expect(input.ok).toBe(false);
    expect(input.ok ? {} : Object.keys(input.errors)).toContain(field);
  });

  it('keeps the stored password when only the week start or zone changes', () => {
    const input = readSettingsInput(settingsValues({ weekStart: 0, username: 'acme' }), {
      connected: true,
      currentUsername: 'acme',
    });
    expect(input).toEqual({ ok: true, weekStart: 0, zone: 'Europe/Athens', username: 'acme' });
  });
});

describe('the settings modal and the Home tab', () => {
  it('builds a modal within Slack’s limits, prefilled', () => {
    const modal = buildSettingsModal({ weekStart: 0, zone: 'Asia/Kolkata', username: 'acme', connected: true });
    expectValidView(modal);
    expect((modal.title as { text: string }).text.length).toBeLessThanOrEqual(24);
    expect(JSON.stringify(modal)).toContain('Asia/Kolkata');
    expect(JSON.stringify(modal)).not.toMatch(/"initial_value":"[^"]*pass/);
  });

  it.each([
    [
      { state: 'not-connected' as const },
      true,
      [/not connected yet/, new RegExp(ACTIONS.connectTellody), new RegExp(ACTIONS.openSettings)],
    ],
    [{ state: 'not-connected' as const }, false, [/not connected yet/, /Only workspace admins/]],
    [{ state: 'failing' as const, problem: 'Tellody refused the saved login.' }, true, [/refused the saved login/]],
  ])('shows the connection state %j (may edit: %s)', (connection, canEdit, patterns) => {
    const view = buildHomeTab({ report: null, connection, zone: 'Europe/Athens', weekStart: 1, canEdit });
    expectValidView(view);
    for (const pattern of patterns) expect(JSON.stringify(view)).toMatch(pattern);
  });

  it('shows a Tellody username as text, never as a mention or a link', () => {
    const account = { username: '<!here> & <@U1>', userId: 1, email: null, creditsAvailable: null, creditsSpent: null };
    const view = buildHomeTab({
      report: null,
      connection: { state: 'connected', account },
      zone: 'Europe/Athens',
      weekStart: 1,
      canEdit: false,
    });
    const text = JSON.stringify(view);
    expect(text).toContain('&lt;!here&gt; &amp; &lt;@U1&gt;');
    expect(text).not.toMatch(/<[!@]/);
  });
});
