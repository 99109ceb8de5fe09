import type { Context, Logger } from '@slack/bolt';
import { workspaceIdOf } from '../store/installations.js';
import { isStoreOutage } from '../store/open-store.js';
import { errorText } from '../telemetry/error-text.js';
import { noteOutcome } from '../telemetry/outcome.js';
import { buildInternalErrorMessage, buildStoreUnavailableMessage } from '../views/error-messages.js';
import type { SlackMessage } from '../views/report-message.js';

/** The workspace a request belongs to: the enterprise for an org-wide install, else the team. */
export function workspaceOf(context: Context): string {
  return workspaceIdOf({
    teamId: context.teamId,
    enterpriseId: context.enterpriseId,
    isEnterpriseInstall: context.isEnterpriseInstall,
  });
}

/**
 * Operators get the error's kind and message (never a token or password: none are in our errors);
 * people get kind words. A request or job whose work logs a failure ended in `error`, or in
 * `unavailable` when it was the store that did not answer.
 */
export function logFailure(logger: Pick<Logger, 'error'>, what: string, error: unknown): void {
  noteOutcome(isStoreOutage(error) ? 'unavailable' : 'error');
  logger.error(`${what} failed: ${errorText(error)}`);
}

/** A private reply that adds to the conversation: Bolt's respond(), or a progress reply (progress-reply.ts). */
export type Tell = (
  message: SlackMessage & { response_type: 'ephemeral'; replace_original: false },
) => Promise<unknown>;

/** Runs a listener's work after ack(); anything unexpected becomes a friendly reply and a log line, never a stack trace. */
export async function safely(
  logger: Logger,
  what: string,
  respond: Tell | undefined,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    logFailure(logger, what, error);
    if (respond) {
      const said = isStoreOutage(error) ? buildStoreUnavailableMessage() : buildInternalErrorMessage();
      await respond({ response_type: 'ephemeral', replace_original: false, ...said }).catch((e: unknown) =>
        logFailure(logger, `${what} (telling the user)`, e),
      );
    }
  }
}
