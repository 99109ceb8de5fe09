import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { pauseIfAlertsChannel } from '../../../alerts/check.js';
import { pauseIfDigestChannel } from '../../../digest/run-digest.js';
import { alertDeps } from '../../alert-deps.js';
import type { SlackDeps } from '../../deps.js';
import { digestDeps } from '../../digest-deps.js';
import { safely, workspaceOf } from '../../safely.js';

/** The digest's or the alerts' channel (public or private) was archived: they pause at once and their admin is told. */
export function channelArchived(deps: SlackDeps) {
  return async ({
    event,
    context,
    logger,
  }: SlackEventMiddlewareArgs<'channel_archive' | 'group_archive'> & AllMiddlewareArgs) => {
    await safely(logger, event.type, undefined, async () => {
      await pauseIfDigestChannel(digestDeps(deps, logger), workspaceOf(context), event.channel);
      await pauseIfAlertsChannel(alertDeps(deps, logger), workspaceOf(context), event.channel);
    });
  };
}
