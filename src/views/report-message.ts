import type { KnownBlock, PlainTextOption, StaticSelect } from '@slack/types';
import { isoInZone } from '../period/calendar.js';
import {
  nextPeriod,
  type Period,
  periodToken,
  previousPeriod,
  unlessPeriodError,
  validUnits,
} from '../period/index.js';
import { MEASURES, type Report } from '../report/types.js';
import { actions, button, context, fields, header, image, plain, section } from './blocks.js';
import type { ChartImage } from './chart.js';
import { changeText, count, MEASURE_NAMES, rate, verdictMark, weekdayName } from './format.js';
import { ACTIONS, BLOCKS } from './ids.js';

export interface ReportMessageOptions {
  readonly report: Report;
  readonly chart: ChartImage;
  readonly now: number;
  /** False where the message is already in the channel: no "Share" button there. */
  readonly shareable?: boolean;
  /** False for a copy shared in a channel: buttons there would change it for everyone. */
  readonly interactive?: boolean;
}

export interface SlackMessage {
  readonly text: string;
  readonly blocks: KnownBlock[];
}

const UNIT_WORDS: Record<Period['unit'], string> = {
  hour: 'By hour',
  day: 'By day',
  week: 'By week',
  month: 'By month',
};

/** "12:04" in the report's zone. */
function clock(ms: number, zone: string): string {
  return isoInZone(ms, zone).slice(11, 16);
}

function measureField(report: Report, measure: (typeof MEASURES)[number]): string {
  const value = `*${MEASURE_NAMES[measure]}*\n${count(report.totals[measure])}`;
  const c = report.comparison?.changes[measure];
  return c ? `${value}  ${changeText(c)}${verdictMark(c)}` : value;
}

function ratesLine(report: Report): string {
  const parts = [`Opt-out rate *${rate(report.optOutRate)}*`];
  if (report.comparison) parts[0] += ` (was ${rate(report.comparison.optOutRate)})`;
  if (report.busiest)
    parts.push(`Busiest: *${report.busiest.label}* with ${count(report.busiest.contactsServed)} served`);
  return parts.join('  ·  ');
}

function comparisonLine(report: Report): string {
  const c = report.comparison;
  if (!c) return 'Nothing earlier to compare with.';
  if (!c.sameElapsed) return `Compared with ${c.label}.`;
  const upTo = isoInZone(c.endExclusive, report.period.zone);
  return `So far — compared with ${c.label} up to the same point (${upTo.slice(0, 10)} ${upTo.slice(11, 16)}).`;
}

function chartNote(chart: ChartImage, report: Report): string | null {
  if (chart.kind === 'short') return 'Chart link expires after a while.';
  if (chart.kind === 'coarser') return `Chart shows ${chart.perPoint} ${report.period.unit}s per point to fit Slack.`;
  return null;
}

function granularityMenu(report: Report, now: number): StaticSelect | null {
  const units = validUnits(report.period, now);
  if (units.length < 2) return null;
  const option = (unit: Period['unit']): PlainTextOption => ({
    text: plain(UNIT_WORDS[unit]),
    value: periodToken(report.period, unit),
  });
  return {
    type: 'static_select',
    action_id: ACTIONS.granularity,
    placeholder: plain('Granularity'),
    options: units.map(option),
    initial_option: option(report.period.unit),
  };
}

function actionElements(report: Report, now: number, shareable: boolean) {
  const elements = [];
  const previous = unlessPeriodError(() => previousPeriod(report.period, now));
  if (previous) {
    elements.push(
      button({ text: `◀ ${buttonName(previous)}`, actionId: ACTIONS.previous, value: periodToken(previous) }),
    );
  }
  const next = unlessPeriodError(() => nextPeriod(report.period, now));
  if (next) elements.push(button({ text: `${buttonName(next)} ▶`, actionId: ACTIONS.next, value: periodToken(next) }));
  const menu = granularityMenu(report, now);
  if (menu) elements.push(menu);
  if (shareable) {
    elements.push(
      button({
        text: 'Share in channel',
        actionId: ACTIONS.share,
        value: periodToken(report.period),
        style: 'primary',
      }),
    );
  }
  return elements;
}

/** "Last week", "Q2 2025"; for titles that say little on their own ("Week", "8 days"), the dates. */
function buttonName(period: Period): string {
  return /^(Week|\d+ \w+)$/.test(period.title) ? period.range : period.title;
}

/** The fallback text: notifications and screen readers get the key numbers without the image. */
export function reportText(report: Report): string {
  const numbers = MEASURES.map((m) => {
    const c = report.comparison?.changes[m];
    return `${MEASURE_NAMES[m]} ${count(report.totals[m])}${c ? ` (${changeText(c)})` : ''}`;
  });
  const soFar = report.running ? ' so far' : '';
  return `Contacts — ${report.period.label}${soFar}: ${numbers.join(', ')}; opt-out rate ${rate(report.optOutRate)}.`;
}

/** The report as Slack shows it: numbers with their change, rates, chart, context and actions. */
export function buildReportMessage(options: ReportMessageOptions): SlackMessage {
  const { report, chart, now } = options;
  const p = report.period;
  const where = `${p.range} · ${p.zone} · weeks start on ${weekdayName(p.weekStart)}`;
  const contextLine = [
    `${UNIT_WORDS[p.unit]}`,
    'Data: Tellody',
    `Fetched ${clock(report.fetchedAt, p.zone)}`,
    comparisonLine(report),
    chartNote(chart, report),
  ].filter((part): part is string => part !== null);
  const blocks: KnownBlock[] = [
    header(`Contacts · ${p.title}${report.running ? ' so far' : ''}`, BLOCKS.header),
    context([where]),
    fields(
      MEASURES.map((m) => measureField(report, m)),
      BLOCKS.measures,
    ),
    section(ratesLine(report), BLOCKS.rates),
    image(chart.url, `Chart of ${reportText(report)}`, BLOCKS.chart),
    context([contextLine.join(' · ')], BLOCKS.context),
  ];
  const elements = options.interactive === false ? [] : actionElements(report, now, options.shareable ?? true);
  if (elements.length > 0) blocks.push(actions(elements, BLOCKS.actions));
  return { text: reportText(report), blocks };
}
