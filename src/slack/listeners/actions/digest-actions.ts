import { previewDigest, sendDigestNow } from '../../../digest/run-digest.js';
import { sendDirectMessage } from '../../../jobs/post.js';
import { noteOutcome } from '../../../telemetry/outcome.js';
import { buildDigestModal } from '../../../views/digest-modal.js';
import { problemWords } from '../../../views/digest-section.js';
import type { ActionArgs } from '../../action-args.js';
import { canEditSettings } from '../../admin.js';
import type { AppParts } from '../../app-parts.js';
import { publishHome } from '../../home/publish-home.js';
import { openWorkspaceForm } from '../../open-modal.js';
import { safely, workspaceOf } from '../../safely.js';
import { loadWorkspace, type Workspace } from '../../workspace.js';

const ADMINS_ONLY = 'Only workspace admins and owners, and the person who installed Contacts, can do that.';

/**
 * "Set up / Edit digest" (Home tab, and the notice a paused digest sends): the trigger lasts 3
 * seconds and works once, so a placeholder opens straight after ack() and the form replaces it.
 * First set-up: on, Monday 09:00 in the workspace's zone.
 */
export function openDigestSettings(deps: AppParts) {
  return openWorkspaceForm(deps, { what: 'open digest settings', title: 'Weekly digest' }, async (workspace) => {
    const schedule = await deps.digests.schedule(workspace.id);
    return buildDigestModal({
      channelId: schedule?.channelId,
      day: schedule?.day ?? 1,
      time: schedule?.time ?? '09:00',
      enabled: schedule?.enabled ?? true,
      zone: workspace.settings.zone,
      now: deps.now(),
    });
  });
}

/** Runs an admin-only digest button and republishes the clicker's Home tab with what happened. */
function adminAction(deps: AppParts, what: string, work: (args: ActionArgs, workspace: Workspace) => Promise<string>) {
  return async (args: ActionArgs) => {
    const { ack, body, client, context, logger } = args;
    await ack();
    await safely(logger, what, undefined, async () => {
      const workspace = await loadWorkspace(deps, workspaceOf(context));
      const canEdit = await canEditSettings(client, body.user.id, workspace.settings);
      if (!canEdit) noteOutcome('refused');
      const notice = canEdit ? await work(args, workspace) : ADMINS_ONLY;
      await publishHome(deps, client, body.user.id, workspace, logger, { canEdit, digestNotice: notice });
    });
  };
}

/** "Send now": last week's digest, posted to the channel at once. */
export function sendDigestNowAction(deps: AppParts) {
  return adminAction(deps, 'digest send now', async (_args, workspace) => {
    const result = await sendDigestNow(deps.jobs.digest, workspace.id);
    if (result === 'not-set-up') return 'Set the digest up (or pick a channel) first.';
    switch (result.outcome) {
      case 'posted':
        return ':white_check_mark: Sent just now.';
      case 'claimed-elsewhere':
        return 'The digest is being posted right now.';
      case 'paused':
        return 'Not sent: the channel cannot take it, so the digest is paused. Edit the digest to pick a channel.';
      case 'uncertain':
        return 'Sent, but Slack never confirmed it: look in the channel before sending it again.';
      default:
        return `Not sent: ${result.problem ? problemWords(result.problem) : 'please try again.'}`;
    }
  });
}

/** "Preview": exactly what the channel would get, as a direct message to the admin alone. */
export function previewDigestAction(deps: AppParts) {
  return adminAction(deps, 'digest preview', async ({ body }, workspace) => {
    const digest = deps.jobs.digest;
    const composed = await previewDigest(digest, workspace.id);
    if (composed === 'not-set-up') return 'Set the digest up first.';
    if (!composed.ok) return `No preview: ${problemWords(composed.problem)}`;
    const client = await digest.slack(workspace.id);
    const sent = client ? await sendDirectMessage(client, body.user.id, composed.message) : false;
    return sent ? 'Preview sent to you under *Messages*, above.' : 'The preview could not be sent; please try again.';
  });
}
