import { holdingClaim, pastHalfLease } from '../jobs/claim.js';
import type { JobWorkspace } from '../jobs/job-needs.js';
import { throughStoreOutage } from '../jobs/outage-retry.js';
import { postToChannel, tellPeople } from '../jobs/post.js';
import type { DigestProblem, DigestSchedule, PauseReason, WeekRecord } from '../store/digest-schedules.js';
import { buildDigestMessage } from '../views/digest-message.js';
import {
  buildDigestPausedNotice,
  buildDigestStoppedNotice,
  buildDigestUncertainNotice,
} from '../views/digest-notices.js';
import type { SlackMessage } from '../views/report-message.js';
import type { DigestNeeds } from './digest-needs.js';
import { type DigestWeek, decide, digestWeek, goesOutByItself, retryDelay } from './due.js';
import { reportedWeek, weekKey } from './schedule.js';

export type DigestOutcome =
  | 'posted'
  /** Sent, but whether Slack took it is unknown: recorded, admins told, never sent again by itself. */
  | 'uncertain'
  | 'retry-later'
  | 'stopped'
  | 'paused'
  | 'missed'
  /** Nothing to do for this workspace now. */
  | 'not-due'
  /** Another instance holds this week's claim. */
  | 'claimed-elsewhere';

/** What happened, and for a failure what it was about (Send now tells the person who pressed it). */
export interface DigestResult {
  readonly outcome: DigestOutcome;
  readonly problem?: DigestProblem | undefined;
}

/** One workspace's digest for one week: everything a delivery attempt reads. */
interface Job {
  readonly workspace: JobWorkspace;
  readonly schedule: DigestSchedule;
  readonly week: DigestWeek;
  readonly previous: WeekRecord | undefined;
  /** Scheduled attempts are retried and recorded; Send now answers the person who pressed it. */
  readonly manual: boolean;
}

/** The message for a week, or why there is none: a problem to retry (`final: false`) or to stop on. */
export type Composed =
  | { readonly ok: true; readonly message: SlackMessage }
  | { readonly ok: false; readonly problem: DigestProblem; readonly final: boolean };

export async function composeDigest(
  deps: DigestNeeds,
  workspace: JobWorkspace,
  schedule: DigestSchedule,
  week: DigestWeek,
): Promise<Composed> {
  const presented = await deps.present(workspace, week.period);
  if (!presented) return { ok: false, problem: { kind: 'not-connected', detail: '' }, final: true };
  if (!presented.ok) {
    const { kind, detail } = presented.failure;
    if (kind === 'tellody-credentials' || kind === 'tellody-rejected' || kind === 'login-unreadable') {
      return { ok: false, problem: { kind, detail }, final: true };
    }
    // Unreachable, 5xx, timeouts, garbled answers: Tellody may be back soon. Never a blank report instead.
    return { ok: false, problem: { kind: 'tellody-unavailable', detail }, final: false };
  }
  const message = buildDigestMessage({
    report: presented.report,
    chart: presented.chart,
    now: deps.now(),
    slot: schedule,
    teamId: schedule.teamId,
    appId: schedule.appId,
  });
  return { ok: true, message };
}

/** Tells the people who can fix it, by direct message: whoever set the digest up, and the installer. */
async function tellAdmins(
  deps: DigestNeeds,
  workspace: JobWorkspace,
  schedule: DigestSchedule,
  message: SlackMessage,
): Promise<void> {
  await tellPeople(deps, workspace.id, [schedule.setUpBy, workspace.installerUserId], message);
}

function record(job: Job, now: number, fields: Omit<Partial<WeekRecord>, 'week'> & Pick<WeekRecord, 'state'>) {
  return {
    week: job.week.week,
    occurrence: job.week.occurrence,
    attempts: (job.previous?.attempts ?? 0) + 1,
    updatedAt: now,
    ...(job.previous?.failingSince !== undefined ? { failingSince: job.previous.failingSince } : {}),
    ...fields,
  } satisfies WeekRecord;
}

/** Writes a week's record, trying again through a passing store outage: what Slack was sent must not be lost. */
async function keepWeek(deps: DigestNeeds, job: Job, week: WeekRecord): Promise<void> {
  await throughStoreOutage(() => deps.digests.setWeek(job.workspace.id, week), {
    onOutage: (error) =>
      deps.logger.warn(
        `digest ${job.workspace.id} ${week.week}: store not answering (${String(error)}); writing "${week.state}" again`,
      ),
  });
}

/** Slack refused the post or it never arrived: the "posting" record goes, as if the attempt had not been sent. */
async function notSent(deps: DigestNeeds, job: Job): Promise<void> {
  if (job.previous) await deps.digests.setWeek(job.workspace.id, job.previous);
  else await deps.digests.deleteWeek(job.workspace.id, job.week.week);
}

