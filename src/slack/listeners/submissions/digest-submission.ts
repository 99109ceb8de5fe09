import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { slackErrorCode } from '../../../digest/post.js';
import type { DigestSchedule } from '../../../store/digest-schedules.js';
import { buildDigestModal, readDigestInput } from '../../../views/digest-modal.js';
import { DIGEST_FIELDS } from '../../../views/ids.js';
import { canEditSettings } from '../../admin.js';
import { answerSubmission, type Checked } from '../../answer-submission.js';
import type { SlackDeps } from '../../deps.js';
import { workspaceOf } from '../../safely.js';
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
 * shows what was saved. A save clears a pause and starts the schedule afresh from now. Slack
 * being slow to answer those checks turns the modal into "checking…" within Slack's 3 s, and
 * the verdict follows (answer-submission.ts).
 */
export function digestSubmission(deps: SlackDeps) {
  return async (args: SubmitArgs) => {
    await answerSubmission(
      args,
      {
        what: 'digest submission',
        title: 'Weekly digest',
        checking: 'Checking the channel…',
        saved: 'Digest saved.',
        fallbackField: CHANNEL,
        budgetMs: deps.deadlines.submissionMs,
      },
      () => checkDigest(deps, args),
    );
  };
}

async function checkDigest(deps: SlackDeps, { body, view, client, context, logger }: SubmitArgs): Promise<Checked> {
  const workspace = await loadWorkspace(deps, workspaceOf(context));
  const userId = body.user.id;
  if (!(await canEditSettings(client, userId, workspace.settings))) {
    return {
      errors: { [CHANNEL]: 'Only workspace admins and owners, and whoever installed Contacts, can change the digest.' },
    };
  }
  const input = readDigestInput(view.state.values);
  if (!input.ok) return { errors: input.errors };
  const channel = await checkChannel(client, input.channelId);
  if ('error' in channel) {
    const shown = { ...input, zone: workspace.settings.zone, now: deps.now() };
    return { errors: { [CHANNEL]: channel.error }, form: buildDigestModal({ ...shown, problems: [channel.error] }) };
  }
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
  return {
    save: () => deps.digests.setSchedule(workspace.id, schedule),
    afterwards: () =>
      publishHome(deps, client, userId, workspace, logger, { canEdit: true, digestNotice: 'Digest saved.' }),
  };
}
