import { type RunningScheduler, startDigestScheduler, WorkspaceRunner } from '../digest/scheduler.js';
import { type AlertCheckResult, runAlertCheck } from './check.js';
import type { AlertDeps } from './deps.js';

/**
 * Four times an hour, five minutes after each quarter: the hour that just ended has had five
 * minutes for late events to land before it is compared.
 */
export const EVERY_QUARTER_HOUR = '0 5,20,35,50 * * * *';

/** The alert check of every workspace with alerts set up, as of `deps.now()`. */
export class AlertRunner extends WorkspaceRunner<AlertCheckResult> {
  constructor(deps: AlertDeps) {
    super({
      name: 'alerts',
      workspaces: () => deps.alerts.enrolled(),
      run: (id) => runAlertCheck(deps, id),
      concurrency: deps.concurrency,
      logger: deps.logger,
      onRun: deps.onRun,
    });
  }
}

/** The digest's trigger, on the alerts' pattern (and once at start). */
export function startAlertScheduler(
  runner: AlertRunner,
  options: { pattern?: string; onError: (e: unknown) => void },
): RunningScheduler {
  return startDigestScheduler(runner, { pattern: options.pattern ?? EVERY_QUARTER_HOUR, onError: options.onError });
}
