import type { WebClient } from '@slack/web-api';
import type { Weekday } from '../period/calendar.js';
import type { Period } from '../period/index.js';
import type { Presented } from '../present/present-report.js';
import type { Claims } from '../store/claims.js';
import type { DigestRepository } from '../store/digest-schedules.js';

/** What the digest needs to know of a workspace: its calendar and who may be told about problems. */
export interface DigestWorkspace {
  readonly id: string;
  readonly zone: string;
  readonly weekStart: Weekday;
  readonly installerUserId?: string | undefined;
}

export interface DigestLogger {
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
 * workspace, Slack, the store's claims, the clock. The Slack side (slack/digest-deps.ts) builds it
 * from the app's deps; tests build it the same way.
 */
export interface JobDeps {
  readonly claims: Claims;
  readonly workspace: (id: string) => Promise<DigestWorkspace>;
  /** A Web API client with the workspace's bot token, or null when there is none (uninstalled). */
  readonly slack: (id: string) => Promise<WebClient | null>;
  readonly now: () => number;
  readonly logger: DigestLogger;
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

/** Everything a digest job touches: the job's common needs, the schedules and the report. */
export interface DigestDeps extends JobDeps {
  readonly digests: DigestRepository;
  /** The report and its message pieces for a period, or null when the workspace has no Tellody login. */
  readonly present: (workspace: DigestWorkspace, period: Period) => Promise<Presented | null>;
}

/**
 * Slack allows about one message per second per channel: posts to the same channel wait their turn.
 * Measured on the monotonic clock: a second is a second even when the wall clock is stepped (on
 * the wall clock, a step back of two minutes held the next post to a channel for two minutes).
 */
export class ChannelPacer {
  private readonly nextFree = new Map<string, number>();

  constructor(private readonly gapMs = 1000) {}

  async wait(channel: string): Promise<void> {
    const now = performance.now();
    if (this.nextFree.size > 10_000) for (const [c, t] of this.nextFree) if (t < now) this.nextFree.delete(c);
    const at = Math.max(now, this.nextFree.get(channel) ?? 0);
    this.nextFree.set(channel, at + this.gapMs);
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  }
}
