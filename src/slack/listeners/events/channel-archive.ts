import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { pauseIfDigestChannel } from '../../../digest/run-digest.js';
import type { SlackDeps } from '../../deps.js';
import { digestDeps } from '../../digest-deps.js';
import { safely, workspaceOf } from '../../safely.js';

/** The digest's channel (public or private) was archived: the digest pauses at once and its admin is told. */
export function channelArchived(deps: SlackDeps) {
  return async ({
    event,
    context,
    logger,
  }: SlackEventMiddlewareArgs<'channel_archive' | 'group_archive'> & AllMiddlewareArgs) => {
    await safely(logger, event.type, undefined, async () => {
      await pauseIfDigestChannel(digestDeps(deps, logger), workspaceOf(context), event.channel);
    });
  };
}
