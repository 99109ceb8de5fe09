import type { JobNeeds, JobWorkspace } from '../jobs/job-needs.js';
import type { WorkspaceSource } from '../present/workspace-reports.js';
import type { NumbersFetcher } from '../report/numbers-fetcher.js';
import type { AlertRepository } from '../store/alert-settings.js';

/**
 * How long one alert check holds its workspace's claim: it posts nothing after half of it, and a
 * post with the client's retries ends well within the other half. A crashed holder delays the
 * workspace's next check by at most this.
 */
export const ALERT_LEASE_MS = 12 * 60_000;

/**
 * What an alert check touches: the scheduler's common needs (Slack, claims, the clock), the
 * alert settings and state, and the workspace's Tellody through the report's cache.
 */
export interface AlertNeeds extends JobNeeds {
  readonly alerts: AlertRepository;
  /** The workspace's Tellody account as a source of numbers, or why there is none. */
  readonly source: (workspace: JobWorkspace) => Promise<WorkspaceSource>;
  readonly fetcher: NumbersFetcher;
  /** QuickChart base URL for the alert's chart. */
  readonly chartHost: string;
}
