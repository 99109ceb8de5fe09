import { describe, expect, it } from 'vitest';
import type { AlertState, Episode } from '../../../src/store/alert-settings.js';
import {
  aboutCount,
  alertHeadline,
  buildAlertMessage,
  buildBackToNormal,
  buildMutedNote,
} from '../../../src/views/alert-message.js';
import { buildAlertsPausedNotice } from '../../../src/views/alert-notices.js';
import { buildAlertsModal, readAlertsInput } from '../../../src/views/alerts-modal.js';
import type { buildAlertsSection } from '../../../src/views/alerts-section.js';
import { ALERT_ACTIONS, ALERT_BLOCKS } from '../../../src/views/ids.js';
import { anAlertFinding } from '../../support/alert-finding.js';
import { someAlertSettings } from '../../support/alert-settings.js';
import { expectValidMessage, expectValidView } from '../../support/block-kit.js';
import { aCheckedDay, alertsSectionShown } from '../../support/home-sections.js';
import { alertsValues } from '../../support/slack-app-harness.js';

const NOW = Date.parse('2026-11-30T09:10:00Z');
const text = (blocks: unknown) => JSON.stringify(blocks);

const finding = anAlertFinding;

describe('what an alert says', () => {
  it.each([
    [{}, 'Opt-outs are 3.1× a usual Tuesday by 11:00: 94 against about 30'],
    [{ observed: 12, usual: 0, ratio: null }, 'Opt-outs: 12 by 11:00, where a usual Tuesday has none by then'],
    [
      { measure: 'contactsAdded', way: 'down', observed: 3, usual: 40, ratio: 3 / 40, quietSince: 9 },
      'No new contacts since 09:00; a usual Tuesday has about 40 by 11:00',
    ],
    [
      {
        measure: 'contactsAdded',
        way: 'down',
        observed: 121,
        usual: 167,
        ratio: 121 / 167,
        quietSince: 13,
        usualWhileQuiet: 24.5,
        hour: 14,
      },
      'No new contacts since 13:00; a usual Tuesday has about 25 between 13:00 and 14:00',
    ],
    [
      { measure: 'contactsAdded', way: 'down', observed: 0, usual: 40, ratio: 0, quietSince: 0 },
      'No new contacts today so far; a usual Tuesday has about 40 by 11:00',
    ],
    [
      { measure: 'contactsServed', way: 'down', observed: 300, usual: 1234, ratio: 300 / 1234 },
      'Contacts served are 76 % below a usual Tuesday by 11:00: 300 against about 1,200',
    ],
    [
      { measure: 'contactsServed', observed: 15_000, usual: 1234, ratio: 15_000 / 1234 },
      'Contacts served are 12× a usual Tuesday by 11:00: 15,000 against about 1,200',
    ],
  ] as const)('%j → “%s”', (overrides, headline) => {
    expect(alertHeadline(finding(overrides))).toBe(headline);
  });

  it.each([
    [0.4, 'about 1'],
    [3.5, 'about 4'],
    [30.4, 'about 30'],
    [94, 'about 94'],
    [1234, 'about 1,200'],
    [0, 'none'],
  ])('says %d as “%s”', (n, words) => {
    expect(aboutCount(n)).toBe(words);
  });

  it('is a valid message: the numbers, the chart, how it was judged, and two buttons that act on its day', () => {
    const message = buildAlertMessage({
      finding: finding(),
      day: '2026-12-01',
      chartUrl: 'https://quickchart.io/chart?c=x',
    });
    expectValidMessage(message);
    expect(message.text).toBe('Opt-outs are 3.1× a usual Tuesday by 11:00: 94 against about 30');
    const ids = message.blocks.map((b) => b.block_id);
    expect(ids).toEqual([ALERT_BLOCKS.summary, ALERT_BLOCKS.chart, ALERT_BLOCKS.context, ALERT_BLOCKS.actions]);
    expect(text(message)).toContain(
      'the middle of the last 8 Tuesdays by 11:00 (usual range 22–44); normal sensitivity',
    );
    const buttons = (message.blocks.at(-1) as { elements: { action_id: string; value: string }[] }).elements;
    expect(buttons.map((b) => [b.action_id, b.value])).toEqual([
      [ALERT_ACTIONS.today, '2026-12-01'],
      [ALERT_ACTIONS.mute, '2026-12-01|contactsBlocked'],
    ]);
  });

  it('says “back to normal” with the hour and the numbers, and who muted', () => {
    const back = buildBackToNormal(finding({ observed: 130, usual: 120, ratio: 130 / 120, hour: 14 }));
    expectValidMessage(back);
    expect(back.text).toBe('Back to normal at 14:00: 130 opt-outs so far, against about 120 on a usual Tuesday.');
    const again = buildBackToNormal(
      finding({ measure: 'contactsAdded', way: 'down', observed: 60, usual: 133, hour: 12 }),
      {
        resumed: true,
      },
    );
    expectValidMessage(again);
    expect(again.text).toBe(
      'New contacts are coming in again by 12:00: 60 new contacts so far, against about 130 on a usual Tuesday.',
    );
    expect(buildMutedNote({ measure: 'contactsAdded', userId: 'U1' }).text).toBe(
      '<@U1> muted alerts about new contacts for the rest of today.',
    );
    const paused = buildAlertsPausedNotice({ channelId: 'C9', reason: 'is_archived' });
    expectValidMessage(paused);
    expect(text(paused)).toContain(ALERT_ACTIONS.settings);
  });
});

