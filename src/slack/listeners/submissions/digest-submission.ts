import { buildDigestModal, readDigestInput } from '../../../views/digest-modal.js';
import { DIGEST_FIELDS } from '../../../views/ids.js';
import type { AppParts } from '../../app-parts.js';
import { channelFormSubmission } from './channel-form.js';

/**
 * Saves the digest modal (see channel-form.ts for who may, and the channel check). A save clears a
 * pause and starts the schedule afresh from now.
 */
export function digestSubmission(deps: AppParts) {
  return channelFormSubmission(deps, {
    what: 'digest',
    title: 'Weekly digest',
    channelBlock: DIGEST_FIELDS.channel.block,
    read: readDigestInput,
    async save({ workspace, input, channelName, userId, teamId, appId }) {
      const { enabled, channelId, day, time } = input;
      const schedule = {
        enabled,
        channelId,
        channelName,
        day,
        time,
        activeSince: deps.now(),
        setUpBy: userId,
        teamId,
        appId,
      };
      await deps.digests.setSchedule(workspace.id, schedule);
    },
    saved: { digestNotice: 'Digest saved.' },
    formAgain: (input, problems, workspace) =>
      buildDigestModal({ ...input, zone: workspace.settings.zone, now: deps.now(), problems }),
  });
}
