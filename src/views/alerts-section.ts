import type { KnownBlock } from '@slack/types';
import {
  ALERT_MEASURES,
  type AlertMeasure,
  type AlertProblem,
  type AlertSettings,
  type AlertState,
  type Episode,
} from '../store/alert-settings.js';
import { actions, button, context, header, section } from './blocks.js';
import { localDateTime, zoneAbbreviation } from './digest-format.js';
import { PAUSE_WORDS } from './digest-section.js';
import { MEASURE_NAMES } from './format.js';
import { ALERT_ACTIONS } from './ids.js';

/** What each measure's alert watches for, in the words the Home tab and the modal use. */
export const WATCH_WORDS: Readonly<Record<AlertMeasure, string>> = {
  contactsBlocked: 'opt-outs going up',
  contactsAdded: 'new contacts stopping or dropping',
  contactsServed: 'contacts served, up or down',
};

export interface AlertsSectionOptions {
  /** Undefined until an admin sets alerts up. */
  readonly settings: AlertSettings | undefined;
  /** What the checks know of today, if they have looked today. */
  readonly today: AlertState | undefined;
  /** The latest alert on any day. */
  readonly last: Episode | undefined;
  readonly muted: readonly AlertMeasure[];
  /** Usual days on record needed before alerts speak. */
  readonly historyNeeded: number;
  readonly weekdayName: string;
  readonly zone: string;
  readonly now: number;
  readonly canEdit: boolean;
  readonly notice?: string | undefined;
}

const list = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

function stateLine(settings: AlertSettings, options: AlertsSectionOptions): string {
  const on = ALERT_MEASURES.filter((m) => settings.measures[m]).map((m) => WATCH_WORDS[m]);
  const quiet = settings.quietHours
    ? ` · quiet ${settings.quietHours.from}–${settings.quietHours.to} ${zoneAbbreviation(options.zone, options.now)}`
    : '';
  const where = `in <#${settings.channelId}> · ${settings.sensitivity} sensitivity${quiet}`;
  if (settings.paused) return `*Paused* — ${where}.`;
  return on.length > 0 ? `*On* — ${list(on)}, ${where}.` : `*Off* — no measure is watched; ${where}.`;
}

function problemLine(problem: AlertProblem, zone: string): string {
  const since = localDateTime(problem.since, zone);
  switch (problem.kind) {
    case 'not-connected':
      return ':warning: Not connected to Tellody: no alerts until an admin connects it under Settings.';
    case 'tellody-credentials':
      return `:warning: Tellody refuses the saved login (since ${since}): an admin must enter it again under Settings.`;
    case 'login-unreadable':
      return ':warning: The saved Tellody login can no longer be read (the app’s encryption key was changed): no alerts until an admin enters it again under Settings.';
    default:
      return `:hourglass_flowing_sand: Tellody could not be read since ${since}: no alerts, and none cleared, until it answers.`;
  }
}

function episodeLine(episode: Episode, zone: string, label: string): string {
  const link = episode.permalink ? ` — <${episode.permalink}|see the message>` : '';
  const back =
    episode.closedHour !== undefined ? `; back to normal by ${String(episode.closedHour).padStart(2, '0')}:00` : '';
  const unsure = episode.uncertain
    ? ` — it may not have gone out (Slack never confirmed it), and it is not sent again: look in <#${episode.channelId}>`
    : '';
  return `${label}: ${episode.summary} (${localDateTime(episode.openedAt, zone)}${back})${link}${unsure}.`;
}

/** Alerts posted today and not yet back to normal. */
function openToday(today: AlertState | undefined): Episode[] {
  return ALERT_MEASURES.flatMap((m) => {
    const episode = today?.episodes[m];
    return episode && episode.closedAt === undefined ? [episode] : [];
  });
}

/** Today's lines: what was checked, what is open, what is muted, or why nothing could be said. */
function todayLines(options: AlertsSectionOptions): string[] {
  const { today, zone } = options;
  const lines: string[] = [];
  if (today?.problem) lines.push(problemLine(today.problem, zone));
  const open = openToday(today);
  for (const episode of open) lines.push(episodeLine(episode, zone, 'Open'));
  if (today && today.checkedAt > 0 && !today.problem) {
    const days = today.historyDays;
    if (days !== undefined && days < options.historyNeeded)
      lines.push(
        `Too little history yet: ${days} usual ${options.weekdayName}s on record, ${options.historyNeeded} needed. ` +
          'Alerts stay quiet until then.',
      );
    else if (open.length === 0) lines.push(`Checked ${localDateTime(today.checkedAt, zone)}: nothing unusual.`);
  }
  if (options.muted.length > 0) lines.push(`Muted for today: ${list(options.muted.map((m) => MEASURE_NAMES[m]))}.`);
  return lines;
}

/** The Home tab's "Same-day alerts" section: what is watched and where, today's state, the last alert, admin button. */
export function buildAlertsSection(options: AlertsSectionOptions): KnownBlock[] {
  const { settings } = options;
  const blocks: KnownBlock[] = [header('Same-day alerts', 'home_alerts_header')];
  if (settings?.paused) {
    blocks.push(
      section(
        `:double_vertical_bar: Alerts are paused: <#${settings.channelId}> ${PAUSE_WORDS[settings.paused.reason]}. ` +
          'Edit the alerts to pick a channel; they will not resume by themselves.',
        'home_alerts_banner',
      ),
    );
  }
  blocks.push(
    section(
      settings
        ? stateLine(settings, options)
        : 'Not set up. Opt-outs spiking or new contacts stopping can be posted to a channel the same morning, ' +
            'compared with the same weekday in recent weeks — no thresholds to choose.',
      'home_alerts_state',
    ),
  );
  const lines = settings ? todayLines(options) : [];
  const last = options.last;
  if (last && !openToday(options.today).some((e) => e.ts === last.ts))
    lines.push(episodeLine(last, options.zone, 'Last alert'));
  if (options.notice) lines.push(options.notice);
  if (lines.length > 0) blocks.push(context(lines, 'home_alerts_details'));
  if (options.canEdit)
    blocks.push(
      actions(
        [
          button({
            text: settings ? 'Edit alerts' : 'Set up alerts',
            actionId: ALERT_ACTIONS.settings,
            ...(settings ? {} : { style: 'primary' as const }),
          }),
        ],
        'home_alerts_actions',
      ),
    );
  else
    blocks.push(
      context(
        ['Only workspace admins and owners, and the person who installed Contacts, can change the alerts.'],
        'home_alerts_note',
      ),
    );
  return blocks;
}
