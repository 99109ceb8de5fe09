import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { type Period, PeriodError, periodFromToken } from '../../../period/index.js';
import { buildHelpMessage } from '../../../views/help-message.js';
import type { SlackDeps } from '../../deps.js';
import { safely, workspaceOf } from '../../safely.js';
import { loadWorkspace } from '../../workspace.js';
import { publishHome, reportMessage } from '../../workspace-reports.js';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** The period a button or menu carries: a button's value, or the chosen menu option's. */
function tokenOf(action: BlockAction['actions'][number]): string {
  if (action.type === 'button') return action.value ?? '';
  if (action.type === 'static_select') return action.selected_option?.value ?? '';
  return '';
}

/**
 * The period a click asks for, or null after telling the person (privately) why there is none:
 * a value that is malformed, forged or no longer valid never reaches Tellody.
 */
async function periodOfClick(
  args: ActionArgs,
  now: number,
  settings: { zone: string; weekStart: number },
): Promise<Period | null> {
  try {
    return periodFromToken(tokenOf(args.action), now);
  } catch (error) {
    if (!(error instanceof PeriodError)) throw error;
    const help = buildHelpMessage({ ...settings, problem: error.message });
    await args.respond({ response_type: 'ephemeral', replace_original: false, ...help });
    return null;
  }
}

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
      const period = await periodOfClick(args, deps.now(), workspace.settings);
      if (!period) return;
      if (body.container?.type === 'view') {
        await publishHome(deps, client, body.user.id, workspace, logger, { period });
        return;
      }
      const message = await reportMessage(deps, workspace, period, { shareable: true }, logger);
      // A message in a channel (the weekly digest) is everyone's: a click on it answers the clicker alone.
      const ownCopy = body.container?.type === 'message' && body.container.is_ephemeral === true;
      await respond({ response_type: 'ephemeral', replace_original: ownCopy, ...message });
    });
  };
}

/** "Share in channel": the same report posted for everyone, without buttons, and the private copy removed. */
export function shareReport(deps: SlackDeps) {
  return async (args: ActionArgs) => {
    const { ack, respond, context, logger } = args;
    await ack();
    await safely(logger, 'share', respond, async () => {
      const workspace = await loadWorkspace(deps, workspaceOf(context));
      const period = await periodOfClick(args, deps.now(), workspace.settings);
      if (!period) return;
      const message = await reportMessage(deps, workspace, period, { shareable: false, interactive: false }, logger);
      await respond({ response_type: 'in_channel', replace_original: false, ...message });
      await respond({ delete_original: true });
    });
  };
}
