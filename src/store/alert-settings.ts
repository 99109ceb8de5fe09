import { z } from 'zod';
import { CLOCK_TIME_PATTERN } from '../period/calendar.js';
import { type PauseReason, postingFields, TELLODY_PROBLEMS } from './digest-schedules.js';
import { DueWorkspaces } from './due-workspaces.js';
import { workspaceKey } from './keys.js';
import type { Store } from './open-store.js';

/** The measures same-day alerts can watch, as Tellody names them: opt-outs, new contacts, contacts served. */
export const ALERT_MEASURES = ['contactsBlocked', 'contactsAdded', 'contactsServed'] as const;
export type AlertMeasure = (typeof ALERT_MEASURES)[number];

/** How readily an alert fires; what each means is `alerts/detect.ts`'s `SENSITIVITY`. */
export const SENSITIVITIES = ['low', 'normal', 'high'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

/** Local wall-clock times, "HH:mm": no alert from `from` until `to` (across midnight when `to` is earlier). */
export interface QuietHours {
  readonly from: string;
  readonly to: string;
}

/** A workspace's same-day alerts, as its admins set them up. Times are in the workspace's report zone. */
export interface AlertSettings {
  readonly measures: Readonly<Record<AlertMeasure, boolean>>;
  readonly channelId: string;
  /** For showing ("#marketing"); the channel is always addressed by id. */
  readonly channelName: string;
  readonly sensitivity: Sensitivity;
  readonly quietHours?: QuietHours | undefined;
  /** Who saved them: told when they pause. */
  readonly setUpBy: string;
  readonly teamId: string;
  readonly appId: string;
  readonly paused?: { readonly reason: PauseReason; readonly at: number } | undefined;
}

/** One alert: posted for a measure on a local day, open until the measure is back to normal. */
export interface Episode {
  readonly measure: AlertMeasure;
  /** When it was posted. */
  readonly openedAt: number;
  /** The local wall hour it compared by ("by 11:00" is 11). */
  readonly hour: number;
  readonly channelId: string;
  readonly ts: string;
  readonly permalink?: string | undefined;
  /** The alert's own words, for the Home tab. */
  readonly summary: string;
  /** For an alert about a stop ("none since 09:00"): that hour. It is over once they come in again. */
  readonly stoppedSince?: number | undefined;
  /** When the "back to normal" reply went out, and the hour it compared by. */
  readonly closedAt?: number | undefined;
  readonly closedHour?: number | undefined;
  /**
   * Sent, but Slack never said whether it took it (its sender died, or Slack did not answer): it
   * may not be in the channel, and it has no known `ts` (no thread to reply in). It still counts
   * as the day's alert for its measure, so it is never posted twice.
   */
  readonly uncertain?: boolean | undefined;
}

/**
 * A post on its way to Slack, written just before it leaves: what the episode will be once Slack
 * takes it (an alert's without its `ts`), so that whoever checks next knows it may have gone out.
 */
export interface PostingAlert {
  readonly kind: 'alert' | 'back-to-normal';
  readonly at: number;
  readonly episode: Episode;
}

/** Why the latest check could not look: the workspace's Tellody, or none connected. */
export interface AlertProblem {
  readonly kind:
    | 'tellody-unavailable'
    | 'tellody-credentials'
    | 'tellody-rejected'
    | 'not-connected'
    | 'login-unreadable';
  readonly detail: string;
  readonly since: number;
}

/** What the checks know of a workspace's day. Written only under the workspace's alert claim. */
export interface AlertState {
  /** The local date the episodes belong to, "2026-11-30"; a new day starts afresh. */
  readonly day: string;
  /** The 15-minute slot of the latest check: one check per slot, however many instances tick. */
  readonly checkedSlot: number;
  readonly checkedAt: number;
  /** The latest episode of each measure today. */
  readonly episodes: Readonly<Partial<Record<AlertMeasure, Episode>>>;
  /** Usual days on record for the weekday, when fewer than the alerts need (they stay quiet). */
  readonly historyDays?: number | undefined;
  readonly problem?: AlertProblem | undefined;
  /** The latest alert on any day, for the Home tab. */
  readonly last?: Episode | undefined;
  /** A post sent and not yet answered by Slack; left behind only by a check that died meanwhile. */
  readonly posting?: PostingAlert | undefined;
}

/** Which workspaces have alerts set up, and when each next needs a check: what the scheduler reads. */
const NAMES = { enrolled: 'alerts:workspaces', index: 'alerts:due' } as const;

const measureSchema = z.enum(ALERT_MEASURES);
const clock = z.string().regex(CLOCK_TIME_PATTERN);

const settingsSchema = z.object({
  measures: z.object({ contactsBlocked: z.boolean(), contactsAdded: z.boolean(), contactsServed: z.boolean() }),
  channelId: z.string().min(1),
  channelName: z.string(),
  sensitivity: z.enum(SENSITIVITIES),
  quietHours: z.object({ from: clock, to: clock }).optional(),
  ...postingFields,
});

const episodeSchema = z.object({
  measure: measureSchema,
  openedAt: z.number(),
  hour: z.number().int().min(0).max(24),
  channelId: z.string(),
  ts: z.string(),
  permalink: z.string().optional(),
  summary: z.string(),
  stoppedSince: z.number().int().min(0).max(24).optional(),
  closedAt: z.number().optional(),
  closedHour: z.number().int().min(0).max(24).optional(),
  uncertain: z.boolean().optional(),
});

const stateSchema = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  checkedSlot: z.number(),
  checkedAt: z.number(),
  episodes: z.object({
    contactsBlocked: episodeSchema.optional(),
    contactsAdded: episodeSchema.optional(),
    contactsServed: episodeSchema.optional(),
  }),
  historyDays: z.number().int().min(0).optional(),
  problem: z
    .object({
      kind: z.enum(TELLODY_PROBLEMS),
      detail: z.string(),
      since: z.number(),
    })
    .optional(),
  last: episodeSchema.optional(),
  posting: z.object({ kind: z.enum(['alert', 'back-to-normal']), at: z.number(), episode: episodeSchema }).optional(),
});

