import { describe, expect, it } from 'vitest';
import { buildAlertsModal, readAlertsInput } from '../../../src/views/alerts-modal.js';
import { buildDigestModal, readDigestInput } from '../../../src/views/digest-modal.js';
import { buildSettingsModal, readSettingsInput } from '../../../src/views/settings-modal.js';
import { fillModal } from '../../support/modal-filling.js';

/*
 * Each modal() filled in from its own options, by what a person reads (fillModal), then read back:
 * whatever a person picks is what gets saved, never the option beside it.
 */

const NOW = Date.parse('2026-11-27T10:00:00Z');
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

describe('the settings modal(), filled in', () => {
  const modal = () => buildSettingsModal({ weekStart: 1, zone: 'Europe/Athens', connected: false });

  it.each(DAYS.map((day, i) => [day, i] as const))('saves weeks starting on %s as day %i', (day, index) => {
    const input = readSettingsInput(fillModal(modal(), { 'Weeks start on': day }), { connected: false });
    expect(input).toEqual({ ok: true, weekStart: index, zone: 'Europe/Athens' });
  });

  it('keeps what was preset when nothing is changed, and reads a typed zone and login', () => {
    const preset = buildSettingsModal({ weekStart: 4, zone: 'Asia/Kolkata', username: 'acme', connected: true });
    expect(readSettingsInput(fillModal(preset, {}), { connected: true, currentUsername: 'acme' })).toEqual({
      ok: true,
      weekStart: 4,
      zone: 'Asia/Kolkata',
      username: 'acme',
    });
    const typed = fillModal(modal(), {
      'Report time zone': 'america/new_york',
      'Tellody username': 'ny',
      'Tellody password': 'ny-pass',
    });
    expect(readSettingsInput(typed, { connected: false })).toEqual({
      ok: true,
      weekStart: 1,
      zone: 'America/New_York',
      username: 'ny',
      password: 'ny-pass',
    });
  });
});

describe('the digest modal(), filled in', () => {
  const modal = () =>
    buildDigestModal({
      channelId: 'C0DIGEST',
      day: 1,
      time: '09:00',
      enabled: true,
      zone: 'Europe/Athens',
      now: NOW,
    });

  it.each(DAYS.map((day, i) => [day, i] as const))('posts on %s (day %i) when that day is picked', (day, index) => {
    expect(readDigestInput(fillModal(modal(), { Day: day }))).toEqual({
      ok: true,
      channelId: 'C0DIGEST',
      day: index,
      time: '09:00',
      enabled: true,
    });
  });

  it('reads a new channel and time, and “off” when the box is unticked', () => {
    const values = fillModal(modal(), { Channel: 'G0PRIVATE42', Time: '17:30', 'On or off': [] });
    expect(readDigestInput(values)).toEqual({
      ok: true,
      channelId: 'G0PRIVATE42',
      day: 1,
      time: '17:30',
      enabled: false,
    });
    expect(readDigestInput(fillModal(modal(), { 'On or off': ['Post the digest every week'] }))).toMatchObject({
      enabled: true,
    });
  });
});

describe('the alerts modal(), filled in', () => {
  const modal = () =>
    buildAlertsModal({
      measures: { contactsBlocked: true, contactsAdded: true, contactsServed: false },
      channelId: 'C0ALERTS',
      sensitivity: 'normal',
      zone: 'Europe/Athens',
      now: NOW,
    });
  const offered = (label: string) =>
    (
      (modal().blocks as { label?: { text: string }; element: { options?: { text: { text: string } }[] } }[]).find(
        (b) => b.label?.text === label,
      )?.element.options ?? []
    ).map((o) => o.text.text);

  it('watches exactly the measures ticked, by their names', () => {
    const [first, second, third] = offered('Alert when');
    for (const ticked of [[first], [second, third], []] as string[][]) {
      const input = readAlertsInput(fillModal(modal(), { 'Alert when': ticked }));
      if (!input.ok) throw new Error(JSON.stringify(input.errors));
      const watched = Object.entries(input.measures).filter(([, on]) => on);
      expect(watched).toHaveLength(ticked.length);
    }
  });

  it.each(['low', 'normal', 'high'] as const)('saves the sensitivity picked by its words (%s)', (sensitivity) => {
    const words = offered('Sensitivity').find((text) => text.toLowerCase().startsWith(sensitivity));
    if (!words) throw new Error(`no option for ${sensitivity}`);
    expect(readAlertsInput(fillModal(modal(), { Sensitivity: words }))).toMatchObject({ ok: true, sensitivity });
  });

  it('keeps the channel and quiet hours picked', () => {
    const values = fillModal(modal(), { Channel: 'G0QUIET9', 'Quiet from': '20:00', 'Quiet until': '07:30' });
    expect(readAlertsInput(values)).toMatchObject({
      ok: true,
      channelId: 'G0QUIET9',
      quietHours: { from: '20:00', to: '07:30' },
    });
  });
});
