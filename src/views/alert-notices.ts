import type { PauseReason } from '../store/digest-schedules.js';
import { notice } from './digest-notices.js';
import { PAUSE_WORDS } from './digest-section.js';
import { ALERT_ACTIONS } from './ids.js';
import type { SlackMessage } from './report-message.js';

/** To whoever set the alerts up (and the installer): they are paused, and why; one button to pick a channel. */
export function buildAlertsPausedNotice(options: { channelId: string; reason: PauseReason }): SlackMessage {
  return notice(
    ':double_vertical_bar:',
    `Same-day alerts are paused: <#${options.channelId}> ${PAUSE_WORDS[options.reason]}. ` +
      'No alert will be posted until someone picks a channel.',
    { text: 'Edit alerts', actionId: ALERT_ACTIONS.settings },
    'alerts_notice',
  );
}