/**
 * Alert settings, the checks' state and the day's mutes, by workspace. Reads and writes throw: a
 * lost "alert posted" would post it again. Mutes are a set (any instance may add one while a check
 * writes the state); a state is written only by the holder of the workspace's alert claim.
 */
export class AlertRepository {
  /** The workspaces with alerts, by when each next needs a check. */
  readonly due: DueWorkspaces;

  constructor(private readonly store: Store) {
    this.due = new DueWorkspaces(store, NAMES);
  }

  /** One check of a workspace at a time, across every instance. */
  claimKey(workspace: string): string {
    return workspaceKey(workspace, 'alerts', 'claim');
  }

  async settings(workspace: string): Promise<AlertSettings | undefined> {
    return this.read(workspace, 'settings', settingsSchema) as Promise<AlertSettings | undefined>;
  }

  /** Saves the settings and puts the workspace on the scheduler's list, due at once (its next tick places it). */
  async setSettings(workspace: string, settings: AlertSettings): Promise<void> {
    await this.store.keyv.set(workspaceKey(workspace, 'alerts', 'settings'), settingsSchema.parse(settings));
    await this.due.enroll(workspace);
  }

  async enrolled(): Promise<string[]> {
    return this.due.enrolled();
  }

  async state(workspace: string): Promise<AlertState | undefined> {
    return this.read(workspace, 'state', stateSchema) as Promise<AlertState | undefined>;
  }

  async setState(workspace: string, state: AlertState): Promise<void> {
    await this.store.keyv.set(workspaceKey(workspace, 'alerts', 'state'), stateSchema.parse(state));
  }

  /** A stored value that no longer fits its schema reads as none (an admin sets it up again). */
  private async read(workspace: string, part: string, schema: z.ZodType): Promise<unknown> {
    const raw = await this.store.keyv.get(workspaceKey(workspace, 'alerts', part));
    const parsed = raw === undefined ? undefined : schema.safeParse(raw);
    return parsed?.success ? parsed.data : undefined;
  }

  /** Mutes a measure's alerts for the rest of a local day. */
  async mute(workspace: string, day: string, measure: AlertMeasure): Promise<void> {
    await this.store.sets.add(workspaceKey(workspace, 'alerts', 'muted'), `${day}|${measure}`);
  }

  /** The measures muted on a local day; mutes of earlier days are dropped on the way. */
  async mutedOn(workspace: string, day: string): Promise<Set<AlertMeasure>> {
    const set = workspaceKey(workspace, 'alerts', 'muted');
    const muted = new Set<AlertMeasure>();
    for (const member of await this.store.sets.members(set)) {
      const [mutedDay, measure] = member.split('|');
      if (mutedDay === day && measureSchema.safeParse(measure).success) muted.add(measure as AlertMeasure);
      else if ((mutedDay ?? '') < day) await this.store.sets.remove(set, member);
    }
    return muted;
  }

  /** Everything of a workspace's alerts: settings, state, mutes, claims, its place on the list and in the index. */
  async forget(workspace: string): Promise<void> {
    const muted = workspaceKey(workspace, 'alerts', 'muted');
    for (const member of await this.store.sets.members(muted)) await this.store.sets.remove(muted, member);
    await this.store.keyv.delete(workspaceKey(workspace, 'alerts', 'settings'));
    await this.store.keyv.delete(workspaceKey(workspace, 'alerts', 'state'));
    await this.store.claims.forget(this.claimKey(workspace));
    await this.due.drop(workspace);
  }
}
