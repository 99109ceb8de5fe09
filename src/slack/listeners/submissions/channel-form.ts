import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { slackErrorCode } from '../../../digest/post.js';
import { canEditSettings } from '../../admin.js';
import type { SlackDeps } from '../../deps.js';
import { logFailure, workspaceOf } from '../../safely.js';
import { loadWorkspace, type Workspace } from '../../workspace.js';
import { publishHome } from '../../workspace-reports.js';

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
type Values = SubmitArgs['view']['state']['values'];
type Answer = (errors?: Record<string, string>) => Promise<void>;

/**
 * Whether the digest or the alerts can go to this channel, checked now rather than at send time: it exists and
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

/** What a channel form read and checked, for its `save`. */
export interface SavedForm<Input> {
  readonly workspace: Workspace;
  readonly input: Input;
  /** The channel's name as Slack gave it, for showing. */
  readonly channelName: string;
  readonly userId: string;
  readonly teamId: string;
  readonly appId: string;
}

export interface ChannelFormOptions<Input extends { readonly channelId: string }> {
  /** "digest", "alerts": for the log and the words to someone who may not change it. */
  readonly what: string;
  /** The channel input's block id: where refusals, and our own failures, are said. */
  readonly channelBlock: string;
  readonly read: (
    values: Values,
  ) => ({ readonly ok: true } & Input) | { readonly ok: false; readonly errors: Record<string, string> };
  readonly save: (form: SavedForm<Input>) => Promise<void>;
  /** What the Home tab says once it is saved. */
  readonly saved: { readonly digestNotice?: string; readonly alertsNotice?: string };
}

/**
 * A settings modal that posts to a channel (the digest's, the alerts'). Who may save is asked of
 * Slack again (a forged submission changes nothing); the form is read and the channel checked (and
 * a public one joined) before anything is stored; any problem is answered inline and nothing is
 * saved; the Home tab then shows what was saved.
 */
export function channelFormSubmission<Input extends { readonly channelId: string }>(
  deps: SlackDeps,
  options: ChannelFormOptions<Input>,
) {
  return async (args: SubmitArgs) => {
    let acked = false;
    const answer: Answer = async (errors) => {
      acked = true;
      await args.ack(errors ? { response_action: 'errors', errors } : undefined);
    };
    try {
      await submit(deps, options, args, answer);
    } catch (error) {
      logFailure(args.logger, `${options.what} submission`, error);
      if (!acked)
        await args.ack({
          response_action: 'errors',
          errors: { [options.channelBlock]: 'Something went wrong on our side; nothing was saved. Please try again.' },
        });
    }
  };
}

async function submit<Input extends { readonly channelId: string }>(
  deps: SlackDeps,
  options: ChannelFormOptions<Input>,
  { body, view, client, context, logger }: SubmitArgs,
  answer: Answer,
): Promise<void> {
  const workspace = await loadWorkspace(deps, workspaceOf(context));
  const userId = body.user.id;
  const refuse = (text: string) => answer({ [options.channelBlock]: text });
  if (!(await canEditSettings(client, userId, workspace.settings)))
    return refuse(`Only workspace admins and owners, and whoever installed Contacts, can change the ${options.what}.`);
  const input = options.read(view.state.values);
  if (!input.ok) return answer(input.errors);
  const channel = await checkChannel(client, input.channelId);
  if ('error' in channel) return refuse(channel.error);
  const teamId = body.team?.id ?? context.teamId ?? workspace.id;
  await options.save({ workspace, input, channelName: channel.name, userId, teamId, appId: body.api_app_id });
  await answer();
  try {
    await publishHome(deps, client, userId, workspace, logger, { canEdit: true, ...options.saved });
  } catch (error) {
    logFailure(logger, `home after ${options.what}`, error);
  }
}
