import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { PeriodError, resolvePeriod } from '../../../period/index.js';
import { noteOutcome } from '../../../telemetry/outcome.js';
import { buildHelpMessage } from '../../../views/help-message.js';
import type { SlackDeps } from '../../deps.js';
import { ProgressReply, REPLY_PLACES } from '../../progress-reply.js';
import { safely, workspaceOf } from '../../safely.js';
import { loadWorkspace } from '../../workspace.js';
import { reportMessage } from '../../workspace-reports.js';

const HELP = /^(help|\?|-h|--help)$/i;

/**
 * `/contacts [phrase]`: ack at once, then answer privately with the report, the help, or what
 * went wrong — with a note if Tellody takes more than a moment, and an honest "slow" at the
 * deadline that the report replaces if it still comes (progress-reply.ts).
 */
export function contactsCommand(deps: SlackDeps) {
  return async ({ ack, command, respond, context, logger }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const reply = new ProgressReply(respond, REPLY_PLACES.command, deps.deadlines, logger);
    await safely(logger, '/contacts', reply.tell, async () => {
      const workspace = await loadWorkspace(deps, workspaceOf(context));
      const { zone, weekStart } = workspace.settings;
      const text = command.text.trim();
      if (HELP.test(text)) {
        await reply.send(buildHelpMessage({ zone, weekStart }));
        return;
      }
      let period: ReturnType<typeof resolvePeriod>;
      try {
        period = resolvePeriod(text, { zone, weekStart, now: deps.now() });
      } catch (error) {
        if (!(error instanceof PeriodError)) throw error;
        noteOutcome('refused');
        await reply.send(buildHelpMessage({ zone, weekStart, problem: error.message }));
        return;
      }
      const { value } = await reply.within(reportMessage(deps, workspace, period, { shareable: true }, logger));
      await reply.send(value);
    });
  };
}
