import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { slackErrorCode } from '../../../jobs/post.js';
import { canEditSettings } from '../../admin.js';
import { answerSubmission, type Checked } from '../../answer-submission.js';
import type { AppParts } from '../../app-parts.js';
import { publishHome } from '../../home/publish-home.js';
import { workspaceOf } from '../../safely.js';
import { loadWorkspace, type Workspace } from '../../workspace.js';

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
type Values = SubmitArgs['view']['state']['values'];

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
  /** The modal's title while its checks run and once it is saved ("Weekly digest"). */
  readonly title: string;
  /** The channel input's block id: where refusals, and our own failures, are said. */
  readonly channelBlock: string;
  readonly read: (
    values: Values,
  ) => ({ readonly ok: true } & Input) | { readonly ok: false; readonly errors: Record<string, string> };
  readonly save: (form: SavedForm<Input>) => Promise<void>;
  /** What the modal and the Home tab's section say once it is saved. */
  readonly saved: { readonly digestNotice: string } | { readonly alertsNotice: string };
  /** The form again with its problems on it, for when Slack can no longer be answered inline. */
  readonly formAgain?: (input: Input, problems: readonly string[], workspace: Workspace) => ModalView;
}

/**
 * A settings modal that posts to a channel (the digest's, the alerts'). Who may save is asked of
 * Slack again (a forged submission changes nothing); the form is read and the channel checked (and
 * a public one joined) before anything is stored; any problem is answered on the form and nothing
 * is saved; the Home tab then shows what was saved. Slack being slow to answer those checks turns
 * the modal into "checking…" within Slack's 3 s, and the verdict follows (answer-submission.ts).
 */
export function channelFormSubmission<Input extends { readonly channelId: string }>(
  deps: AppParts,
  options: ChannelFormOptions<Input>,
) {
  return async (args: SubmitArgs) => {
    const notice = 'digestNotice' in options.saved ? options.saved.digestNotice : options.saved.alertsNotice;
    await answerSubmission(
      args,
      {
        what: `${options.what} submission`,
        title: options.title,
        checking: 'Checking the channel…',
        saved: notice,
        fallbackField: options.channelBlock,
        budgetMs: deps.deadlines.submissionMs,
      },
      () => check(deps, options, args),
    );
  };
}

async function check<Input extends { readonly channelId: string }>(
  deps: AppParts,
  options: ChannelFormOptions<Input>,
  { body, view, client, context, logger }: SubmitArgs,
): Promise<Checked> {
  const workspace = await loadWorkspace(deps, workspaceOf(context));
  const userId = body.user.id;
  const refuse = (text: string) => ({ errors: { [options.channelBlock]: text } });
  if (!(await canEditSettings(client, userId, workspace.settings)))
    return refuse(`Only workspace admins and owners, and whoever installed Contacts, can change the ${options.what}.`);
  const input = options.read(view.state.values);
  if (!input.ok) return { errors: input.errors };
  const channel = await checkChannel(client, input.channelId);
  if ('error' in channel) {
    const form = options.formAgain?.(input, [channel.error], workspace);
    return { ...refuse(channel.error), ...(form ? { form } : {}) };
  }
  const teamId = body.team?.id ?? context.teamId ?? workspace.id;
  return {
    save: () => options.save({ workspace, input, channelName: channel.name, userId, teamId, appId: body.api_app_id }),
    afterwards: () => publishHome(deps, client, userId, workspace, logger, { canEdit: true, ...options.saved }),
  };
}
