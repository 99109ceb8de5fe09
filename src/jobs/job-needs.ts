import type { WebClient } from '@slack/web-api';
import type { Weekday } from '../period/calendar.js';
import type { Claims } from '../store/claims.js';
import type { ChannelPacer } from './channel-pacer.js';

/** What a job needs to know of a workspace: its calendar and who may be told about problems. */
export interface JobWorkspace {
  readonly id: string;
  readonly zone: string;
  readonly weekStart: Weekday;
  readonly installerUserId?: string | undefined;
}

export interface JobLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** One run of a job for one workspace, as operators count it. */
export interface JobRun {
  /** "digest", "alerts". */
  readonly job: string;
  readonly workspace: string;
  /** The job's own word for how it ended, or `failed` when it threw. */
  readonly outcome: string;
  readonly seconds: number;
}

/**
 * What every job riding on the scheduler needs (the weekly digest, the same-day alerts): the
 * workspace, Slack, the store's claims, the clock. The app's composition root builds it once.
 */
export interface JobNeeds {
  readonly claims: Claims;
  readonly workspace: (id: string) => Promise<JobWorkspace>;
  /** A Web API client with the workspace's bot token, or null when there is none (uninstalled). */
  readonly slack: (id: string) => Promise<WebClient | null>;
  readonly now: () => number;
  readonly logger: JobLogger;
  /** This instance's name on claims it holds. */
  readonly owner: string;
  /** How long a claim holds while its holder works; a holder that dies frees it after this. */
  readonly leaseMs: number;
  /** Workspaces worked on at once. */
  readonly concurrency: number;
  /** Keeps posts to one channel at least a second apart. */
  readonly pacer: ChannelPacer;
  /** Told of each workspace's run when it ends (the log line and the counts). */
  readonly onRun?: ((run: JobRun) => void) | undefined;
}
