import type { KnownBlock } from '@slack/types';
import type { AlertMeasure, Sensitivity } from '../store/alert-settings.js';
import { type AlertChartOptions, alertChartTitle, type HourPoint } from './alert-chart.js';
import { actions, button, context, image, section } from './blocks.js';
import { count, MEASURE_NAMES, percent, weekdayName } from './format.js';
import { ALERT_ACTIONS, ALERT_BLOCKS } from './ids.js';
import type { SlackMessage } from './report-message.js';

export type { HourPoint } from './alert-chart.js';

/** What the alerts found for one measure today: enough to say it in words and draw it. */
export interface AlertFinding extends AlertChartOptions {
  readonly measure: AlertMeasure;
  /** Which way today is from the usual. */
  readonly way: 'up' | 'down';
  /** Today's count by `hour`:00. */
  readonly observed: number;
  /** The usual count by then: the median of the same weekday in earlier weeks. */
  readonly usual: number;
  /** observed ÷ usual; null when the usual is 0. */
  readonly ratio: number | null;
  /** The last whole local hour: counts are compared "by" it. */
  readonly hour: number;
  /** 0 = Sunday. */
  readonly weekday: number;
  /** The local hour since which there have been none today (0: none all day), or null. */
  readonly quietSince: number | null;
  /** The usual count from `quietSince`:00 to `hour`:00 (the median of the same weekdays), or null when not quiet or quiet all day. */
  readonly usualWhileQuiet: number | null;
  /** Usual days the comparison rests on. */
  readonly weeks: number;
  readonly sensitivity: Sensitivity;
  readonly hours: readonly HourPoint[];
}

/** "11:00" */
export function clockHour(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** A usual count as people would say it: "about 30", "about 1,200" (two significant figures; at least 1). */
export function aboutCount(n: number): string {
  if (n <= 0) return 'none';
  const rounded = n < 10 ? Math.max(1, Math.round(n)) : Number(n.toPrecision(2));
  return `about ${count(rounded)}`;
}

const lower = (measure: AlertMeasure) => MEASURE_NAMES[measure].toLowerCase();
const times = (ratio: number) => `${ratio < 10 ? ratio.toFixed(1) : Math.round(ratio)}×`;

/**
 * The alert in one sentence, numbers included: "Opt-outs are 3.1× a usual Tuesday by 11:00: 94
 * against about 30"; "No new contacts since 09:00; a usual Tuesday has about 40 by 11:00".
 */
export function alertHeadline(f: AlertFinding): string {
  const name = MEASURE_NAMES[f.measure];
  const usualDay = `a usual ${weekdayName(f.weekday)}`;
  const by = clockHour(f.hour);
  if (f.way === 'up') {
    if (f.ratio === null) return `${name}: ${count(f.observed)} by ${by}, where ${usualDay} has none by then`;
    return `${name} are ${times(f.ratio)} ${usualDay} by ${by}: ${count(f.observed)} against ${aboutCount(f.usual)}`;
  }
  if (f.quietSince !== null) {
    const since = f.quietSince === 0 ? 'today so far' : `since ${clockHour(f.quietSince)}`;
    // A stop after a busy morning: the hours with none, against the same hours of a usual day.
    const usual =
      f.quietSince > 0 && f.usualWhileQuiet !== null
        ? `${aboutCount(f.usualWhileQuiet)} between ${clockHour(f.quietSince)} and ${by}`
        : `${aboutCount(f.usual)} by ${by}`;
    return `No ${lower(f.measure)} ${since}; ${usualDay} has ${usual}`;
  }
  const below = percent((1 - (f.ratio ?? 0)) * 100);
  return `${name} are ${below} below ${usualDay} by ${by}: ${count(f.observed)} against ${aboutCount(f.usual)}`;
}

/** How the comparison was made, in one line under the chart. */
function method(f: AlertFinding): string {
  const point = f.hours[f.hour - 1];
  const range = point ? ` (usual range ${count(Math.round(point.low))}–${count(Math.round(point.high))})` : '';
  return (
    `Usual: the middle of the last ${f.weeks} ${weekdayName(f.weekday)}s by ${clockHour(f.hour)}${range}; ` +
    `${f.sensitivity} sensitivity. Admins change alerts on the Contacts Home tab.`
  );
}

export interface AlertMessageOptions {
  readonly finding: AlertFinding;
  /** The local date the alert is about, "2026-11-30": the buttons act on it. */
  readonly day: string;
  readonly chartUrl: string;
}

/**
 * An alert in a channel: what is unusual, with the numbers; today against the usual band; and two
 * buttons that answer whoever clicks (the message itself never changes): today by hour, privately,
 * and mute this measure's alerts for the rest of the day.
 */
export function buildAlertMessage(options: AlertMessageOptions): SlackMessage {
  const { finding: f, day } = options;
  const headline = alertHeadline(f);
  const blocks: KnownBlock[] = [
    section(`:rotating_light: *${headline}.*`, ALERT_BLOCKS.summary),
    image(options.chartUrl, `${headline}.`, ALERT_BLOCKS.chart, alertChartTitle(f)),
    context([method(f)], ALERT_BLOCKS.context),
    actions(
      [
        button({ text: 'See today by hour', actionId: ALERT_ACTIONS.today, value: day }),
        button({ text: 'Mute for today', actionId: ALERT_ACTIONS.mute, value: `${day}|${f.measure}` }),
      ],
      ALERT_BLOCKS.actions,
    ),
  ];
  return { text: headline, blocks };
}

/**
 * The reply in an alert's thread once the measure is back inside its usual range, or, after a
 * stop, once they come in again (`resumed`): the day's total may stay low for hours after that.
 */
export function buildBackToNormal(f: AlertFinding, options: { resumed?: boolean } = {}): SlackMessage {
  const numbers = `${count(f.observed)} ${lower(f.measure)} so far, against ${aboutCount(f.usual)} on a usual ${weekdayName(f.weekday)}.`;
  const text = options.resumed
    ? `${MEASURE_NAMES[f.measure]} are coming in again by ${clockHour(f.hour)}: ${numbers}`
    : `Back to normal at ${clockHour(f.hour)}: ${numbers}`;
  return { text, blocks: [section(`:white_check_mark: ${text}`, ALERT_BLOCKS.normal)] };
}

/** The reply in an alert's thread when someone mutes it: everyone sees why no more come today. */
export function buildMutedNote(options: { measure: AlertMeasure; userId: string }): SlackMessage {
  const text = `<@${options.userId}> muted alerts about ${lower(options.measure)} for the rest of today.`;
  return { text, blocks: [section(`:zipper_mouth_face: ${text}`, ALERT_BLOCKS.muted)] };
}
