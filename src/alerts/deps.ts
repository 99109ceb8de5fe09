import type { DigestWorkspace, JobDeps } from '../digest/deps.js';
import type { ChartFetcher, ChartSource } from '../report/chart-fetcher.js';
import type { AlertRepository } from '../store/alert-settings.js';

/**
 * What an alert check touches: the scheduler's common needs (Slack, claims, the clock), the
 * alert settings and state, and the workspace's Tellody through the report's cache.
 */
export interface AlertDeps extends JobDeps {
  readonly alerts: AlertRepository;
  /** The workspace's Tellody account as a chart source, or why there is none. */
  readonly source: (workspace: DigestWorkspace) => Promise<ChartSource | 'not-connected' | 'login-unreadable'>;
  readonly fetcher: ChartFetcher;
  /** QuickChart base URL for the alert's chart. */
  readonly chartHost: string;
}
