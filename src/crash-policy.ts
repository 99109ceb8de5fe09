import type { EventEmitter } from 'node:events';
import { errorText } from './telemetry/error-text.js';

/** Uncaught exceptions within this window that mean the process itself is broken, not one request. */
export const BURST_LIMIT = 5;
export const BURST_WINDOW_MS = 60_000;

/**
 * Counts uncaught exceptions: one is a request's bug (logged, and the app keeps serving every
 * other workspace); a burst of them within a minute means the process is in a state nobody
 * planned for, and a clean restart by the supervisor is safer than serving on.
 */
export class UncaughtErrors {
  private readonly times: number[] = [];

  constructor(
    private readonly limit = BURST_LIMIT,
    private readonly windowMs = BURST_WINDOW_MS,
  ) {}

  /** Records one at `now`; true when that makes a burst. */
  record(now: number): boolean {
    this.times.push(now);
    while (this.times.length > 0 && (this.times[0] ?? now) <= now - this.windowMs) this.times.shift();
    return this.times.length >= this.limit;
  }
}

export interface CrashPolicyOptions {
  /** Where a line goes (the app's logger). */
  readonly log: (line: string) => void;
  /** Called once on a burst: stop gracefully and exit non-zero. */
  readonly stop: () => void;
  readonly now?: () => number;
}

/**
 * Once the app is serving: an unhandled rejection or an uncaught exception is logged in one line
 * (no stack, no payload) and the app keeps serving; a burst of uncaught exceptions stops it.
 */
export function installCrashPolicy(proc: EventEmitter, options: CrashPolicyOptions): () => void {
  const now = options.now ?? Date.now;
  const uncaught = new UncaughtErrors();
  let stopping = false;
  const onRejection = (reason: unknown) => options.log(`unhandled rejection (still serving): ${errorText(reason)}`);
  const onException = (error: unknown) => {
    if (!uncaught.record(now())) {
      options.log(`uncaught exception (still serving): ${errorText(error)}`);
      return;
    }
    options.log(`uncaught exception: ${errorText(error)}; ${BURST_LIMIT} within a minute, so stopping`);
    if (!stopping) {
      stopping = true;
      options.stop();
    }
  };
  proc.on('unhandledRejection', onRejection);
  proc.on('uncaughtException', onException);
  return () => {
    proc.off('unhandledRejection', onRejection);
    proc.off('uncaughtException', onException);
  };
}
