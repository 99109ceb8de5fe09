import type { JobNeeds, JobWorkspace } from '../jobs/job-needs.js';
import type { Period } from '../period/index.js';
import type { Presented } from '../present/present-report.js';
import type { DigestRepository } from '../store/digest-schedules.js';

/** Everything a digest job touches: the job's common needs, the schedules and the report. */
export interface DigestNeeds extends JobNeeds {
  readonly digests: DigestRepository;
  /** The report and its message pieces for a period, or null when the workspace has no Tellody login. */
  readonly present: (workspace: JobWorkspace, period: Period) => Promise<Presented | null>;
}
