import { describe, expect, it } from 'vitest';
import { buildHomeTab } from '../../../src/views/home-tab.js';
import { SETTINGS_FIELDS } from '../../../src/views/ids.js';
import { buildSettingsModal, readSettingsInput } from '../../../src/views/settings-modal.js';
import { settingsValues } from '../../support/slack-app-harness.js';

/*
 * The settings form's exact answers to what cannot be saved (each at its own field), the limits
 * at their very edge, a submission missing fields, the password field's words when a login is
 * kept, and the Home tab's block ids (Slack refuses a view with an empty or repeated one).
 */

const errorsOf = (fields: Parameters<typeof settingsValues>[0], connected = false) => {
  const input = readSettingsInput(settingsValues(fields), { connected, currentUsername: 'acme' });
  return input.ok ? {} : input.errors;
};

describe('the settings form’s answers', () => {
  it.each([
    [{ weekStart: 7 }, SETTINGS_FIELDS.weekStart, 'Pick the day weeks start on.'],
    [{ weekStart: -1 }, SETTINGS_FIELDS.weekStart, 'Pick the day weeks start on.'],
    [{ weekStart: 1.5 }, SETTINGS_FIELDS.weekStart, 'Pick the day weeks start on.'],
    [{ password: 'p' }, SETTINGS_FIELDS.username, 'Enter the Tellody username that goes with this password.'],
    [{ username: 'acme' }, SETTINGS_FIELDS.password, 'Enter the Tellody password for this username.'],
    [{ username: 'u'.repeat(201), password: 'p' }, SETTINGS_FIELDS.username, 'That username is too long.'],
    [{ username: 'acme', password: 'p'.repeat(201) }, SETTINGS_FIELDS.password, 'That password is too long.'],
    [
      { zone: `Europe/${'x'.repeat(80)}` },
      SETTINGS_FIELDS.zone,
      `“Europe/${'x'.repeat(53)}” is not a time zone name. Try one like Europe/Athens or America/New_York.`,
    ],
  ])('answers %j at its field, in these words', (fields, field, words) => {
    expect(errorsOf(fields)).toEqual({ [field]: words });
  });

  it('takes a username and a password of exactly 200 characters, trimming the username only', () => {
    const input = readSettingsInput(
      settingsValues({ username: ` ${'u'.repeat(200)} `, password: ` ${'p'.repeat(198)} ` }),
      {
        connected: false,
      },
    );
    expect(input).toMatchObject({ ok: true, username: 'u'.repeat(200), password: ` ${'p'.repeat(198)} ` });
  });

  it('answers a submission that lacks every field (an old or forged form) without failing', () => {
    const input = readSettingsInput({}, { connected: false });
    expect(input.ok ? {} : input.errors).toEqual({
      [SETTINGS_FIELDS.weekStart]: 'Pick the day weeks start on.',
      [SETTINGS_FIELDS.zone]: '“” is not a time zone name. Try one like Europe/Athens or America/New_York.',
    });
    const emptyBlocks = Object.fromEntries(Object.values(SETTINGS_FIELDS).map((field) => [field, {}]));
    expect(readSettingsInput(emptyBlocks, { connected: false }).ok).toBe(false);
    const noOption = { ...settingsValues({}), [SETTINGS_FIELDS.weekStart]: { [SETTINGS_FIELDS.weekStart]: {} } };
    expect(readSettingsInput(noOption, { connected: false }).ok).toBe(false);
  });

  it('says a saved password is kept when the field is left empty, and only then', () => {
    const kept = JSON.stringify(buildSettingsModal({ weekStart: 1, zone: 'UTC', username: 'acme', connected: true }));
    expect(kept).toContain('Leave empty to keep the current password.');
    expect(kept).toContain('"text":"(unchanged)"');
    const first = JSON.stringify(buildSettingsModal({ weekStart: 1, zone: 'UTC', connected: false }));
    expect(first).not.toContain('Leave empty to keep the current password.');
    expect(first).toContain('Checked with Tellody before it is saved, then stored encrypted.');
    expect(first).toContain('"text":"password"');
  });
});

describe('the Home tab’s blocks', () => {
  it.each([
    [{ state: 'connected' as const, account: { username: 'acme', creditsAvailable: 10 } }, true],
    [{ state: 'checking' as const }, false],
    [{ state: 'not-connected' as const }, true],
    [{ state: 'failing' as const, problem: 'Tellody refused the saved login.' }, false],
  ])('are a home view whose every block has an id of its own (%j, may edit: %s)', (connection, canEdit) => {
    const view = buildHomeTab({ report: null, connection, zone: 'UTC', weekStart: 1, canEdit } as Parameters<
      typeof buildHomeTab
    >[0]);
    expect(view.type).toBe('home');
    const ids = view.blocks.map((block) => block.block_id);
    for (const id of ids) expect(id).toMatch(/^home_[a-z_]+$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
