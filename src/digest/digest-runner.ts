import { type RunningTrigger, startTrigger } from '../jobs/trigger.js';
import { WorkspaceRunner } from '../jobs/workspace-runner.js';
import type { DigestNeeds } from './digest-needs.js';
import { type DigestResult, runScheduledDigest } from './run-digest.js';

/** Every minute, at second 0. */
export const EVERY_MINUTE = '0 * * * * *';

/** Due digests, as of `deps.now()`, for every workspace with one. */
export class DigestRunner extends WorkspaceRunner<DigestResult> {
  constructor(deps: DigestNeeds) {
    super({
      name: 'digest',
      workspaces: () => deps.digests.enrolled(),
      run: (id) => runScheduledDigest(deps, id),
      concurrency: deps.concurrency,
      logger: deps.logger,
      onRun: deps.onRun,
    });
  }
}

/** The digest's trigger: every minute (or on `pattern`), and once at start to catch up. */
export function startDigestTrigger(
  runner: DigestRunner,
  options: { pattern?: string; onError: (e: unknown) => void },
): RunningTrigger {
  return startTrigger(runner, { pattern: options.pattern ?? EVERY_MINUTE, onError: options.onError });
}
