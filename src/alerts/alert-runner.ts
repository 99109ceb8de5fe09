import { WorkspaceRunner } from '../jobs/workspace-runner.js';
import type { AlertNeeds } from './alert-needs.js';
import { type AlertCheckResult, runAlertCheck, watched } from './check.js';
import { nextCheckAt } from './next-check.js';

/**
 * Four times an hour, five minutes after each quarter: the hour that just ended has had five
 * minutes for late events to land before it is compared.
 */
export const EVERY_QUARTER_HOUR = '0 5,20,35,50 * * * *';

/** When a workspace's alerts next need a check, from their settings, its zone and the checks' state as stored now. */
export async function alertsDueAt(deps: AlertNeeds, id: string): Promise<number | null> {
  const settings = await deps.alerts.settings(id);
  if (!settings || watched(settings).length === 0 || settings.paused) return null;
  const workspace = await deps.workspace(id);
  return nextCheckAt(deps.now(), settings, workspace.zone, await deps.alerts.state(id));
}

/** The alert checks due as of `deps.now()`: the workspaces the alerts' due index says are due. */
export class AlertRunner extends WorkspaceRunner<AlertCheckResult> {
  constructor(deps: AlertNeeds) {
    super({
      name: 'alerts',
      workspaces: deps.alerts.due,
      run: (id) => runAlertCheck(deps, id),
      nextDueAt: (id) => alertsDueAt(deps, id),
      needs: deps,
    });
  }
}
