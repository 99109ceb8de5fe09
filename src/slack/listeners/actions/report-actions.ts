import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { type Period, PeriodError, periodFromToken } from '../../../period/index.js';
import { buildNotConnectedMessage } from '../../../views/error-messages.js';
import { buildHelpMessage } from '../../../views/help-message.js';
import type { SlackMessage } from '../../../views/report-message.js';
import type { SlackDeps } from '../../deps.js';
import { safely, workspaceOf } from '../../safely.js';
import { loadWorkspace } from '../../workspace.js';
import { presentFor, publishHome, reportMessage } from '../../workspace-reports.js';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** The period a button or menu carries: a button's value, or the chosen menu option's. */
function tokenOf(action: BlockAction['actions'][number]): string {
  if (action.type === 'button') return action.value ?? '';
  if (action.type === 'static_select') return action.selected_option?.value ?? '';
  return '';
}

const SETTINGS_CHANGED =
  'This report’s settings changed since it was made (the report time zone or the day weeks start on) — run it again.';

/**
 * The period a click asks for, or the help explaining why there is none: a value that is
 * malformed, forged or no longer valid never reaches Tellody. A button carries its zone and week
 * start, but they are input like the rest: a period in any calendar but the workspace's own
 * (settings changed since, or a forged value) would ask Tellody for windows it refuses.
 */
function periodOfClick(
  args: ActionArgs,
  now: number,
  settings: { zone: string; weekStart: number },
): Period | SlackMessage {
  try {
    const period = periodFromToken(tokenOf(args.action), now);
    if (period.zone === settings.zone && period.weekStart === settings.weekStart) return period;
    return buildHelpMessage({ ...settings, problem: SETTINGS_CHANGED });
  } catch (error) {
    if (!(error instanceof PeriodError)) throw error;
    return buildHelpMessage({ ...settings, problem: error.message });
  }
}

const isPeriod = (value: Period | SlackMessage): value is Period => 'start' in value;

/**
 * ◀ previous, next ▶ and the granularity menu: the same report for another period or unit. In
 * the clicker's own (ephemeral) reply it replaces that reply in place; on a message in a channel
 * (the digest) it answers privately and leaves the message alone; on the Home tab it republishes
 * the tab.
 */
export function stepReport(deps: SlackDeps) {
  return async (args: ActionArgs) => {
    const { ack, body, respond, client, context, logger } = args;
    await ack();
    await safely(logger, 'report button', respond, async () => {
      const workspace = await loadWorkspace(deps, workspaceOf(context));
      const clicked = periodOfClick(args, deps.now(), workspace.settings);
      // The Home tab has no response_url: what went wrong is shown in the tab itself.
      if (body.container?.type === 'view') {
        const shown = isPeriod(clicked) ? { period: clicked } : { message: clicked };
        await publishHome(deps, client, body.user.id, workspace, logger, shown);
        return;
      }
      if (!isPeriod(clicked)) {
        await respond({ response_type: 'ephemeral', replace_original: false, ...clicked });
        return;
      }
      const period = clicked;
      const message = await reportMessage(deps, workspace, period, { shareable: true }, logger);
      // A message in a channel (the weekly digest) is everyone's: a click on it answers the clicker alone.
      const ownCopy = body.container?.type === 'message' && body.container.is_ephemeral === true;
      await respond({ response_type: 'ephemeral', replace_original: ownCopy, ...message });
    });
  };
}

/**
 * "Share in channel": the same report posted for everyone, without buttons, and the private copy
 * removed. Only a report is ever shared: a failure (Tellody down, no account) is told privately
 * and the private report stays.
 */
export function shareReport(deps: SlackDeps) {
  return async (args: ActionArgs) => {
    const { ack, respond, context, logger } = args;
    await ack();
    await safely(logger, 'share', respond, async () => {
      const workspace = await loadWorkspace(deps, workspaceOf(context));
      const period = periodOfClick(args, deps.now(), workspace.settings);
      if (!isPeriod(period)) {
        await respond({ response_type: 'ephemeral', replace_original: false, ...period });
        return;
      }
      const presented = await presentFor(deps, workspace, period, { shareable: false, interactive: false }, logger);
      if (!presented?.ok) {
        const message = presented?.message ?? buildNotConnectedMessage();
        await respond({ response_type: 'ephemeral', replace_original: false, ...message });
        return;
      }
      await respond({ response_type: 'in_channel', replace_original: false, ...presented.message });
      await respond({ delete_original: true });
    });
  };
}
