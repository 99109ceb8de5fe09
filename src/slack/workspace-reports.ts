import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { type Period, resolvePeriod } from '../period/index.js';
import { type Presented, presentReport } from '../present/present-report.js';
import type { ReportFailureKind } from '../report/report-types.js';
import { noteOutcome, type Outcome } from '../telemetry/outcome.js';
import { TellodyError } from '../tellody/errors.js';
import {
  buildFailureMessage,
  buildFetchingMessage,
  buildNotConnectedMessage,
  buildSlowMessage,
  LOGIN_UNREADABLE,
} from '../views/error-messages.js';
import { buildHomeTab, type TellodyConnection } from '../views/home-tab.js';
import type { SlackMessage } from '../views/report-message.js';
import { canEditSettings } from './admin.js';
import { alertsSectionFor } from './alerts-home.js';
import type { SlackDeps } from './deps.js';
import { digestSectionFor } from './digest-home.js';
import { afterDeadlines } from './progress-reply.js';
import { chartSourceFor, type Workspace } from './workspace.js';

export interface PresentFlags {
  readonly shareable?: boolean;
  readonly interactive?: boolean;
}

/** How a request that could not show its report ended, for the operators' counts. */
const OUTCOME_OF_FAILURE: Record<ReportFailureKind, Outcome> = {
  'tellody-unavailable': 'unavailable',
  'tellody-garbled': 'unavailable',
  'tellody-credentials': 'not_connected',
  'login-unreadable': 'not_connected',
  'tellody-rejected': 'error',
};

/** The report for a workspace and period, or null when the workspace has no Tellody account. */
export async function presentFor(
  deps: SlackDeps,
  workspace: Workspace,
  period: Period,
  flags: PresentFlags,
  logger: Logger,
): Promise<Presented | null> {
  if (workspace.loginUnreadable) {
    noteOutcome('not_connected');
    return loginUnreadable();
  }
  if (!workspace.credentials) {
    noteOutcome('not_connected');
    return null;
  }
  const presented = await presentReport(period, {
    workspace: workspace.id,
    source: chartSourceFor(deps, workspace.credentials),
    fetcher: deps.fetcher,
    settled: deps.settledReports,
    now: deps.now(),
    chart: { host: deps.config.QUICKCHART_HOST, fetch: deps.fetch },
    ...flags,
  });
  if (presented.ok) deps.metrics.reportCache.inc({ result: presented.report.tellodyCalls === 0 ? 'hit' : 'miss' });
  else {
    noteOutcome(OUTCOME_OF_FAILURE[presented.failure.kind]);
    logger.warn(`report for ${workspace.id} failed: ${presented.failure.kind}: ${presented.failure.detail}`);
  }
  return presented;
}

function loginUnreadable(): Presented {
  const failure = { kind: 'login-unreadable', detail: 'no encryption key opens the saved password' } as const;
  return { ok: false, failure, message: buildFailureMessage(failure) };
}

export async function reportMessage(
  deps: SlackDeps,
  workspace: Workspace,
  period: Period,
  flags: PresentFlags,
  logger: Logger,
): Promise<SlackMessage> {
  return (await presentFor(deps, workspace, period, flags, logger))?.message ?? buildNotConnectedMessage();
}

async function connectionOf(deps: SlackDeps, workspace: Workspace): Promise<TellodyConnection> {
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
  deps: SlackDeps,
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
    : presentFor(deps, workspace, shown, { shareable: false }, logger).then((p) => p?.message ?? null);
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
