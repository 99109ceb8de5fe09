import type { Weekday } from '../period/calendar.js';
import type { Period } from '../period/index.js';
import type { DigestSchedule, WeekRecord } from '../store/digest-schedules.js';
import { latestOccurrence, nextOccurrences, reportedWeek, weekKey } from './schedule.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A digest not out this long after its time is not posted late: it is recorded as missed. */
export const CATCH_UP_MS = 24 * HOUR;

/** Waits between attempts while Tellody (or Slack) keeps failing: 5 min, 15 min, then hourly. */
export function retryDelay(attempts: number): number {
  if (attempts <= 1) return 5 * MINUTE;
  if (attempts === 2) return 15 * MINUTE;
  return HOUR;
}

/** The digest a workspace owes for the week `now` falls in: when its slot came round, and what it reports. */
export interface DigestWeek {
  readonly occurrence: number;
  readonly period: Period;
  readonly week: string;
}

export function digestWeek(
  now: number,
  schedule: Pick<DigestSchedule, 'day' | 'time'>,
  calendar: { zone: string; weekStart: Weekday },
): DigestWeek {
  const occurrence = latestOccurrence(now, schedule, calendar.zone);
  const period = reportedWeek(occurrence, calendar);
  return { occurrence, period, week: weekKey(period) };
}

/** Whether the digest goes out by itself on its slot: set up, switched on and not paused (saving it again places it anew). */
export function goesOutByItself(schedule: DigestSchedule | undefined): schedule is DigestSchedule {
  return schedule?.enabled === true && !schedule.paused;
}

export type DigestDecision =
  | { readonly kind: 'idle' }
  | { readonly kind: 'due' }
  | { readonly kind: 'missed' }
  /** Found `posting` under the claim: its sender is gone, and whether Slack took it is unknown. */
  | { readonly kind: 'uncertain' }
  | { readonly kind: 'retry-later'; readonly at: number };

/**
 * Whether this week's digest should go out now. Due from its time until 24 hours after (a
 * restart catches up); later, missed. A failure waits for its next attempt; a delivery, a stop,
 * a missed week or one that may have gone out is final; one being posted belongs to its sender,
 * and whoever finds it so while holding the week's claim knows the sender is gone: uncertain. A
 * paused or switched-off digest never goes out by itself; a slot that came round before the
 * digest was set up is not owed.
 */
export function decide(
  now: number,
  schedule: DigestSchedule,
  week: DigestWeek,
  record: WeekRecord | undefined,
): DigestDecision {
  if (record?.state === 'posting') return { kind: 'uncertain' };
  if (!goesOutByItself(schedule)) return { kind: 'idle' };
  if (record && record.state !== 'waiting') return { kind: 'idle' };
  if (!record && week.occurrence < schedule.activeSince) return { kind: 'idle' };
  if (now - week.occurrence >= CATCH_UP_MS) return { kind: 'missed' };
  if (record?.nextAttemptAt !== undefined && now < record.nextAttemptAt)
    return { kind: 'retry-later', at: record.nextAttemptAt };
  return { kind: 'due' };
}

/**
 * When the digest next needs a look, as of `now`, from what is stored (`week`: the week `now`
 * falls in, `record`: its record): now when something is to be done (due, missed, found
 * `posting`), the next attempt of one waiting (no later than the end of its 24 hours, when it is
 * recorded missed), else the next time the slot comes round; null when it never goes out by
 * itself (off or paused: saving it again places it anew). Never later than `decide` would act.
 */
export function nextLookAt(
  now: number,
  schedule: DigestSchedule,
  zone: string,
  week: DigestWeek,
  record: WeekRecord | undefined,
): number | null {
  if (!goesOutByItself(schedule)) return null;
  const decision = decide(now, schedule, week, record);
  if (decision.kind === 'idle') return nextOccurrences(now, schedule, zone, 1)[0] ?? now;
  if (decision.kind === 'retry-later') return Math.min(decision.at, week.occurrence + CATCH_UP_MS);
  return now;
}