describe('reading the alerts form', () => {
  it('reads measures, channel, sensitivity and quiet hours by their stable ids', () => {
    const values = alertsValues({
      measures: ['contactsServed'],
      channel: 'G12',
      sensitivity: 'high',
      quietFrom: '22:00',
      quietTo: '07:00',
    });
    expect(readAlertsInput(values)).toEqual({
      ok: true,
      measures: { contactsBlocked: false, contactsAdded: false, contactsServed: true },
      channelId: 'G12',
      sensitivity: 'high',
      quietHours: { from: '22:00', to: '07:00' },
    });
    expect(readAlertsInput(alertsValues({ channel: 'C1X', measures: [] }))).toMatchObject({
      ok: true,
      measures: { contactsBlocked: false, contactsAdded: false, contactsServed: false },
      quietHours: undefined,
    });
  });

  it.each([
    [{}, 'alerts_channel'],
    [{ channel: 'general' }, 'alerts_channel'],
    [{ channel: 'C1X', sensitivity: 'max' }, 'alerts_sensitivity'],
    [{ channel: 'C1X', quietTo: '07:00' }, 'alerts_quiet_to'],
    [{ channel: 'C1X', quietFrom: '7:00', quietTo: '08:00' }, 'alerts_quiet_to'],
    [{ channel: 'C1X', quietFrom: '08:00', quietTo: '08:00' }, 'alerts_quiet_to'],
  ])('answers %j inline at %s', (fields, block) => {
    const input = readAlertsInput(alertsValues(fields));
    expect(input.ok ? [] : Object.keys(input.errors)).toEqual([block]);
  });

  it('builds a valid modal, prefilled, saying which zone the quiet hours are in', () => {
    const modal = buildAlertsModal({
      measures: { contactsBlocked: true, contactsAdded: false, contactsServed: true },
      channelId: 'C1',
      sensitivity: 'low',
      quietHours: { from: '20:00', to: '08:00' },
      zone: 'America/New_York',
      now: NOW,
    });
    expectValidView(modal);
    expect(text(modal)).toContain('"initial_conversation":"C1"');
    expect(text(modal)).toContain('"initial_time":"20:00"');
    expect(text(modal)).toContain('America/New_York (EST)');
    const ticked = (modal.blocks[0] as { element: { initial_options: { value: string }[] } }).element.initial_options;
    expect(ticked.map((o) => o.value)).toEqual(['contactsBlocked', 'contactsServed']);
  });
});

describe('the Home tab’s alerts section', () => {
  const episode: Episode = {
    measure: 'contactsBlocked',
    openedAt: NOW,
    hour: 11,
    channelId: 'CM',
    ts: '1.2',
    permalink: 'https://acme.slack.com/archives/CM/p12',
    summary: 'Opt-outs are 3.1× a usual Monday by 11:00: 94 against about 30',
  };
  const today = (overrides: Partial<AlertState> = {}) => aCheckedDay(NOW, overrides);
  const section = (overrides: Partial<Parameters<typeof buildAlertsSection>[0]> = {}) =>
    text(alertsSectionShown(NOW, overrides).blocks);

  it.each([
    [{ settings: undefined, today: undefined }, ['Not set up', 'Set up alerts']],
    [
      {},
      [
        '*On* — opt-outs going up and new contacts stopping or dropping, in <#CM> · normal sensitivity.',
        'Checked Mon 30 Nov, 11:10: nothing unusual.',
        'Edit alerts',
      ],
    ],
    [
      { today: today({ episodes: { contactsBlocked: episode } }), last: episode },
      ['Open: Opt-outs are 3.1×', 'see the message'],
    ],
    [{ today: today({ historyDays: 3 }) }, ['Too little history yet: 3 usual Mondays on record, 5 needed.']],
    [
      { today: today({ problem: { kind: 'tellody-unavailable', detail: '', since: NOW } }) },
      ['Tellody could not be read since Mon 30 Nov, 11:10: no alerts, and none cleared'],
    ],
    [{ muted: ['contactsBlocked', 'contactsAdded'] }, ['Muted for today: Opt-outs and New contacts.']],
    [
      { today: undefined, last: { ...episode, closedAt: NOW, closedHour: 14 } },
      ['Last alert: Opt-outs are 3.1×', 'back to normal by 14:00'],
    ],
    [
      { settings: someAlertSettings('CM', { paused: { reason: 'is_archived', at: NOW } }) },
      ['Alerts are paused: <#CM> was archived', '*Paused*'],
    ],
    [{ settings: someAlertSettings('CM', { quietHours: { from: '22:00', to: '07:00' } }) }, ['quiet 22:00–07:00 EET']],
    [{ canEdit: false }, ['can change the alerts']],
  ] as const)('with %j shows %j', (overrides, phrases) => {
    const shown = section(overrides as Partial<Parameters<typeof buildAlertsSection>[0]>);
    for (const phrase of phrases) expect(shown).toContain(phrase);
  });

  it('does not call a day without enough history “nothing unusual”', () => {
    expect(section({ today: today({ historyDays: 3 }) })).not.toContain('nothing unusual');
  });

  it('offers the button only to people who may change the alerts', () => {
    expect(section({ canEdit: false })).not.toContain(ALERT_ACTIONS.settings);
    expect(section({ canEdit: true })).toContain(ALERT_ACTIONS.settings);
  });
});
