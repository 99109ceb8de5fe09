import type { Logger } from '@slack/bolt';
import { startAlertTrigger } from '../alerts/alert-runner.js';
import { startDigestTrigger } from '../digest/digest-runner.js';
import type { RunningTrigger } from '../jobs/trigger.js';
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
  const digests = startDigestTrigger(parts.jobs.digestRunner, {
    ...(patterns.digest ? { pattern: patterns.digest } : {}),
    onError: (error) => logFailure(parts.log, 'digest scheduler', error),
  });
  const alerts = startAlertTrigger(parts.jobs.alertRunner, {
    ...(patterns.alerts ? { pattern: patterns.alerts } : {}),
    onError: (error) => logFailure(parts.log, 'alert scheduler', error),
  });
  return {
    async stop() {
      await Promise.all([digests.stop(), alerts.stop()]);
    },
  };
}
