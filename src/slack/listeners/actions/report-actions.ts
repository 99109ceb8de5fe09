import type { BlockAction } from '@slack/bolt';
import { type Period, PeriodError, periodFromToken } from '../../../period/index.js';
import { noteOutcome } from '../../../telemetry/outcome.js';
import { buildNotConnectedMessage } from '../../../views/error-messages.js';
import { buildHelpMessage } from '../../../views/help-message.js';
import type { SlackMessage } from '../../../views/report-message.js';
import type { ActionArgs } from '../../action-args.js';
import type { AppParts } from '../../app-parts.js';
import { publishHome } from '../../home/publish-home.js';
import { ProgressReply, REPLY_PLACES } from '../../progress-reply.js';
import { safely, workspaceOf } from '../../safely.js';
import { loadWorkspace, sourceOf } from '../../workspace.js';

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
    noteOutcome('refused');
    return buildHelpMessage({ ...settings, problem: SETTINGS_CHANGED });
  } catch (error) {
    if (!(error instanceof PeriodError)) throw error;
    noteOutcome('refused');
    return buildHelpMessage({ ...settings, problem: error.message });
  }
}

const isPeriod = (value: Period | SlackMessage): value is Period => 'start' in value;

/**
 * ◀ previous, next ▶ and the granularity menu: the same report for another period or unit. In
 * the clicker's own (ephemeral) reply it replaces that reply in place; on a message in a channel
 * (the digest) it answers privately and leaves the message alone; on the Home tab (which has no
 * response_url) it republishes the tab, with what went wrong in it if anything did.
 */
export function stepReport(deps: AppParts) {
  return async (args: ActionArgs) => {
    const { ack, body, respond, client, context, logger } = args;
    await ack();
    const atHome = body.container?.type === 'view';
    // A message in a channel (the weekly digest) is everyone's: a click on it answers the clicker alone.
    const ownReport = body.container?.type === 'message' && body.container.is_ephemeral === true;
    const place = ownReport ? REPLY_PLACES.ownReport : REPLY_PLACES.beside;
    const reply = atHome ? undefined : new ProgressReply(respond, place, deps.deadlines, logger);
    await safely(logger, 'report button', reply?.tell, async () => {
      const workspace = await loadWorkspace(deps, workspaceOf(context));
      const clicked = periodOfClick(args, deps.now(), workspace.settings);
      if (!reply) {
        const shown = isPeriod(clicked) ? { period: clicked } : { message: clicked };
        await publishHome(deps, client, body.user.id, workspace, logger, shown);
        return;
      }
      if (!isPeriod(clicked)) {
        await reply.post({ response_type: 'ephemeral', replace_original: false, ...clicked });
        return;
      }
      const { value } = await reply.within(
        deps.reports.message(workspace.id, sourceOf(deps, workspace), clicked, { shareable: true }),
      );
      await reply.send(value);
    });
  };
}

/**
 * "Share in channel": the same report posted for everyone, without buttons, and the private copy
 * removed. Only a report is ever shared: a failure (Tellody down, no account) is told privately
 * and the private report stays. A report that comes after the person was told Tellody is slow is
 * not shared: they were told to try again, and a late post in the channel would surprise them.
 */
export function shareReport(deps: AppParts) {
  return async (args: ActionArgs) => {
    const { ack, respond, context, logger } = args;
    await ack();
    const reply = new ProgressReply(respond, REPLY_PLACES.beside, deps.deadlines, logger);
    await safely(logger, 'share', reply.tell, async () => {
      const workspace = await loadWorkspace(deps, workspaceOf(context));
      const period = periodOfClick(args, deps.now(), workspace.settings);
      if (!isPeriod(period)) {
        await reply.send(period);
        return;
      }
      const flags = { shareable: false, interactive: false };
      const { value: presented, late } = await reply.within(
        deps.reports.present(workspace.id, sourceOf(deps, workspace), period, flags),
      );
      if (late) return;
      if (!presented?.ok) {
        await reply.send(presented?.message ?? buildNotConnectedMessage());
        return;
      }
      await reply.post({ response_type: 'in_channel', replace_original: false, ...presented.message });
      await reply.post({ delete_original: true });
    });
  };
}
