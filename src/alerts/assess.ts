import type { AlertMeasure, Sensitivity } from '../store/alert-settings.js';
import type { AlertFinding, HourPoint } from '../views/alert-message.js';
import { bandOf, type Direction, type Judgement, judge, median, usualOf } from './detect.js';
import { countBy, type HourlyDay, quietSince, recordedHistory } from './local-hours.js';

/** Which way each measure is watched: opt-outs going up, new contacts stopping, contacts served either way. */
export const WATCHED: Readonly<Record<AlertMeasure, Direction>> = {
  contactsBlocked: 'up',
  contactsAdded: 'down',
  contactsServed: 'either',
};

export interface DayInput {
  readonly today: HourlyDay;
  /** The same weekday in earlier weeks, oldest first. */
  readonly weeksBefore: readonly HourlyDay[];
  /** The last whole local hour: counts compare "by" it. */
  readonly hour: number;
  readonly weekday: number;
  readonly zone: string;
  readonly sensitivity: Sensitivity;
}

export interface Assessment {
  readonly judgement: Judgement;
  /** What an alert or a "back to normal" says and draws. */
  readonly finding: AlertFinding;
}

/** Today and the usual band by each local hour, 1 to 24, for the chart; today stops at the last whole hour. */
function hourPoints(input: DayInput, history: readonly HourlyDay[], measure: AlertMeasure): HourPoint[] {
  return Array.from({ length: 24 }, (_, i) => {
    const hour = i + 1;
    const usual = usualOf(history.map((day) => countBy(day, measure, hour, input.zone)));
    const band = bandOf(usual, input.sensitivity);
    const today = hour <= input.hour ? countBy(input.today, measure, hour, input.zone) : null;
    return { hour, today, median: usual.median, low: band.low, high: band.high };
  });
}

/** Each earlier day's count from `quiet`:00 to `hour`:00: what the same hours usually bring. */
function countsWhileQuiet(input: DayInput, history: readonly HourlyDay[], measure: AlertMeasure, quiet: number) {
  const { hour, zone } = input;
  return history.map((day) => countBy(day, measure, hour, zone) - countBy(day, measure, quiet, zone));
}

/** One measure today against its usual, with everything an alert about it would say. */
export function assess(input: DayInput, measure: AlertMeasure): Assessment {
  const history = recordedHistory(input.weeksBefore);
  const observed = countBy(input.today, measure, input.hour, input.zone);
  const usual = history.map((day) => countBy(day, measure, input.hour, input.zone));
  const quiet = quietSince(input.today, measure, input.hour, input.zone);
  // A measure watched going down that has stopped is also judged over its quiet hours alone: the
  // day's running total hides a stop that starts after a busy morning (a form broken at 13:00: 146
  // by 16:00 against a usual 245 is inside a lively workspace's band), but hours with none where the
  // same weekdays had dozens do not happen by chance.
  const during = quiet && WATCHED[measure] !== 'up' ? countsWhileQuiet(input, history, measure, quiet) : null;
  const overDay = judge(observed, usual, WATCHED[measure], input.sensitivity);
  const stopped = during !== null && judge(0, during, 'down', input.sensitivity).kind === 'anomalous';
  const judgement: Judgement =
    overDay.kind !== 'too-little-history' && overDay.kind !== 'anomalous' && stopped
      ? { ...overDay, kind: 'anomalous', way: 'down' }
      : overDay;
  const finding: AlertFinding = {
    measure,
    way: judgement.kind === 'too-little-history' ? 'up' : judgement.way,
    observed,
    usual: judgement.kind === 'too-little-history' ? 0 : judgement.usual.median,
    ratio: judgement.kind === 'too-little-history' ? null : judgement.ratio,
    hour: input.hour,
    weekday: input.weekday,
    quietSince: quiet,
    usualWhileQuiet: during ? median(during) : null,
    weeks: history.length,
    sensitivity: input.sensitivity,
    hours: hourPoints(input, history, measure),
  };
  return { judgement, finding };
}

/** Usual days on record for today's weekday (fewer than MIN_HISTORY: the alerts stay quiet). */
export function historyDays(input: Pick<DayInput, 'weeksBefore'>): number {
  return recordedHistory(input.weeksBefore).length;
}
