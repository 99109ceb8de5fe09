import { describe, expect, it } from 'vitest';
import type { AlertProblem, AlertSettings, AlertState, Episode } from '../../../src/store/alert-settings.js';
import type { buildAlertsSection } from '../../../src/views/alerts-section.js';
import { ALERT_ACTIONS } from '../../../src/views/ids.js';
import { someAlertSettings } from '../../support/alert-settings.js';
import { aCheckedDay, alertsSectionShown } from '../../support/home-sections.js';

/*
 * The Home tab's "Same-day alerts" section as people read it, line by line: what is watched and
 * where, what today's checks found (or why they could not look), the last alert, and who may edit.
 * Monday 30 November 2026, 11:10 in Athens (EET).
 */

const NOW = Date.parse('2026-11-30T09:10:00Z');
const settings = (overrides: Partial<AlertSettings> = {}) => someAlertSettings('CM', overrides);
const optOuts: Episode = {
  measure: 'contactsBlocked',
  openedAt: Date.parse('2026-11-30T09:05:00Z'),
  hour: 11,
  channelId: 'CM',
  ts: '1.2',
  permalink: 'https://acme.slack.com/archives/CM/p12',
  summary: 'Opt-outs are 3.1× a usual Monday by 11:00: 94 against about 30',
};
const noNewContacts: Episode = {
  measure: 'contactsAdded',
  openedAt: Date.parse('2026-11-30T08:05:00Z'),
  hour: 10,
  channelId: 'CM',
  ts: '1.1',
  summary: 'No new contacts since 08:00; a usual Monday has about 25 between 08:00 and 10:00',
};
const today = (overrides: Partial<AlertState> = {}) => aCheckedDay(NOW, overrides);
const alertsSection = (overrides: Partial<Parameters<typeof buildAlertsSection>[0]> = {}) =>
  alertsSectionShown(NOW, overrides);

const ON = '*On* — opt-outs going up and new contacts stopping or dropping, in <#CM> · normal sensitivity.';
const NOTHING_UNUSUAL = 'Checked Mon 30 Nov, 11:10: nothing unusual.';
const NOT_SET_UP =
  'Not set up. Opt-outs spiking or new contacts stopping can be posted to a channel the same morning, compared with the same weekday in recent weeks — no thresholds to choose.';
const ONLY_ADMINS = 'Only workspace admins and owners, and the person who installed Contacts, can change the alerts.';

describe('the alerts section before anyone sets them up', () => {
  it('invites an admin with one primary button, and says nothing of today', () => {
    const shown = alertsSection({
      settings: undefined,
      today: today({ problem: { kind: 'not-connected', detail: '', since: NOW } }),
    });
    expect(shown.lines).toEqual(['# Same-day alerts', NOT_SET_UP, '[Set up alerts]']);
    expect(shown.actionIds).toEqual([ALERT_ACTIONS.settings]);
    expect(shown.blocks.at(-1)).toMatchObject({ elements: [{ style: 'primary' }] });
  });

  it('still shows the last alert there was, and tells others who can set them up', () => {
    const shown = alertsSection({ settings: undefined, today: undefined, last: optOuts, canEdit: false });
    expect(shown.lines).toEqual([
      '# Same-day alerts',
      NOT_SET_UP,
      'Last alert: Opt-outs are 3.1× a usual Monday by 11:00: 94 against about 30 (Mon 30 Nov, 11:05) — <https://acme.slack.com/archives/CM/p12|see the message>.',
      ONLY_ADMINS,
    ]);
    expect(shown.actionIds).toEqual([]);
  });
});