/**
 * The post may be in the channel or not, and nobody can tell: recorded as uncertain so no instance
 * sends it again by itself (a second digest is worse than a late one), and the admins are told to
 * look, with Send now. Send now's presser hears it from the Home tab instead of a message.
 */
async function unconfirmed(
  deps: DigestNeeds,
  job: Job,
  problem: DigestProblem,
  sent: { readonly channelId: string; readonly at: number; readonly attempts?: number },
): Promise<DigestResult> {
  const now = deps.now();
  const attempts = sent.attempts === undefined ? {} : { attempts: sent.attempts };
  const fields = { state: 'uncertain', problem, channelId: sent.channelId, sentAt: sent.at, ...attempts } as const;
  await keepWeek(deps, job, record(job, now, fields));
  deps.logger.warn(
    `digest ${job.workspace.id} ${job.week.week}: may not have gone out (${problem.kind} ${problem.detail})`,
  );
  if (!job.manual) {
    const notice = buildDigestUncertainNotice({ week: job.week.week, channelId: sent.channelId, problem });
    await tellAdmins(deps, job.workspace, job.schedule, notice);
  }
  return { outcome: 'uncertain', problem };
}

async function failed(deps: DigestNeeds, job: Job, problem: DigestProblem, final: boolean): Promise<DigestResult> {
  const now = deps.now();
  deps.logger.warn(`digest ${job.workspace.id} ${job.week.week}: ${problem.kind} ${problem.detail}`);
  if (job.manual) return { outcome: final ? 'stopped' : 'retry-later', problem };
  const failingSince = job.previous?.failingSince ?? now;
  if (final) {
    await deps.digests.setWeek(job.workspace.id, record(job, now, { state: 'stopped', problem, failingSince }));
    await tellAdmins(deps, job.workspace, job.schedule, buildDigestStoppedNotice({ problem, week: job.week.week }));
    return { outcome: 'stopped', problem };
  }
  const attempts = (job.previous?.attempts ?? 0) + 1;
  const nextAttemptAt = now + retryDelay(attempts);
  await deps.digests.setWeek(
    job.workspace.id,
    record(job, now, { state: 'waiting', problem, failingSince, nextAttemptAt }),
  );
  return { outcome: 'retry-later', problem };
}

/** Pauses a digest whose channel cannot take it, and tells whoever set it up. It never resumes by itself. */
export async function pauseDigest(
  deps: DigestNeeds,
  workspace: JobWorkspace,
  schedule: DigestSchedule,
  reason: PauseReason,
): Promise<DigestResult> {
  await deps.digests.setSchedule(workspace.id, { ...schedule, paused: { reason, at: deps.now() } });
  await tellAdmins(deps, workspace, schedule, buildDigestPausedNotice({ channelId: schedule.channelId, reason }));
  deps.logger.warn(`digest ${workspace.id}: paused, ${reason}`);
  return { outcome: 'paused', problem: { kind: 'slack-error', detail: reason } };
}

/** The digest's channel was archived (the `channel_archive` event): pause it now rather than fail next week. */
export async function pauseIfDigestChannel(deps: DigestNeeds, id: string, channel: string): Promise<boolean> {
  const schedule = await deps.digests.schedule(id);
  if (!schedule || schedule.channelId !== channel || schedule.paused) return false;
  await pauseDigest(deps, await deps.workspace(id), schedule, 'is_archived');
  return true;
}

/**
 * One attempt: make the report, post it, record what happened. The caller holds the week's claim.
 * Just before the post leaves, the week is recorded as `posting`: if this instance dies before
 * Slack answers, whoever claims the week next finds that and knows the post may have gone out.
 */
async function deliver(deps: DigestNeeds, job: Job, claimedAt: number): Promise<DigestResult> {
  const composed = await composeDigest(deps, job.workspace, job.schedule, job.week);
  if (!composed.ok) return failed(deps, job, composed.problem, composed.final);
  const client = await deps.slack(job.workspace.id);
  if (!client) return failed(deps, job, { kind: 'slack-auth', detail: 'no bot token' }, true);
  // Past half the lease another instance may soon take over: leave the week to it rather than risk two posts.
  if (pastHalfLease(claimedAt, deps.leaseMs)) return { outcome: 'retry-later' };
  const { channelId } = job.schedule;
  let sentAt = deps.now();
  const beforeSend = async () => {
    sentAt = deps.now();
    await keepWeek(deps, job, record(job, sentAt, { state: 'posting', channelId, sentAt }));
  };
  const posted = await postToChannel(client, channelId, composed.message, deps.pacer, { beforeSend });
  if (posted.ok) {
    const now = deps.now();
    const fields = { state: 'posted', postedAt: now, channelId, ts: posted.ts, sentAt } as const;
    await keepWeek(
      deps,
      job,
      record(job, now, { ...fields, ...(posted.permalink ? { permalink: posted.permalink } : {}) }),
    );
    deps.logger.info(`digest ${job.workspace.id} ${job.week.week}: posted`);
    return { outcome: 'posted' };
  }
  if (posted.kind === 'uncertain')
    return unconfirmed(deps, job, { kind: 'slack-unconfirmed', detail: posted.detail }, { channelId, at: sentAt });
  await notSent(deps, job);
  if (posted.kind === 'pause') return pauseDigest(deps, job.workspace, job.schedule, posted.reason);
  const problem: DigestProblem = { kind: posted.kind === 'auth' ? 'slack-auth' : 'slack-error', detail: posted.detail };
  return failed(deps, job, problem, posted.kind === 'auth');
}

