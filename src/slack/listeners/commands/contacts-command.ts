import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { PeriodError, resolvePeriod } from '../../../period/index.js';
import { buildHelpMessage } from '../../../views/help-message.js';
import type { SlackDeps } from '../../deps.js';
import { safely, workspaceOf } from '../../safely.js';
import { loadWorkspace } from '../../workspace.js';
import { reportMessage } from '../../workspace-reports.js';

const HELP = /^(help|\?|-h|--help)$/i;

/** `/contacts [phrase]`: ack at once, then answer privately with the report, the help, or what went wrong. */
export function contactsCommand(deps: SlackDeps) {
  return async ({ ack, command, respond, context, logger }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    await safely(logger, '/contacts', respond, async () => {
      const workspace = await loadWorkspace(deps, workspaceOf(context));
      const { zone, weekStart } = workspace.settings;
      const text = command.text.trim();
      if (HELP.test(text)) {
        await respond({ response_type: 'ephemeral', ...buildHelpMessage({ zone, weekStart }) });
        return;
      }
      let period: ReturnType<typeof resolvePeriod>;
      try {
        period = resolvePeriod(text, { zone, weekStart, now: deps.now() });
      } catch (error) {
        if (!(error instanceof PeriodError)) throw error;
        await respond({ response_type: 'ephemeral', ...buildHelpMessage({ zone, weekStart, problem: error.message }) });
        return;
      }
      const message = await reportMessage(deps, workspace, period, { shareable: true }, logger);
      await respond({ response_type: 'ephemeral', replace_original: false, ...message });
    });
  };
}
