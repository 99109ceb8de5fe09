import type { Logger } from '@slack/bolt';
import { AlertRunner, startAlertTrigger } from '../alerts/alert-runner.js';
import { DigestRunner, startDigestTrigger } from '../digest/digest-runner.js';
import type { RunningTrigger } from '../jobs/trigger.js';
import { alertDeps } from './alert-deps.js';
import type { SlackDeps } from './deps.js';
import { digestDeps } from './digest-deps.js';
import { logFailure } from './safely.js';

/**
 * The jobs every instance runs on a clock: the weekly digest (every minute) and the same-day alert
 * checks (every quarter hour). The store's claims keep each post to one, however many instances run.
 */
export function startScheduledJobs(
  deps: SlackDeps,
  logger: Logger,
  options: { leaseMs?: number; digestPattern?: string; alertPattern?: string } = {},
): RunningTrigger {
  const lease = options.leaseMs === undefined ? {} : { leaseMs: options.leaseMs };
  const digests = startDigestTrigger(new DigestRunner(digestDeps(deps, logger, lease)), {
    ...(options.digestPattern ? { pattern: options.digestPattern } : {}),
    onError: (error) => logFailure(logger, 'digest scheduler', error),
  });
  const alerts = startAlertTrigger(new AlertRunner(alertDeps(deps, logger, lease)), {
    ...(options.alertPattern ? { pattern: options.alertPattern } : {}),
    onError: (error) => logFailure(logger, 'alert scheduler', error),
  });
  return {
    async stop() {
      await Promise.all([digests.stop(), alerts.stop()]);
    },
  };
}
