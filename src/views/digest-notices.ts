import type { DigestProblem, PauseReason } from '../store/digest-schedules.js';
import { actions, button, section } from './blocks.js';
import { PAUSE_WORDS, problemWords } from './digest-section.js';
import { ACTIONS, DIGEST_ACTIONS } from './ids.js';
import type { SlackMessage } from './report-message.js';

/** A direct message to an admin: what happened, and one button to the fix. */
export function notice(
  emoji: string,
  text: string,
  fix: { text: string; actionId: string },
  blockId = 'digest_notice',
): SlackMessage {
  return {
    text,
    blocks: [
      section(`${emoji} ${text}`, blockId),
      actions([button({ ...fix, style: 'primary' })], `${blockId}_actions`),
    ],
  };
}

/** To whoever set the digest up: it is paused, and why. */
export function buildDigestPausedNotice(options: { channelId: string; reason: PauseReason }): SlackMessage {
  return notice(
    ':double_vertical_bar:',
    `The weekly digest is paused: <#${options.channelId}> ${PAUSE_WORDS[options.reason]}. ` +
      'It will not be posted again until someone picks a channel.',
    { text: 'Edit digest', actionId: DIGEST_ACTIONS.settings },
  );
}

/** When the digest cannot be made until an admin changes the settings (a refused Tellody login). */
export function buildDigestStoppedNotice(options: { problem: DigestProblem; week: string }): SlackMessage {
  return notice(
    ':warning:',
    `The weekly digest for the week of ${options.week} was not posted: ${problemWords(options.problem)} ` +
      'Then use Send now on the Home tab.',
    { text: 'Edit settings', actionId: ACTIONS.openSettings },
  );
}

/** When a digest was sent but Slack never said whether it took it: look before sending it again. */
export function buildDigestUncertainNotice(options: {
  week: string;
  channelId: string;
  problem: DigestProblem;
}): SlackMessage {
  const why = problemWords(options.problem);
  return notice(
    ':warning:',
    `The weekly digest for the week of ${options.week} may not have gone out: ${why.charAt(0).toUpperCase()}${why.slice(1)} ` +
      `It will not be sent again by itself, so it is never posted twice. Look in <#${options.channelId}>: ` +
      'if it is not there, Send now posts it.',
    { text: 'Send now', actionId: DIGEST_ACTIONS.sendNow },
  );
}
