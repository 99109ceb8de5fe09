import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { type Period, resolvePeriod } from '../../period/index.js';
import { TellodyError } from '../../tellody/errors.js';
import { buildFetchingMessage, buildSlowMessage, LOGIN_UNREADABLE } from '../../views/error-messages.js';
import { buildHomeTab, type TellodyConnection } from '../../views/home-tab.js';
import type { SlackMessage } from '../../views/report-message.js';
import { canEditSettings } from '../admin.js';
import type { AppParts } from '../app-parts.js';
import { afterDeadlines } from '../progress-reply.js';
import { sourceOf, type Workspace } from '../workspace.js';
import { alertsSectionFor, digestSectionFor } from './home-sections.js';

async function connectionOf(deps: AppParts, workspace: Workspace): Promise<TellodyConnection> {
  if (workspace.loginUnreadable)
    return { state: 'failing', problem: `${LOGIN_UNREADABLE} An admin must enter it again.` };
  if (!workspace.credentials) return { state: 'not-connected' };
  try {
    return { state: 'connected', account: await deps.tellody.clientFor(workspace.credentials).userInfo() };
  } catch (error) {
    if (!(error instanceof TellodyError)) throw error;
    const problem =
      error.kind === 'credentials'
        ? 'Tellody refused the saved login — an admin should enter it again.'
        : 'Tellody could not be reached just now.';
    return { state: 'failing', problem };
  }
}

/**
 * Publishes a person's Home tab: a report (this week unless they picked another), the
 * connection, the settings. Tellody answers two of those: when it takes more than a moment the
 * tab first says it is fetching, at the deadline that Tellody is slow, and then shows what came.
 */
export async function publishHome(
  deps: AppParts,
  client: WebClient,
  userId: string,
  workspace: Workspace,
  logger: Logger,
  options: {
    period?: Period;
    canEdit?: boolean;
    digestNotice?: string;
    alertsNotice?: string;
    message?: SlackMessage;
  } = {},
): Promise<void> {
  const shown = options.period ?? resolvePeriod('this week', { ...workspace.settings, now: deps.now() });
  // A message shown instead of a report (why a click could not be answered) needs no Tellody.
  const report = options.message
    ? Promise.resolve(options.message)
    : deps.reports
        .present(workspace.id, sourceOf(deps, workspace), shown, { shareable: false })
        .then((p) => p?.message ?? null);
  const fromTellody = Promise.all([report, connectionOf(deps, workspace)]);
  fromTellody.catch(() => {});
  const canEdit = await (options.canEdit ?? canEditSettings(client, userId, workspace.settings));
  const [digest, alerts] = await Promise.all([
    digestSectionFor(deps, workspace, { canEdit, notice: options.digestNotice }),
    alertsSectionFor(deps, workspace, { canEdit, notice: options.alertsNotice }),
  ]);
  const publish = (message: SlackMessage | null, connection: TellodyConnection) =>
    client.views.publish({
      user_id: userId,
      view: buildHomeTab({
        report: message,
        connection,
        zone: workspace.settings.zone,
        weekStart: workspace.settings.weekStart,
        canEdit,
        digest,
        alerts,
      }),
    });
  const checking = { state: 'checking' } as const;
  const { value } = await afterDeadlines(fromTellody, deps.deadlines, logger, {
    fetching: () => publish(buildFetchingMessage(), checking).then(() => {}),
    slow: () => publish(buildSlowMessage(), checking).then(() => {}),
  });
  await publish(...value);
}
