import type { Weekday } from '../period/calendar.js';

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

export type WeekState = 'posted' | 'waiting' | 'stopped' | 'missed';

/** What a failed attempt was about, for Home and the logs (never a secret). */
export interface DigestProblem {
  readonly kind:
    | 'tellody-unavailable'
    | 'tellody-credentials'
    | 'tellody-rejected'
    | 'not-connected'
    | 'slack-error'
    | 'slack-auth';
  readonly detail: string;
}

/** One week's digest: delivered (with where), still being retried, stopped, or missed. */
export interface WeekRecord {
  /** The reported week's first local date, "2026-11-23". */
  readonly week: string;
  /** When the slot came round (or when Send now was pressed). */
  readonly occurrence: number;
  readonly state: WeekState;
  readonly attempts: number;
  readonly updatedAt: number;
  readonly postedAt?: number | undefined;
  readonly channelId?: string | undefined;
  readonly ts?: string | undefined;
  readonly permalink?: string | undefined;
  /** The first failed attempt: "waiting for Tellody since …". */
  readonly failingSince?: number | undefined;
  readonly nextAttemptAt?: number | undefined;
  readonly problem?: DigestProblem | undefined;
}
