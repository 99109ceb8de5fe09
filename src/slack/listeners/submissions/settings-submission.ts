import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { Weekday } from '../../../period/calendar.js';
import { TellodyCredentialsError, TellodyError } from '../../../tellody/errors.js';
import type { TellodyCredentials } from '../../../tellody/types.js';
import { SETTINGS_FIELDS } from '../../../views/ids.js';
import { readSettingsInput } from '../../../views/settings-modal.js';
import { canEditSettings } from '../../admin.js';
import type { SlackDeps } from '../../deps.js';
import { logFailure, workspaceOf } from '../../safely.js';
import { loadWorkspace, type Workspace } from '../../workspace.js';
import { publishHome } from '../../workspace-reports.js';

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** Slack waits 3 seconds for the answer to a submission: the login check gets most of it. */
const VERIFY_TIMEOUT_MS = 2000;

/** Logs in with the new credentials; an error message for the form, or null when Tellody accepts them. */
async function verify(deps: SlackDeps, credentials: TellodyCredentials): Promise<string | null> {
  try {
    await deps.tellody.clientFor(credentials, { timeoutMs: VERIFY_TIMEOUT_MS }).verifyCredentials();
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
 * changes nothing); bad input and refused logins are answered inline; new credentials are
 * checked with a real Tellody login before they are stored, encrypted.
 */
export function settingsSubmission(deps: SlackDeps) {
  return async (args: SubmitArgs) => {
    let acked = false;
    const ack: SubmitArgs['ack'] = async (response) => {
      acked = true;
      await args.ack(response);
    };
    try {
      await saveSettings(deps, { ...args, ack });
    } catch (error) {
      logFailure(args.logger, 'settings submission', error);
      if (!acked) {
        await ack({
          response_action: 'errors',
          errors: {
            [SETTINGS_FIELDS.weekStart]: 'Something went wrong on our side; nothing was saved. Please try again.',
          },
        });
      }
    }
  };
}

type Checked =
  | { readonly errors: Record<string, string> }
  | { readonly weekStart: Weekday; readonly zone: string; readonly credentials: TellodyCredentials | null };

/** Why a submission cannot be saved (inline errors by field), or exactly what to save. */
async function checkSubmission(
  deps: SlackDeps,
  { body, view, client }: SubmitArgs,
  workspace: Workspace,
): Promise<Checked> {
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
  if (problem) return { errors: { [SETTINGS_FIELDS.password]: problem } };
  return { weekStart: input.weekStart, zone: input.zone, credentials };
}

async function saveSettings(deps: SlackDeps, args: SubmitArgs): Promise<void> {
  const { ack, body, client, context, logger } = args;
  const workspace = await loadWorkspace(deps, workspaceOf(context));
  const checked = await checkSubmission(deps, args, workspace);
  if ('errors' in checked) {
    await ack({ response_action: 'errors', errors: checked.errors });
    return;
  }
  const now = deps.now();
  const userId = body.user.id;
  const settings = {
    ...workspace.settings,
    weekStart: checked.weekStart,
    zone: checked.zone,
    updatedAt: now,
    updatedBy: userId,
  };
  await deps.settings.set(workspace.id, settings);
  if (checked.credentials) await deps.credentials.set(workspace.id, checked.credentials, now);
  await ack();
  // Home shows what was just saved, by someone just found allowed to edit: nothing to read again.
  const saved: Workspace = checked.credentials
    ? { ...workspace, settings, credentials: checked.credentials, ownCredentials: true, loginUnreadable: false }
    : { ...workspace, settings };
  try {
    await publishHome(deps, client, userId, saved, logger, { canEdit: true });
  } catch (error) {
    logFailure(logger, 'home after settings', error);
  }
}
