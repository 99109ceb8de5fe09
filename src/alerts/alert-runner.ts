import { type RunningTrigger, startTrigger } from '../jobs/trigger.js';
import { WorkspaceRunner } from '../jobs/workspace-runner.js';
import type { AlertNeeds } from './alert-needs.js';
import { type AlertCheckResult, runAlertCheck } from './check.js';

/**
 * Four times an hour, five minutes after each quarter: the hour that just ended has had five
 * minutes for late events to land before it is compared.
 */
export const EVERY_QUARTER_HOUR = '0 5,20,35,50 * * * *';

/** The alert check of every workspace with alerts set up, as of `deps.now()`. */
export class AlertRunner extends WorkspaceRunner<AlertCheckResult> {
  constructor(deps: AlertNeeds) {
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

/** The alert checks' trigger: four times an hour (or on `pattern`), and once at start. */
export function startAlertTrigger(
  runner: AlertRunner,
  options: { pattern?: string; onError: (e: unknown) => void },
): RunningTrigger {
  return startTrigger(runner, { pattern: options.pattern ?? EVERY_QUARTER_HOUR, onError: options.onError });
}
