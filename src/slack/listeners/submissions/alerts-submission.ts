import { readAlertsInput } from '../../../views/alerts-modal.js';
import { ALERT_FIELDS } from '../../../views/ids.js';
import type { AppParts } from '../../app-parts.js';
import { channelFormSubmission } from './channel-form.js';

/** Saves the alerts modal, by the digest's rules (channel-form.ts). A save clears a pause. */
export function alertsSubmission(deps: AppParts) {
  return channelFormSubmission(deps, {
    what: 'alerts',
    title: 'Same-day alerts',
    channelBlock: ALERT_FIELDS.channel.block,
    read: readAlertsInput,
    async save({ workspace, input, channelName, userId, teamId, appId }) {
      const { measures, channelId, sensitivity, quietHours } = input;
      await deps.alerts.setSettings(workspace.id, {
        measures,
        channelId,
        channelName,
        sensitivity,
        ...(quietHours ? { quietHours } : {}),
        setUpBy: userId,
        teamId,
        appId,
      });
    },
    saved: { alertsNotice: 'Alerts saved.' },
  });
}
