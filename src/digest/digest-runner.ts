import { WorkspaceRunner } from '../jobs/workspace-runner.js';
import type { DigestNeeds } from './digest-needs.js';
import { digestWeek, nextLookAt } from './due.js';
import { type DigestResult, runScheduledDigest } from './run-digest.js';

/** Every minute, at second 0. */
export const EVERY_MINUTE = '0 * * * * *';

/** When a workspace's digest next needs a look, from its schedule, its calendar and the week's record as stored now. */
export async function digestDueAt(deps: DigestNeeds, id: string): Promise<number | null> {
  const schedule = await deps.digests.schedule(id);
  if (!schedule) return null;
  const workspace = await deps.workspace(id);
  const now = deps.now();
  const week = digestWeek(now, schedule, workspace);
  return nextLookAt(now, schedule, workspace.zone, week, await deps.digests.week(id, week.week));
}

/** Due digests, as of `deps.now()`: the workspaces the digest's due index says are due. */
export class DigestRunner extends WorkspaceRunner<DigestResult> {
  constructor(deps: DigestNeeds) {
    super({
      name: 'digest',
      workspaces: deps.digests.due,
      run: (id) => runScheduledDigest(deps, id),
      nextDueAt: (id) => digestDueAt(deps, id),
      needs: deps,
    });
  }
}
