import { holdingClaim, pastHalfLease } from '../jobs/claim.js';
import type { JobWorkspace } from '../jobs/job-needs.js';
import { throughStoreOutage } from '../jobs/outage-retry.js';
import { postToChannel, tellPeople } from '../jobs/post.js';
import { tellodyFailure } from '../report/build-report.js';
import {
  ALERT_MEASURES,
  type AlertMeasure,
  type AlertProblem,
  type AlertSettings,
  type AlertState,
  type Episode,
  type PostingAlert,
} from '../store/alert-settings.js';
import type { PauseReason } from '../store/digest-schedules.js';
import { alertChartUrl } from '../views/alert-chart.js';
import { type AlertFinding, alertHeadline, buildAlertMessage, buildBackToNormal } from '../views/alert-message.js';
import { buildAlertsPausedNotice } from '../views/alert-notices.js';
import type { SlackMessage } from '../views/report-message.js';
import type { AlertNeeds } from './alert-needs.js';
import { assess, type DayInput, historyDays } from './assess.js';
import { fetchDays } from './fetch-days.js';
import { type Today, todayAt } from './local-hours.js';
import { inQuietHours } from './quiet-hours.js';

/** Checks come round about this often; one per workspace per slot of this length, across instances. */
export const CHECK_EVERY_MS = 15 * 60_000;

export type AlertOutcome =
  /** Looked, and posted whatever was due (maybe nothing). */
  | 'checked'
  /** No measure on, or not set up. */
  | 'off'
  | 'paused'
  | 'quiet-hours'
  /** Before 01:00: no whole hour to compare yet. */
  | 'too-early'
  /** Another instance holds the workspace's claim, or already checked it in this slot. */
  | 'claimed-elsewhere'
  | 'checked-already'
  /** Tellody could not be read, or no account is connected: nothing posted, nothing cleared. */
  | 'no-data'
  /** The post could not be made now (Slack busy, half the lease gone): the next check tries again. */
  | 'retry-later'
  /** A post went out and Slack never confirmed it: recorded as maybe sent, never sent again. */
  | 'uncertain';

export interface AlertCheckResult {
  readonly outcome: AlertOutcome;
  readonly alerted?: readonly AlertMeasure[];
  readonly cleared?: readonly AlertMeasure[];
}

/** One check of one workspace: what it works on, and the state it keeps up to date as it goes. */
interface Check {
  readonly deps: AlertNeeds;
  readonly workspace: JobWorkspace;
  readonly settings: AlertSettings;
  readonly today: Today;
  readonly claimedAt: number;
  state: AlertState;
}

/** The measures the alerts watch; none means they are off. */
export const watched = (settings: AlertSettings) => ALERT_MEASURES.filter((m) => settings.measures[m]);

/** The state for `today`: yesterday's episodes are over (a new day compares afresh); the last alert stays for Home. */
function stateFor(previous: AlertState | undefined, today: Today): AlertState {
  if (previous?.day === today.date) return previous;
  return {
    day: today.date,
    checkedSlot: -1,
    checkedAt: 0,
    episodes: {},
    ...(previous?.last ? { last: previous.last } : {}),
    ...(previous?.problem ? { problem: previous.problem } : {}),
  };
}

async function save(check: Check, changes: Partial<AlertState>): Promise<void> {
  check.state = { ...check.state, ...changes };
  await check.deps.alerts.setState(check.workspace.id, check.state);
}

/** A save around a post (that it is on its way, that Slack took it), tried again through a passing store outage. */
async function keep(check: Check, changes: Partial<AlertState>): Promise<void> {
  await throughStoreOutage(() => save(check, changes), {
    onOutage: (error) => check.deps.logger.warn(`alerts ${check.workspace.id}: store not answering (${String(error)})`),
  });
}

/**
 * A post left behind as on its way: the check that sent it died before Slack answered, so it may
 * be in the channel. An alert counts as the day's (never posted again, no thread to reply in); a
 * "back to normal" counts as said.
 */
function settleInterrupted(state: AlertState | undefined, logger: AlertNeeds['logger'], id: string) {
  if (!state?.posting) return state;
  const { kind, episode } = state.posting;
  logger.warn(`alerts ${id}: a ${kind} about ${episode.measure} may not have gone out (its check stopped mid-post)`);
  const settled: Episode = kind === 'alert' ? { ...episode, uncertain: true } : episode;
  const last = kind === 'alert' || state.last?.ts === episode.ts ? settled : state.last;
  return { ...state, posting: undefined, episodes: { ...state.episodes, [episode.measure]: settled }, last };
}

