import type { JobNeeds, JobWorkspace } from '../jobs/job-needs.js';
import type { NumbersFetcher, NumbersSource } from '../report/numbers-fetcher.js';
import type { AlertRepository } from '../store/alert-settings.js';

/**
 * What an alert check touches: the scheduler's common needs (Slack, claims, the clock), the
 * alert settings and state, and the workspace's Tellody through the report's cache.
 */
export interface AlertNeeds extends JobNeeds {
  readonly alerts: AlertRepository;
  /** The workspace's Tellody account as a chart source, or why there is none. */
  readonly source: (workspace: JobWorkspace) => Promise<NumbersSource | 'not-connected' | 'login-unreadable'>;
  readonly fetcher: NumbersFetcher;
  /** QuickChart base URL for the alert's chart. */
  readonly chartHost: string;
}
