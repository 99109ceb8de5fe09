import type { JobRun } from '../jobs/job-needs.js';
import type { AppLogger } from '../telemetry/logger.js';
import type { Metrics } from '../telemetry/metrics.js';

/**
 * Runs that did nothing: the job looked and there was nothing to do (an early look after a save
 * or a sweep, a workspace another instance claimed first, quiet hours). Logged only at debug.
 */
const NOTHING_DONE = new Set(['not-due', 'claimed-elsewhere', 'off', 'quiet-hours', 'too-early', 'checked-already']);

/** Logs a job's run for one workspace (its outcome and duration) and counts it. */
export function jobTelemetry(log: AppLogger, metrics: Metrics): (run: JobRun) => void {
  return ({ job, workspace, outcome, seconds }) => {
    (job === 'digest' ? metrics.digestRuns : metrics.alertChecks).inc({ outcome });
    const line = { job, workspace, outcome, durationMs: Math.round(seconds * 1000) };
    if (outcome === 'failed') log.warn(line, 'job run');
    else if (NOTHING_DONE.has(outcome)) log.debug(line, 'job run');
    else log.info(line, 'job run');
  };
}