/** Pauses the alerts when their channel cannot take them, and tells whoever set them up. Never resumes by itself. */
export async function pauseAlerts(
  deps: AlertNeeds,
  workspace: JobWorkspace,
  settings: AlertSettings,
  reason: PauseReason,
): Promise<void> {
  await deps.alerts.setSettings(workspace.id, { ...settings, paused: { reason, at: deps.now() } });
  const notice = buildAlertsPausedNotice({ channelId: settings.channelId, reason });
  await tellPeople(deps, workspace.id, [settings.setUpBy, workspace.installerUserId], notice);
  deps.logger.warn(`alerts ${workspace.id}: paused, ${reason}`);
}

/** The alerts' channel was archived (the `channel_archive` event): pause now rather than fail at the next alert. */
export async function pauseIfAlertsChannel(deps: AlertNeeds, id: string, channel: string): Promise<boolean> {
  const settings = await deps.alerts.settings(id);
  if (!settings || settings.channelId !== channel || settings.paused) return false;
  await pauseAlerts(deps, await deps.workspace(id), settings, 'is_archived');
  return true;
}

type Posted =
  | { readonly ok: true; readonly ts: string; readonly permalink?: string | undefined }
  | { readonly ok: false; readonly outcome: 'paused' | 'retry-later' | 'uncertain' };

/**
 * Posts under the claim: never past half its lease; a channel that cannot take it pauses the
 * alerts. Just before the post leaves, `posting` is recorded (what a successor must not post
 * again); the caller records the outcome, clearing it.
 */
async function post(
  check: Check,
  channel: string,
  message: SlackMessage,
  posting: PostingAlert,
  threadTs?: string,
): Promise<Posted> {
  const { deps, workspace } = check;
  if (pastHalfLease(check.claimedAt, deps.leaseMs)) return { ok: false, outcome: 'retry-later' };
  const client = await deps.slack(workspace.id);
  if (!client) return { ok: false, outcome: 'retry-later' };
  const beforeSend = () => keep(check, { posting: { ...posting, at: deps.now() } });
  const posted = await postToChannel(client, channel, message, deps.pacer, { threadTs, beforeSend });
  if (posted.ok) return posted;
  if (posted.kind === 'uncertain') {
    deps.logger.warn(`alerts ${workspace.id}: Slack never confirmed a post (${posted.detail}); it is not sent again`);
    return { ok: false, outcome: 'uncertain' };
  }
  await save(check, { posting: undefined }); // refused or never arrived: nothing was posted
  if (posted.kind === 'pause') {
    await pauseAlerts(deps, workspace, check.settings, posted.reason);
    return { ok: false, outcome: 'paused' };
  }
  deps.logger.warn(`alerts ${workspace.id}: Slack refused a post (${posted.detail}); the next check tries again`);
  return { ok: false, outcome: 'retry-later' };
}

async function openEpisode(check: Check, finding: AlertFinding): Promise<Posted> {
  const { deps, settings, today } = check;
  const chartUrl = alertChartUrl(finding, deps.chartHost);
  const planned: Episode = {
    measure: finding.measure,
    openedAt: deps.now(),
    hour: finding.hour,
    channelId: settings.channelId,
    ts: '',
    summary: alertHeadline(finding),
    ...(finding.way === 'down' && finding.quietSince ? { stoppedSince: finding.quietSince } : {}),
  };
  const message = buildAlertMessage({ finding, day: today.date, chartUrl });
  const posted = await post(check, settings.channelId, message, {
    kind: 'alert',
    at: planned.openedAt,
    episode: planned,
  });
  if (!posted.ok && posted.outcome !== 'uncertain') return posted;
  const episode: Episode = posted.ok
    ? { ...planned, openedAt: deps.now(), ts: posted.ts, ...(posted.permalink ? { permalink: posted.permalink } : {}) }
    : { ...planned, uncertain: true };
  const episodes = { ...check.state.episodes, [finding.measure]: episode };
  await keep(check, { episodes, last: episode, posting: undefined });
  if (posted.ok) deps.logger.info(`alerts ${check.workspace.id} ${today.date}: ${finding.measure} alert posted`);
  return posted;
}

async function closeEpisode(check: Check, episode: Episode, finding: AlertFinding, resumed: boolean): Promise<Posted> {
  const closed: Episode = { ...episode, closedAt: check.deps.now(), closedHour: finding.hour };
  const last = check.state.last?.ts === episode.ts ? closed : check.state.last;
  // An alert that may not have gone out has no thread to reply in: it closes quietly.
  const posted: Posted = episode.uncertain
    ? { ok: true, ts: '' }
    : await post(
        check,
        episode.channelId,
        buildBackToNormal(finding, { resumed }),
        {
          kind: 'back-to-normal',
          at: closed.closedAt ?? 0,
          episode: closed,
        },
        episode.ts,
      );
  if (!posted.ok && posted.outcome !== 'uncertain') return posted;
  await keep(check, { episodes: { ...check.state.episodes, [episode.measure]: closed }, last, posting: undefined });
  return posted;
}

