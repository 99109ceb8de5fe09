import type { AllMiddlewareArgs, Logger, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { PeriodError, resolvePeriod } from '../../../period/index.js';
import { noteOutcome } from '../../../telemetry/outcome.js';
import { buildBusyMessage } from '../../../views/error-messages.js';
import { buildHelpMessage } from '../../../views/help-message.js';
import { type Admission, inTurn } from '../../admission.js';
import type { AppParts } from '../../app-parts.js';
import { ProgressReply, REPLY_PLACES } from '../../progress-reply.js';
import { safely, workspaceOf } from '../../safely.js';
import { loadWorkspace, sourceOf } from '../../workspace.js';

const HELP = /^(help|\?|-h|--help)$/i;

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/**
 * `/contacts [phrase]`: ack at once, then answer privately with the report, the help, or what
 * went wrong — with a note if Tellody takes more than a moment, and an honest "slow" at the
 * deadline that the report replaces if it still comes (progress-reply.ts). When more commands are
 * waiting than the app takes on (admission.ts), the ack itself says so and nothing more is done.
 */
export function contactsCommand(deps: AppParts) {
  return async (args: CommandArgs) => {
    const { ack, logger } = args;
    await inTurn(deps.admission, {
      ack: () => ack(),
      refuse: async () => {
        noteOutcome('busy');
        await ack({ response_type: 'ephemeral', ...buildBusyMessage() });
        logBusy(deps.admission, logger);
      },
      work: () => answer(deps, args),
    });
  };
}

/** Operators hear when a busy spell begins, and every thousand refusals while it lasts; not once per request. */
function logBusy(admission: Admission, logger: Logger): void {
  const { inARow } = admission.refused;
  if (inARow !== 1 && inARow % 1000 !== 0) return;
  const { running, waiting } = admission.limits;
  logger.warn(
    `busy: ${running} commands running and ${waiting} waiting, so ${inARow} new one(s) in a row were told to try again`,
  );
}

async function answer(deps: AppParts, { command, respond, context, logger }: CommandArgs): Promise<void> {
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
    const { value } = await reply.within(
      deps.reports.message(workspace.id, sourceOf(deps, workspace), period, { shareable: true }),
    );
    await reply.send(value);
  });
}
