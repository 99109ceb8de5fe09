import type { KnownBlock } from '@slack/types';
import type { DigestProblem, DigestSchedule, PauseReason, WeekRecord } from '../store/digest-schedules.js';
import { actions, button, context, header, section } from './blocks.js';
import { localDateTime, slotPhrase } from './digest-format.js';
import { escapeText } from './format.js';
import { DIGEST_ACTIONS } from './ids.js';

export interface DigestSectionOptions {
  /** Undefined until an admin sets the digest up. */
  readonly schedule: DigestSchedule | undefined;
  /** The most recent week on record: posted (with a link), waiting, stopped or missed. */
  readonly last: WeekRecord | undefined;
  /** The next three send times (empty when off or paused). */
  readonly next: readonly number[];
  readonly zone: string;
  readonly now: number;
  readonly canEdit: boolean;
  /** A one-off line, e.g. "Preview sent to you under Messages." */
  readonly notice?: string | undefined;
}

/** Why a paused digest's channel cannot take it, after the channel's name. */
export const PAUSE_WORDS: Record<PauseReason, string> = {
  is_archived: 'was archived',
  channel_not_found: 'can no longer be found (deleted, or private without @contacts in it)',
  not_in_channel: 'no longer has @contacts in it (a private channel needs `/invite @contacts`)',
};

/** What stopped a week's digest, in words that say who can do what. Details come from Tellody or Slack: escaped. */
export function problemWords(problem: DigestProblem): string {
  switch (problem.kind) {
    case 'tellody-credentials':
      return `Tellody refused the saved login (“${escapeText(problem.detail)}”): an admin must enter it again under Settings.`;
    case 'login-unreadable':
      return 'the saved Tellody login can no longer be read (the app’s encryption key was changed): an admin must enter it again under Settings.';
    case 'tellody-rejected':
      return 'Tellody turned the report down — usually the report time zone differs from the Tellody account’s (Settings).';
    case 'not-connected':
      return 'this workspace is not connected to Tellody: an admin can connect it under Settings.';
    case 'tellody-unavailable':
      return 'Tellody could not be reached.';
    case 'slack-auth':
      return 'Slack no longer accepts the app’s token (was it removed?).';
    case 'slack-error':
      return `Slack refused the message (${escapeText(problem.detail)}).`;
    case 'slack-unconfirmed':
      return `Slack never confirmed the post (${escapeText(problem.detail)}).`;
    case 'interrupted':
      return 'the app stopped while Slack was taking the post.';
  }
}

/** A post that may or may not be in its channel: what happened, and what an admin can do about it. */
function uncertainLine(last: WeekRecord): string {
  const why = last.problem ? problemWords(last.problem) : 'Slack never confirmed it.';
  const where = last.channelId ? `<#${last.channelId}>` : 'the channel';
  return (
    `:warning: The digest for the week of ${last.week} may not have gone out: ${capitalized(why)} ` +
    `It is not sent again by itself, so it is never posted twice: look in ${where}, and if it is not there, use *Send now*.`
  );
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function scheduleLine(options: DigestSectionOptions, schedule: DigestSchedule): string {
  const where = `${slotPhrase(schedule, options.zone, options.now)}, in <#${schedule.channelId}>`;
  if (schedule.paused) return `*Paused* — ${where}.`;
  return schedule.enabled ? `*On* — ${where}.` : `*Off* — when on: ${where}.`;
}

function lastLine(last: WeekRecord, zone: string): string {
  const week = `the week of ${last.week}`;
  switch (last.state) {
    case 'posted': {
      const link = last.permalink ? ` — <${last.permalink}|see the message>` : '';
      return `Last posted ${localDateTime(last.postedAt ?? last.updatedAt, zone)} (${week})${link}.`;
    }
    case 'posting':
      return `:hourglass_flowing_sand: The digest for ${week} is being posted.`;
    case 'uncertain':
      return uncertainLine(last);
    case 'waiting': {
      const since = localDateTime(last.failingSince ?? last.occurrence, zone);
      const next = last.nextAttemptAt ? `; next try ${localDateTime(last.nextAttemptAt, zone)}` : '';
      const waitingFor = last.problem?.kind === 'tellody-unavailable' ? 'Tellody' : 'Slack';
      return `:hourglass_flowing_sand: Waiting for ${waitingFor} since ${since}${next}.`;
    }
    case 'stopped':
      return `:warning: The digest for ${week} was not posted: ${last.problem ? problemWords(last.problem) : 'it was stopped.'} Then use *Send now*.`;
    case 'missed': {
      // In brackets mid-sentence: without the problem's own full stop, or it reads "reached.). Admins".
      const why = last.problem ? ` (${problemWords(last.problem).replace(/\.$/, '')})` : ' (the app was not running)';
      return `:warning: The digest for ${week} was missed: it could not go out within 24 hours${why}. Admins can *Send now*.`;
    }
  }
}

function buttons(options: DigestSectionOptions): KnownBlock {
  const setUp = options.schedule === undefined;
  const elements = [
    button({
      text: setUp ? 'Set up digest' : 'Edit digest',
      actionId: DIGEST_ACTIONS.settings,
      ...(setUp ? { style: 'primary' as const } : {}),
    }),
  ];
  if (!setUp) {
    elements.push(button({ text: 'Send now', actionId: DIGEST_ACTIONS.sendNow }));
    elements.push(button({ text: 'Preview', actionId: DIGEST_ACTIONS.preview }));
  }
  return actions(elements, 'home_digest_actions');
}

/** The Home tab's "Weekly digest" section: state, next send times, last delivery or what went wrong, admin buttons. */
export function buildDigestSection(options: DigestSectionOptions): KnownBlock[] {
  const { schedule, last } = options;
  const blocks: KnownBlock[] = [header('Weekly digest', 'home_digest_header')];
  if (schedule?.paused) {
    blocks.push(
      section(
        `:double_vertical_bar: The digest is paused: <#${schedule.channelId}> ${PAUSE_WORDS[schedule.paused.reason]}. ` +
          'Edit the digest to pick a channel; it will not retry by itself.',
        'home_digest_banner',
      ),
    );
  } else if (last && (last.state === 'stopped' || last.state === 'uncertain')) {
    blocks.push(section(lastLine(last, options.zone), 'home_digest_banner'));
  }
  blocks.push(
    section(
      schedule
        ? scheduleLine(options, schedule)
        : 'Not set up. Last week’s numbers can be posted to a channel every week, on a day and at a time you choose.',
      'home_digest_state',
    ),
  );
  const lines: string[] = [];
  if (options.next.length > 0)
    lines.push(`Next: ${options.next.map((t) => localDateTime(t, options.zone)).join(' · ')}`);
  const inBanner = (last?.state === 'stopped' || last?.state === 'uncertain') && !schedule?.paused;
  if (last && !inBanner) lines.push(lastLine(last, options.zone));
  if (options.notice) lines.push(options.notice);
  if (lines.length > 0) blocks.push(context(lines, 'home_digest_details'));
  if (options.canEdit) blocks.push(buttons(options));
  else
    blocks.push(
      context(
        ['Only workspace admins and owners, and the person who installed Contacts, can change the digest.'],
        'home_digest_note',
      ),
    );
  return blocks;
}