/** The day's numbers, or why there are none (recorded for Home; nothing is posted and nothing cleared). */
async function daysOrProblem(check: Check): Promise<Pick<DayInput, 'today' | 'weeksBefore'> | AlertProblem> {
  const { deps, workspace, today } = check;
  const since = check.state.problem?.since ?? deps.now();
  const source = await deps.source(workspace);
  if (typeof source === 'string') return { kind: source, detail: '', since };
  const calendar = { zone: workspace.zone, weekStart: workspace.weekStart };
  try {
    return await fetchDays(
      { workspace: workspace.id, source, fetcher: deps.fetcher, now: deps.now() },
      today,
      calendar,
    );
  } catch (error) {
    const failure = tellodyFailure(error);
    if (!failure) throw error;
    const kind = failure.kind === 'tellody-garbled' ? 'tellody-unavailable' : failure.kind;
    return { kind, detail: failure.detail.slice(0, 200), since };
  }
}

/** Under the claim: read the day, then post each measure's alert or "back to normal" as it comes due. */
async function check(check: Check): Promise<AlertCheckResult> {
  const { deps, workspace, settings, today } = check;
  const days = await daysOrProblem(check);
  if ('kind' in days) {
    await save(check, { problem: days });
    deps.logger.warn(`alerts ${workspace.id}: no check (${days.kind} ${days.detail})`);
    return { outcome: 'no-data' };
  }
  const { hour, weekday } = today;
  const input: DayInput = { ...days, hour, weekday, zone: workspace.zone, sensitivity: settings.sensitivity };
  await save(check, { problem: undefined, historyDays: historyDays(input) });
  const muted = await deps.alerts.mutedOn(workspace.id, today.date);
  const alerted: AlertMeasure[] = [];
  const cleared: AlertMeasure[] = [];
  for (const measure of watched(settings)) {
    const { judgement, finding } = assess(input, measure);
    const episode = check.state.episodes[measure];
    const open = episode !== undefined && episode.closedAt === undefined;
    // A stop is over once they come in again, though the day's total may stay low until evening.
    const resumed = open && episode.stoppedSince !== undefined && finding.quietSince === null;
    let posted: Posted | null = null;
    if (judgement.kind === 'anomalous' && !open && !muted.has(measure)) posted = await openEpisode(check, finding);
    else if (open && (judgement.kind === 'normal' || (resumed && judgement.kind !== 'anomalous')))
      posted = await closeEpisode(check, episode, finding, resumed);
    if (posted?.ok) (open ? cleared : alerted).push(measure);
    // Whatever stopped this post (a paused channel, Slack busy or silent) stops the others too, until the next check.
    if (posted && !posted.ok) return { outcome: posted.outcome, alerted, cleared };
  }
  return { outcome: 'checked', alerted, cleared };
}

/**
 * The alert check of one workspace as of now: today's count of each measure it watches against
 * the same weekday in recent weeks; an alert when one turns unusual, a "back to normal" reply when
 * it settles. One check per workspace per 15-minute slot across every instance (the claim, then
 * the slot looked up again under it); each post recorded as soon as Slack accepts it.
 */
export async function runAlertCheck(deps: AlertNeeds, id: string): Promise<AlertCheckResult> {
  const settings = await deps.alerts.settings(id);
  if (!settings || watched(settings).length === 0) return { outcome: 'off' };
  if (settings.paused) return { outcome: 'paused' };
  const workspace = await deps.workspace(id);
  const now = deps.now();
  if (inQuietHours(now, settings.quietHours, workspace.zone)) return { outcome: 'quiet-hours' };
  const today = todayAt(now, workspace.zone);
  if (today.hour === 0) return { outcome: 'too-early' };
  const slot = Math.floor(now / CHECK_EVERY_MS);
  const result = await holdingClaim(deps, deps.alerts.claimKey(id), async (claimedAt) => {
    const state = stateFor(settleInterrupted(await deps.alerts.state(id), deps.logger, id), today);
    if (state.checkedSlot === slot) return { outcome: 'checked-already' } as const;
    const started: Check = { deps, workspace, settings, today, claimedAt, state };
    await save(started, { checkedSlot: slot, checkedAt: now });
    return check(started);
  });
  return result === 'claimed-elsewhere' ? { outcome: 'claimed-elsewhere' } : result;
}