describe('what is watched, and where', () => {
  it('lists the measures watched, the channel and the sensitivity, with an Edit button that is not primary', () => {
    const shown = alertsSection();
    expect(shown.lines).toEqual(['# Same-day alerts', ON, NOTHING_UNUSUAL, '[Edit alerts]']);
    expect(shown.actionIds).toEqual([ALERT_ACTIONS.settings]);
    expect(shown.blocks.at(-1)).toMatchObject({ elements: [{ text: { text: 'Edit alerts' } }] });
    expect((shown.blocks.at(-1) as { elements: { style?: string }[] }).elements[0]?.style).toBeUndefined();
  });

  it.each([
    [{ contactsBlocked: true, contactsAdded: false, contactsServed: false }, '*On* — opt-outs going up, in <#CM>'],
    [
      { contactsBlocked: false, contactsAdded: false, contactsServed: true },
      '*On* — contacts served, up or down, in <#CM>',
    ],
    [
      { contactsBlocked: true, contactsAdded: true, contactsServed: true },
      '*On* — opt-outs going up, new contacts stopping or dropping and contacts served, up or down, in <#CM>',
    ],
    [
      { contactsBlocked: false, contactsAdded: false, contactsServed: false },
      '*Off* — no measure is watched; in <#CM>',
    ],
  ])('with %j says “%s · high sensitivity.”', (measures, words) => {
    const shown = alertsSection({ settings: settings({ measures, sensitivity: 'high' }) });
    expect(shown.lines[1]).toBe(`${words} · high sensitivity.`);
  });

  it('names the quiet hours in the workspace’s zone', () => {
    const shown = alertsSection({
      settings: settings({ quietHours: { from: '22:00', to: '07:00' }, sensitivity: 'low' }),
    });
    expect(shown.lines[1]).toBe(
      '*On* — opt-outs going up and new contacts stopping or dropping, in <#CM> · low sensitivity · quiet 22:00–07:00 EET.',
    );
  });

  it.each([
    ['is_archived', 'was archived'],
    ['channel_not_found', 'can no longer be found (deleted, or private without @contacts in it)'],
    ['not_in_channel', 'no longer has @contacts in it (a private channel needs `/invite @contacts`)'],
  ] as const)('when paused because the channel %s, leads with that and that they will not resume', (reason, words) => {
    const shown = alertsSection({ settings: settings({ paused: { reason, at: NOW } }) });
    expect(shown.lines).toEqual([
      '# Same-day alerts',
      `:double_vertical_bar: Alerts are paused: <#CM> ${words}. Edit the alerts to pick a channel; they will not resume by themselves.`,
      '*Paused* — in <#CM> · normal sensitivity.',
      NOTHING_UNUSUAL,
      '[Edit alerts]',
    ]);
  });

  it('keeps header, banner, state, details and button in their own blocks, in reading order', () => {
    const paused = alertsSection({ settings: settings({ paused: { reason: 'is_archived', at: NOW } }) });
    expect(paused.blocks.map((b) => b.block_id)).toEqual([
      'home_alerts_header',
      'home_alerts_banner',
      'home_alerts_state',
      'home_alerts_details',
      'home_alerts_actions',
    ]);
    const quiet = alertsSection({ today: undefined, canEdit: false });
    expect(quiet.blocks.map((b) => b.block_id)).toEqual([
      'home_alerts_header',
      'home_alerts_state',
      'home_alerts_note',
    ]);
    expect(quiet.lines).toEqual(['# Same-day alerts', ON, ONLY_ADMINS]);
  });
});

const PROBLEMS: [AlertProblem['kind'], string][] = [
  ['not-connected', ':warning: Not connected to Tellody: no alerts until an admin connects it under Settings.'],
  [
    'tellody-credentials',
    ':warning: Tellody refuses the saved login (since Mon 30 Nov, 08:00): an admin must enter it again under Settings.',
  ],
  [
    'login-unreadable',
    ':warning: The saved Tellody login can no longer be read (the app’s encryption key was changed): no alerts until an admin enters it again under Settings.',
  ],
  [
    'tellody-unavailable',
    ':hourglass_flowing_sand: Tellody could not be read since Mon 30 Nov, 08:00: no alerts, and none cleared, until it answers.',
  ],
  [
    'tellody-rejected',
    ':hourglass_flowing_sand: Tellody could not be read since Mon 30 Nov, 08:00: no alerts, and none cleared, until it answers.',
  ],
];

