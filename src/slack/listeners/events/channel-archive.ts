import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { pauseIfAlertsChannel } from '../../../alerts/check.js';
import { pauseIfDigestChannel } from '../../../digest/run-digest.js';
import type { AppParts } from '../../app-parts.js';
import { safely, workspaceOf } from '../../safely.js';

/** The digest's or the alerts' channel (public or private) was archived: they pause at once and their admin is told. */
export function channelArchived(deps: AppParts) {
  return async ({
    event,
    context,
    logger,
  }: SlackEventMiddlewareArgs<'channel_archive' | 'group_archive'> & AllMiddlewareArgs) => {
    await safely(logger, event.type, undefined, async () => {
      await pauseIfDigestChannel(deps.jobs.digest, workspaceOf(context), event.channel);
      await pauseIfAlertsChannel(deps.jobs.alerts, workspaceOf(context), event.channel);
    });
  };
}
