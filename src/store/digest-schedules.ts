import { z } from 'zod';
import { CLOCK_TIME_PATTERN, type Weekday } from '../period/calendar.js';
import { DueWorkspaces } from './due-workspaces.js';
import { workspaceKey } from './keys.js';
import type { Store } from './open-store.js';

/** Why a digest stopped going out until an admin acts. */
export type PauseReason = 'channel_not_found' | 'is_archived' | 'not_in_channel';

/** A workspace's weekly digest, as its admins set it up. The zone and week start are the workspace's settings. */
export interface DigestSchedule {
  readonly enabled: boolean;
  readonly channelId: string;
  /** For showing ("#marketing"); the channel is always addressed by id. */
  readonly channelName: string;
  readonly day: Weekday;
  /** "HH:mm" in the workspace's report zone. */
  readonly time: string;
  /** Times before this never count as due or missed: a digest set up on Wednesday does not owe Monday's. */
  readonly activeSince: number;
  /** Who saved it: told when it pauses. */
  readonly setUpBy: string;
  /** For the "Open Contacts" link (slack://app?team=…&id=…). */
  readonly teamId: string;
  readonly appId: string;
  readonly paused?: { readonly reason: PauseReason; readonly at: number } | undefined;
}

/**
 * `posting`: an instance is sending it to Slack right now (written just before the post leaves).
 * `uncertain`: it was sent but nobody heard whether Slack took it (the instance died mid-post, or
 * Slack never answered): it may be in the channel, so it is not sent again by itself.
 */
export type WeekState = 'posted' | 'posting' | 'uncertain' | 'waiting' | 'stopped' | 'missed';

/** What a failed attempt was about, for Home and the logs (never a secret). */
export interface DigestProblem {
  readonly kind:
    | 'tellody-unavailable'
    | 'tellody-credentials'
    | 'tellody-rejected'
    | 'login-unreadable'
    | 'not-connected'
    | 'slack-error'
    | 'slack-auth'
    /** Slack took the post but never said so (a timeout, a 5xx, `internal_error`): `uncertain`. */
    | 'slack-unconfirmed'
    /** The instance posting it stopped before Slack answered: `uncertain`. */
    | 'interrupted';
  readonly detail: string;
}

/** One week's digest: delivered (with where), on its way, maybe delivered, still being retried, stopped, or missed. */
export interface WeekRecord {
  /** The reported week's first local date, "2026-11-23". */
  readonly week: string;
  /** When the slot came round (or when Send now was pressed). */
  readonly occurrence: number;
  readonly state: WeekState;
  readonly attempts: number;
  readonly updatedAt: number;
  readonly postedAt?: number | undefined;
  /** Where it was posted (or, while `posting` and `uncertain`, sent). */
  readonly channelId?: string | undefined;
  readonly ts?: string | undefined;
  readonly permalink?: string | undefined;
  /** When the latest post left for Slack. */
  readonly sentAt?: number | undefined;
  /** The first failed attempt: "waiting for Tellody since …". */
  readonly failingSince?: number | undefined;
  readonly nextAttemptAt?: number | undefined;
  readonly problem?: DigestProblem | undefined;
}

/** Which workspaces have a digest set up, and when each is next due (what the scheduler reads each minute). */
const NAMES = { enrolled: 'digest:workspaces', index: 'digest:due' } as const;
/** Weeks of delivery log kept per workspace: enough for Home's "last delivery" and some history. */
const KEPT_WEEKS = 12;

/** Why Tellody's numbers could not be had, for anything that reads them on its own (the digest, the alerts). */
export const TELLODY_PROBLEMS = [
  'tellody-unavailable',
  'tellody-credentials',
  'tellody-rejected',
  'login-unreadable',
  'not-connected',
] as const;

/**
 * What anything that posts to a channel on its own keeps besides the channel (the digest, the
 * alerts): who set it up (told when it pauses), the link into the app, and why it is paused.
 */
export const postingFields = {
  setUpBy: z.string(),
  teamId: z.string(),
  appId: z.string(),
  paused: z
    .object({ reason: z.enum(['channel_not_found', 'is_archived', 'not_in_channel']), at: z.number() })
    .optional(),
};

const scheduleSchema = z.object({
  enabled: z.boolean(),
  channelId: z.string().min(1),
  channelName: z.string(),
  day: z.number().int().min(0).max(6),
  time: z.string().regex(CLOCK_TIME_PATTERN),
  activeSince: z.number(),
  ...postingFields,
});