describe('today, as the checks saw it', () => {
  it.each(PROBLEMS)('when Tellody could not be read (%s) says why, and not “nothing unusual”', (kind, words) => {
    const problem = { kind, detail: 'Bad credentials', since: Date.parse('2026-11-30T06:00:00Z') };
    const shown = alertsSection({ today: today({ problem, historyDays: 2 }) });
    expect(shown.lines).toEqual(['# Same-day alerts', ON, words, '[Edit alerts]']);
  });

  it('says nothing of today before the first check', () => {
    expect(alertsSection({ today: today({ checkedAt: 0 }) }).lines).toEqual(['# Same-day alerts', ON, '[Edit alerts]']);
  });

  it('says history is too short until the needed number of usual days is on record, then checks', () => {
    expect(alertsSection({ today: today({ historyDays: 4 }) }).lines[2]).toBe(
      'Too little history yet: 4 usual Mondays on record, 5 needed. Alerts stay quiet until then.',
    );
    expect(alertsSection({ today: today({ historyDays: 5 }) }).lines[2]).toBe(NOTHING_UNUSUAL);
    expect(alertsSection({ today: today({ historyDays: undefined }) }).lines[2]).toBe(NOTHING_UNUSUAL);
  });

  it('lists each open alert with its time and link instead of “nothing unusual”', () => {
    const shown = alertsSection({
      today: today({ episodes: { contactsBlocked: optOuts, contactsAdded: noNewContacts } }),
      last: optOuts,
    });
    expect(shown.lines).toEqual([
      '# Same-day alerts',
      ON,
      'Open: Opt-outs are 3.1× a usual Monday by 11:00: 94 against about 30 (Mon 30 Nov, 11:05) — <https://acme.slack.com/archives/CM/p12|see the message>.',
      'Open: No new contacts since 08:00; a usual Monday has about 25 between 08:00 and 10:00 (Mon 30 Nov, 10:05).',
      '[Edit alerts]',
    ]);
  });

  it('counts an alert already back to normal as closed: “nothing unusual”, and the last alert with when it settled', () => {
    const closed: Episode = {
      ...noNewContacts,
      openedAt: Date.parse('2026-11-30T06:05:00Z'),
      hour: 8,
      summary: 'No new contacts since 06:00; a usual Monday has about 5 between 06:00 and 08:00',
      closedAt: Date.parse('2026-11-30T07:05:00Z'),
      closedHour: 9,
    };
    const shown = alertsSection({ today: today({ episodes: { contactsAdded: closed } }), last: closed });
    expect(shown.lines).toEqual([
      '# Same-day alerts',
      ON,
      NOTHING_UNUSUAL,
      'Last alert: No new contacts since 06:00; a usual Monday has about 5 between 06:00 and 08:00 (Mon 30 Nov, 08:05; back to normal by 09:00).',
      '[Edit alerts]',
    ]);
  });

  it('shows an earlier alert as the last one beside today’s open one', () => {
    const yesterday = { ...noNewContacts, ts: '0.9', openedAt: Date.parse('2026-11-29T08:05:00Z') };
    const shown = alertsSection({ today: today({ episodes: { contactsBlocked: optOuts } }), last: yesterday });
    expect(shown.lines.slice(2, 4)).toEqual([
      'Open: Opt-outs are 3.1× a usual Monday by 11:00: 94 against about 30 (Mon 30 Nov, 11:05) — <https://acme.slack.com/archives/CM/p12|see the message>.',
      'Last alert: No new contacts since 08:00; a usual Monday has about 25 between 08:00 and 10:00 (Sun 29 Nov, 10:05).',
    ]);
  });

  it('does not repeat the last alert when it is one of several open today', () => {
    const shown = alertsSection({
      today: today({ episodes: { contactsBlocked: optOuts, contactsAdded: noNewContacts } }),
      last: noNewContacts,
    });
    expect(shown.lines.filter((line) => line.startsWith('Last alert'))).toEqual([]);
  });

  it.each([
    [['contactsServed'], 'Muted for today: Contacts served.'],
    [
      ['contactsBlocked', 'contactsAdded', 'contactsServed'],
      'Muted for today: Opt-outs, New contacts and Contacts served.',
    ],
  ] as const)('says which measures are muted for today (%j)', (muted, words) => {
    expect(alertsSection({ muted }).lines).toEqual(['# Same-day alerts', ON, NOTHING_UNUSUAL, words, '[Edit alerts]']);
  });

  it('shows a one-off notice last among the details', () => {
    const shown = alertsSection({ notice: 'Alerts saved.' });
    expect(shown.lines).toEqual(['# Same-day alerts', ON, NOTHING_UNUSUAL, 'Alerts saved.', '[Edit alerts]']);
  });
});
