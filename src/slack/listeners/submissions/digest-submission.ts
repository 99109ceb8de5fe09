import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { slackErrorCode } from '../../../digest/post.js';
import type { DigestSchedule } from '../../../store/digest-schedules.js';
import { readDigestInput } from '../../../views/digest-modal.js';
import { DIGEST_FIELDS } from '../../../views/ids.js';
import { canEditSettings } from '../../admin.js';
import type { SlackDeps } from '../../deps.js';
import { logFailure, workspaceOf } from '../../safely.js';
import { loadWorkspace } from '../../workspace.js';
import { publishHome } from '../../workspace-reports.js';

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const CHANNEL = DIGEST_FIELDS.channel.block;

/**
 * Whether the digest can go to this channel, checked now rather than at send time: it exists and
 * is not archived; the bot joins a public one; a private one must have invited the bot. Returns
 * the channel's name, or what to say on the form.
 */
export async function checkChannel(client: WebClient, channel: string): Promise<{ name: string } | { error: string }> {
  let info: Awaited<ReturnType<WebClient['conversations']['info']>>['channel'];
  try {
    info = (await client.conversations.info({ channel })).channel;
  } catch (error) {
    if (slackErrorCode(error) === 'channel_not_found')
      return { error: 'I can’t see that channel. If it is private, invite @contacts to it first (/invite @contacts).' };
    throw error;
  }
  const name = info?.name ?? channel;
  if (info?.is_archived) return { error: `#${name} is archived: pick another channel.` };
  if (info?.is_member) return { name };
  if (info?.is_private)
    return { error: `Invite @contacts to #${name} first (type /invite @contacts there), then save.` };
  try {
    await client.conversations.join({ channel });
    return { name };
  } catch (error) {
    return { error: `I could not join #${name} (${slackErrorCode(error)}). Invite @contacts to it, then save.` };
  }
}

/**
 * Saves the digest modal. Who may save is asked of Slack again (a forged submission changes
 * nothing); the channel is checked (and joined) before anything is stored; the Home tab then
 * shows what was saved. A save clears a pause and starts the schedule afresh from now.
 */
export function digestSubmission(deps: SlackDeps) {
  return async (args: SubmitArgs) => {
    let acked = false;
    try {
      await saveDigest(deps, args, async (errors) => {
        acked = true;
        await args.ack(errors ? { response_action: 'errors', errors } : undefined);
      });
    } catch (error) {
      logFailure(args.logger, 'digest submission', error);
      if (!acked)
        await args.ack({
          response_action: 'errors',
          errors: { [CHANNEL]: 'Something went wrong on our side; nothing was saved. Please try again.' },
        });
    }
  };
}

async function saveDigest(
  deps: SlackDeps,
  { body, view, client, context, logger }: SubmitArgs,
  answer: (errors?: Record<string, string>) => Promise<void>,
): Promise<void> {
  const workspace = await loadWorkspace(deps, workspaceOf(context));
  const userId = body.user.id;
  if (!(await canEditSettings(client, userId, workspace.settings))) {
    await answer({
      [CHANNEL]: 'Only workspace admins and owners, and whoever installed Contacts, can change the digest.',
    });
    return;
  }
  const input = readDigestInput(view.state.values);
  if (!input.ok) return answer(input.errors);
  const channel = await checkChannel(client, input.channelId);
  if ('error' in channel) return answer({ [CHANNEL]: channel.error });
  const schedule: DigestSchedule = {
    enabled: input.enabled,
    channelId: input.channelId,
    channelName: channel.name,
    day: input.day,
    time: input.time,
    activeSince: deps.now(),
    setUpBy: userId,
    teamId: body.team?.id ?? context.teamId ?? workspace.id,
    appId: body.api_app_id,
  };
  await deps.digests.setSchedule(workspace.id, schedule);
  await answer();
  try {
    await publishHome(deps, client, userId, workspace, logger, { canEdit: true, digestNotice: 'Digest saved.' });
  } catch (error) {
    logFailure(logger, 'home after digest', error);
  }
}
