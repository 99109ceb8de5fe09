import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { TellodyCredentialsError, TellodyError } from '../../../tellody/errors.js';
import type { TellodyCredentials } from '../../../tellody/tellody-types.js';
import { SETTINGS_FIELDS } from '../../../views/ids.js';
import { buildSettingsModal, readSettingsInput } from '../../../views/settings-modal.js';
import { canEditSettings } from '../../admin.js';
import { answerSubmission, type Checked } from '../../answer-submission.js';
import type { AppParts } from '../../app-parts.js';
import { publishHome } from '../../home/publish-home.js';
import { workspaceOf } from '../../safely.js';
import { loadWorkspace, type Workspace } from '../../workspace.js';

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** Logs in with the new credentials; an error message for the form, or null when Tellody accepts them. */
async function verify(deps: AppParts, credentials: TellodyCredentials): Promise<string | null> {
  try {
    await deps.tellody.clientFor(credentials, { timeoutMs: deps.deadlines.loginCheckMs }).verifyCredentials();
    return null;
  } catch (error) {
    if (error instanceof TellodyCredentialsError) return `Tellody refused this login: ${error.tellodyMessage}.`;
    if (error instanceof TellodyError)
      return 'Tellody could not be reached to check this login. Nothing was saved; please try again.';
    throw error;
  }
}

/**
 * Saves the settings modal. Who may save is asked of Slack again here (a forged submission
 * changes nothing); bad input and refused logins are answered on the form; new credentials are
 * checked with a real Tellody login before they are stored, encrypted. A slow Tellody turns the
 * modal into "checking…" within Slack's 3 s, and the verdict follows (answer-submission.ts).
 */
export function settingsSubmission(deps: AppParts) {
  return async (args: SubmitArgs) => {
    await answerSubmission(
      args,
      {
        what: 'settings submission',
        title: 'Contacts settings',
        checking: 'Checking the Tellody login…',
        saved: 'Settings saved.',
        fallbackField: SETTINGS_FIELDS.weekStart,
        budgetMs: deps.deadlines.submissionMs,
      },
      () => checkSettings(deps, args),
    );
  };
}

/** Why a submission cannot be saved (by field, and the form again), or how to save it. */
async function checkSettings(deps: AppParts, args: SubmitArgs): Promise<Checked> {
  const { body, view, client, context, logger } = args;
  const workspace = await loadWorkspace(deps, workspaceOf(context));
  if (!(await canEditSettings(client, body.user.id, workspace.settings))) {
    return {
      errors: {
        [SETTINGS_FIELDS.weekStart]:
          'Only workspace admins and owners, and whoever installed Contacts, can change settings.',
      },
    };
  }
  const current = workspace.ownCredentials ? workspace.credentials : null;
  const input = readSettingsInput(view.state.values, {
    connected: current !== null,
    currentUsername: current?.username,
  });
  if (!input.ok) return { errors: input.errors };
  const credentials = input.username
    ? { username: input.username, password: input.password ?? current?.password ?? '' }
    : null;
  const problem = credentials ? await verify(deps, credentials) : null;
  if (problem) {
    const shown = { weekStart: input.weekStart, zone: input.zone, username: input.username };
    const form = buildSettingsModal({ ...shown, connected: current !== null, problems: [problem] });
    return { errors: { [SETTINGS_FIELDS.password]: problem }, form };
  }
  const now = deps.now();
  const settings = {
    ...workspace.settings,
    weekStart: input.weekStart,
    zone: input.zone,
    updatedAt: now,
    updatedBy: body.user.id,
  };
  const saved: Workspace = credentials
    ? { ...workspace, settings, credentials, ownCredentials: true, loginUnreadable: false }
    : { ...workspace, settings };
  return {
    async save() {
      await deps.settings.set(workspace.id, settings);
      // The digest and the alerts keep their times in the workspace's zone and week: both look
      // again at their next tick, so that they move with them.
      await Promise.all([deps.digests.due.touch(workspace.id), deps.alerts.due.touch(workspace.id)]);
      if (credentials) await deps.credentials.set(workspace.id, credentials, now);
    },
    // Home shows what was just saved, by someone just found allowed to edit: nothing to read again.
    afterwards: () => publishHome(deps, client, body.user.id, saved, logger, { canEdit: true }),
  };
}
