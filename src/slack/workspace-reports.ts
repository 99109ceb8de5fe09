import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { type Period, resolvePeriod } from '../period/index.js';
import { type Presented, presentReport } from '../present/present-report.js';
import { TellodyError } from '../tellody/errors.js';
import { buildFailureMessage, buildNotConnectedMessage, LOGIN_UNREADABLE } from '../views/error-messages.js';
import { buildHomeTab, type TellodyConnection } from '../views/home-tab.js';
import type { SlackMessage } from '../views/report-message.js';
import { canEditSettings } from './admin.js';
import { alertsSectionFor } from './alerts-home.js';
import type { SlackDeps } from './deps.js';
import { digestSectionFor } from './digest-home.js';
import { chartSourceFor, type Workspace } from './workspace.js';

export interface PresentFlags {
  readonly shareable?: boolean;
  readonly interactive?: boolean;
}

/** The report for a workspace and period, or null when the workspace has no Tellody account. */
export async function presentFor(
  deps: SlackDeps,
  workspace: Workspace,
  period: Period,
  flags: PresentFlags,
  logger: Logger,
): Promise<Presented | null> {
  if (workspace.loginUnreadable) return loginUnreadable();
  if (!workspace.credentials) return null;
  const presented = await presentReport(period, {
    workspace: workspace.id,
    source: chartSourceFor(deps, workspace.credentials),
    fetcher: deps.fetcher,
    settled: deps.settledReports,
    now: deps.now(),
    chart: { host: deps.config.QUICKCHART_HOST, ...(deps.fetch ? { fetch: deps.fetch } : {}) },
    ...flags,
  });
  if (!presented.ok)
    logger.warn(`report for ${workspace.id} failed: ${presented.failure.kind}: ${presented.failure.detail}`);
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

/** Publishes a person's Home tab: a report (this week unless they picked another), the connection, the settings. */
export async function publishHome(
  deps: SlackDeps,
  client: WebClient,
  userId: string,
  workspace: Workspace,
  logger: Logger,
  options: { period?: Period; canEdit?: boolean; digestNotice?: string; alertsNotice?: string } = {},
): Promise<void> {
  const shown = options.period ?? resolvePeriod('this week', { ...workspace.settings, now: deps.now() });
  const [report, connection, canEdit] = await Promise.all([
    presentFor(deps, workspace, shown, { shareable: false }, logger),
    connectionOf(deps, workspace),
    options.canEdit ?? canEditSettings(client, userId, workspace.settings),
  ]);
  const [digest, alerts] = await Promise.all([
    digestSectionFor(deps, workspace, { canEdit, notice: options.digestNotice }),
    alertsSectionFor(deps, workspace, { canEdit, notice: options.alertsNotice }),
  ]);
  const view = buildHomeTab({
    report: report?.message ?? null,
    connection,
    zone: workspace.settings.zone,
    weekStart: workspace.settings.weekStart,
    canEdit,
    digest,
    alerts,
  });
  await client.views.publish({ user_id: userId, view });
}
