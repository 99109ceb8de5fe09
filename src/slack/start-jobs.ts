import type { Logger } from '@slack/bolt';
import { EVERY_QUARTER_HOUR } from '../alerts/alert-runner.js';
import { EVERY_MINUTE } from '../digest/digest-runner.js';
import { type RunningTrigger, startTrigger } from '../jobs/trigger.js';
import type { AppParts } from './app-parts.js';
import { logFailure } from './safely.js';

/** When the jobs tick: each job's own pattern unless given (a tick a second, for a demo or a test). */
export interface JobPatterns {
  readonly digest?: string;
  readonly alerts?: string;
}

/**
 * Starts the jobs every instance runs on a clock: the weekly digest (every minute) and the same-day
 * alert checks (four times an hour). The store's claims keep each post to one, however many
 * instances run.
 */
export function startJobs(
  parts: { readonly jobs: AppParts['jobs']; readonly log: Pick<Logger, 'error'> },
  patterns: JobPatterns = {},
): RunningTrigger {
  const digests = startTrigger(parts.jobs.digestRunner, {
    pattern: patterns.digest ?? EVERY_MINUTE,
    onError: (error) => logFailure(parts.log, 'digest scheduler', error),
  });
  const alerts = startTrigger(parts.jobs.alertRunner, {
    pattern: patterns.alerts ?? EVERY_QUARTER_HOUR,
    onError: (error) => logFailure(parts.log, 'alert scheduler', error),
  });
  return {
    async stop() {
      await Promise.all([digests.stop(), alerts.stop()]);
    },
  };
}
