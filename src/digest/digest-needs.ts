import type { JobNeeds, JobWorkspace } from '../jobs/job-needs.js';
import type { Period } from '../period/index.js';
import type { Presented } from '../present/present-report.js';
import type { DigestRepository } from '../store/digest-schedules.js';

/**
 * How long a claim on a week holds: an attempt may not start its post after half of it, and a post
 * (the client's five retries in about five minutes, plus any Retry-After) ends well within the other
 * half. A crashed holder is replaced after it: 20 minutes late, well inside the 24-hour catch-up.
 */
export const DIGEST_LEASE_MS = 20 * 60_000;

/** Everything a digest job touches: the job's common needs, the schedules and the report. */
export interface DigestNeeds extends JobNeeds {
  readonly digests: DigestRepository;
  /** The report and its message pieces for a period, or null when the workspace has no Tellody login. */
  readonly present: (workspace: JobWorkspace, period: Period) => Promise<Presented | null>;
}
