import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { AlertSettings } from '../../../store/alert-settings.js';
import { readAlertsInput } from '../../../views/alerts-modal.js';
import { ALERT_FIELDS } from '../../../views/ids.js';
import { canEditSettings } from '../../admin.js';
import type { SlackDeps } from '../../deps.js';
import { logFailure, workspaceOf } from '../../safely.js';
import { loadWorkspace } from '../../workspace.js';
import { publishHome } from '../../workspace-reports.js';
import { checkChannel } from './digest-submission.js';

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const CHANNEL = ALERT_FIELDS.channel.block;

/**
 * Saves the alerts modal. The same rules as the digest's: who may save is asked of Slack again, the
 * channel is checked (and a public one joined) before anything is stored, nothing is saved on any
 * problem, and the Home tab then shows what was saved. A save clears a pause.
 */
export function alertsSubmission(deps: SlackDeps) {
  return async (args: SubmitArgs) => {
    let acked = false;
    try {
      await saveAlerts(deps, args, async (errors) => {
        acked = true;
        await args.ack(errors ? { response_action: 'errors', errors } : undefined);
      });
    } catch (error) {
      logFailure(args.logger, 'alerts submission', error);
      if (!acked)
        await args.ack({
          response_action: 'errors',
          errors: { [CHANNEL]: 'Something went wrong on our side; nothing was saved. Please try again.' },
        });
    }
  };
}

async function saveAlerts(
  deps: SlackDeps,
  { body, view, client, context, logger }: SubmitArgs,
  answer: (errors?: Record<string, string>) => Promise<void>,
): Promise<void> {
  const workspace = await loadWorkspace(deps, workspaceOf(context));
  const userId = body.user.id;
  if (!(await canEditSettings(client, userId, workspace.settings))) {
    await answer({
      [CHANNEL]: 'Only workspace admins and owners, and whoever installed Contacts, can change the alerts.',
    });
    return;
  }
  const input = readAlertsInput(view.state.values);
  if (!input.ok) return answer(input.errors);
  const channel = await checkChannel(client, input.channelId);
  if ('error' in channel) return answer({ [CHANNEL]: channel.error });
  const settings: AlertSettings = {
    measures: input.measures,
    channelId: input.channelId,
    channelName: channel.name,
    sensitivity: input.sensitivity,
    ...(input.quietHours ? { quietHours: input.quietHours } : {}),
    setUpBy: userId,
    teamId: body.team?.id ?? context.teamId ?? workspace.id,
    appId: body.api_app_id,
  };
  await deps.alerts.setSettings(workspace.id, settings);
  await answer();
  try {
    await publishHome(deps, client, userId, workspace, logger, { canEdit: true, alertsNotice: 'Alerts saved.' });
  } catch (error) {
    logFailure(logger, 'home after alerts', error);
  }
}