/** Runs `work` holding the week's claim; someone else holding it means there is nothing for us to do. */
async function underClaim(
  deps: DigestNeeds,
  workspace: string,
  week: string,
  work: (claimedAt: number) => Promise<DigestResult>,
): Promise<DigestResult> {
  const result = await holdingClaim(deps, deps.digests.claimKey(workspace, week), work);
  return result === 'claimed-elsewhere' ? { outcome: 'claimed-elsewhere' } : result;
}

/**
 * The scheduled digest of one workspace, as of now: posts it if due (once across every instance,
 * never twice: claim, then look again under the claim), records a missed week, or does nothing.
 */
export async function runScheduledDigest(deps: DigestNeeds, id: string): Promise<DigestResult> {
  const notDue = { outcome: 'not-due' } as const;
  const first = await deps.digests.schedule(id);
  if (!goesOutByItself(first)) return notDue;
  const workspace = await deps.workspace(id);
  const week = digestWeek(deps.now(), first, workspace);
  if (decide(deps.now(), first, week, await deps.digests.week(id, week.week)).kind === 'idle') return notDue;
  return underClaim(deps, id, week.week, async (claimedAt) => {
    // Another instance may have finished this week between our first look and our claim.
    const schedule = first;
    const previous = await deps.digests.week(id, week.week);
    const decision = decide(deps.now(), schedule, week, previous);
    if (decision.kind === 'idle' || decision.kind === 'retry-later') return notDue;
    const job: Job = { workspace, schedule, week, previous, manual: false };
    if (decision.kind === 'uncertain' && previous) {
      // Its sender held this claim while posting and no longer does: it died, or stalled past the lease.
      const sent = { channelId: previous.channelId ?? schedule.channelId, at: previous.sentAt ?? previous.updatedAt };
      return unconfirmed(deps, job, { kind: 'interrupted', detail: '' }, { ...sent, attempts: previous.attempts });
    }
    if (decision.kind === 'missed') {
      // What kept it from going out, if anything was tried: Home says "missed (Tellody could not be reached)".
      const why = previous?.problem ? { problem: previous.problem } : {};
      await deps.digests.setWeek(
        id,
        record(job, deps.now(), { state: 'missed', attempts: previous?.attempts ?? 0, ...why }),
      );
      deps.logger.warn(`digest ${id} ${week.week}: missed (not posted within 24 hours)`);
      return { outcome: 'missed' };
    }
    return deliver(deps, job, claimedAt);
  });
}

/** Last week's digest as of now: what Send now posts and Preview shows. */
function weekAsOfNow(deps: DigestNeeds, workspace: JobWorkspace): DigestWeek {
  const now = deps.now();
  const period = reportedWeek(now, workspace);
  return { occurrence: now, period, week: weekKey(period) };
}

/** "Send now": last week's digest as of now, at once, recorded for its week so the schedule does not repeat it. */
export async function sendDigestNow(deps: DigestNeeds, id: string): Promise<DigestResult | 'not-set-up'> {
  const schedule = await deps.digests.schedule(id);
  if (!schedule || schedule.paused) return 'not-set-up';
  const workspace = await deps.workspace(id);
  const week = weekAsOfNow(deps, workspace);
  return underClaim(deps, id, week.week, async (claimedAt) => {
    const previous = await deps.digests.week(id, week.week);
    return deliver(deps, { workspace, schedule, week, previous, manual: true }, claimedAt);
  });
}

/** "Preview": exactly the message Send now would post, for the admin alone. */
export async function previewDigest(deps: DigestNeeds, id: string): Promise<Composed | 'not-set-up'> {
  const schedule = await deps.digests.schedule(id);
  if (!schedule) return 'not-set-up';
  const workspace = await deps.workspace(id);
  return composeDigest(deps, workspace, schedule, weekAsOfNow(deps, workspace));
}