const recordSchema = z.object({
  week: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  occurrence: z.number(),
  state: z.enum(['posted', 'posting', 'uncertain', 'waiting', 'stopped', 'missed']),
  attempts: z.number().int().min(0),
  updatedAt: z.number(),
  postedAt: z.number().optional(),
  channelId: z.string().optional(),
  ts: z.string().optional(),
  permalink: z.string().optional(),
  sentAt: z.number().optional(),
  failingSince: z.number().optional(),
  nextAttemptAt: z.number().optional(),
  problem: z
    .object({
      kind: z.enum([...TELLODY_PROBLEMS, 'slack-error', 'slack-auth', 'slack-unconfirmed', 'interrupted']),
      detail: z.string(),
    })
    .optional(),
});

/**
 * Digest schedules and their delivery log, by workspace. Reads and writes throw: a schedule or a
 * delivery record must never be lost or invented silently (a lost "posted" would post twice).
 */
export class DigestRepository {
  /** The workspaces with a digest, by when each is next due. */
  readonly due: DueWorkspaces;

  constructor(private readonly store: Store) {
    this.due = new DueWorkspaces(store, NAMES);
  }

  claimKey(workspace: string, week: string): string {
    return workspaceKey(workspace, 'digest', 'claim', week);
  }

  async schedule(workspace: string): Promise<DigestSchedule | undefined> {
    const parsed = scheduleSchema.safeParse(await this.store.keyv.get(workspaceKey(workspace, 'digest', 'schedule')));
    return parsed.success ? (parsed.data as DigestSchedule) : undefined;
  }

  /** Saves a schedule and puts the workspace on the scheduler's list, due at once (its next tick places it). */
  async setSchedule(workspace: string, schedule: DigestSchedule): Promise<void> {
    await this.store.keyv.set(workspaceKey(workspace, 'digest', 'schedule'), scheduleSchema.parse(schedule));
    await this.due.enroll(workspace);
  }

  async enrolled(): Promise<string[]> {
    return this.due.enrolled();
  }

  async week(workspace: string, week: string): Promise<WeekRecord | undefined> {
    const parsed = recordSchema.safeParse(await this.store.keyv.get(workspaceKey(workspace, 'digest', 'week', week)));
    return parsed.success ? (parsed.data as WeekRecord) : undefined;
  }

  async setWeek(workspace: string, record: WeekRecord): Promise<void> {
    await this.store.keyv.set(workspaceKey(workspace, 'digest', 'week', record.week), recordSchema.parse(record));
    const weeksSet = workspaceKey(workspace, 'digest', 'weeks');
    await this.store.sets.add(weeksSet, record.week);
    // Members come sorted (MemberSets' contract) and a week is named by its first day, YYYY-MM-DD:
    // the oldest come first.
    const weeks = await this.store.sets.members(weeksSet);
    for (const old of weeks.slice(0, Math.max(0, weeks.length - KEPT_WEEKS))) {
      await this.store.keyv.delete(workspaceKey(workspace, 'digest', 'week', old));
      await this.store.sets.remove(weeksSet, old);
    }
  }

  /** Takes a week's record back out (a Send now that Slack refused leaves no trace of trying). */
  async deleteWeek(workspace: string, week: string): Promise<void> {
    await this.store.keyv.delete(workspaceKey(workspace, 'digest', 'week', week));
    await this.store.sets.remove(workspaceKey(workspace, 'digest', 'weeks'), week);
  }

  /** The most recent week on record (whatever its state), for Home. */
  async latestWeek(workspace: string): Promise<WeekRecord | undefined> {
    const latest = (await this.store.sets.members(workspaceKey(workspace, 'digest', 'weeks'))).at(-1);
    return latest === undefined ? undefined : this.week(workspace, latest);
  }

  /** Everything of a workspace's digest: schedule, delivery log, claims, its place on the list and in the index. */
  async forget(workspace: string): Promise<void> {
    const weeksSet = workspaceKey(workspace, 'digest', 'weeks');
    for (const week of await this.store.sets.members(weeksSet)) {
      await this.store.keyv.delete(workspaceKey(workspace, 'digest', 'week', week));
      await this.store.sets.remove(weeksSet, week);
    }
    await this.store.keyv.delete(workspaceKey(workspace, 'digest', 'schedule'));
    await this.store.claims.forget(workspaceKey(workspace, 'digest', 'claim'));
    await this.due.drop(workspace);
  }
}
