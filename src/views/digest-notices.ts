import type { DigestProblem, PauseReason } from '../store/digest-schedules.js';
import { actions, button, section } from './blocks.js';
import { problemWords } from './digest-home.js';
import { ACTIONS, DIGEST_ACTIONS } from './ids.js';
import type { SlackMessage } from './report-message.js';

const PAUSED_BECAUSE: Record<PauseReason, string> = {
  is_archived: 'was archived',
  channel_not_found: 'can no longer be found',
  not_in_channel: 'no longer has me in it (private channels need an invitation: `/invite @contacts`)',
};

/** A direct message to whoever set the digest up: it is paused, and why; one button to fix it. */
export function buildDigestPausedNotice(options: { channelId: string; reason: PauseReason }): SlackMessage {
  const text =
    `The weekly digest is paused: <#${options.channelId}> ${PAUSED_BECAUSE[options.reason]}. ` +
    'It will not be posted again until someone picks a channel.';
  return {
    text,
    blocks: [
      section(`:double_vertical_bar: ${text}`, 'digest_notice'),
      actions(
        [button({ text: 'Edit digest', actionId: DIGEST_ACTIONS.settings, style: 'primary' })],
        'digest_notice_actions',
      ),
    ],
  };
}

/** A direct message when the digest cannot be made until an admin changes the settings (a refused Tellody login). */
export function buildDigestStoppedNotice(options: { problem: DigestProblem; week: string }): SlackMessage {
  const text = `The weekly digest for the week of ${options.week} was not posted: ${problemWords(options.problem)} Then use Send now on the Home tab.`;
  return {
    text,
    blocks: [
      section(`:warning: ${text}`, 'digest_notice'),
      actions(
        [button({ text: 'Edit settings', actionId: ACTIONS.openSettings, style: 'primary' })],
        'digest_notice_actions',
      ),
    ],
  };
}
