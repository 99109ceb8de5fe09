import type { KnownBlock, PlainTextOption, StaticSelect } from '@slack/types';
import { wallParts } from '../period/calendar.js';
import { nextPeriod, type Period, periodToken, previousPeriodOrNull, validUnits } from '../period/index.js';
import { formatRange } from '../period/label.js';
import type { Measure, Report } from '../report/report-types.js';
import { actions, button, context, fields, header, image, plain, section } from './blocks.js';
import { clockOf, dayName, pointFloor, pointName, UNIT_NOUNS } from './bucket-names.js';
import type { ChartImage } from './chart.js';
import { type ChartData, chartData } from './chart-data.js';
import { chartDescription } from './chart-description.js';
import {
  changeBrief,
  changeText,
  count,
  MARKS_EXPLAINED,
  MEASURE_NAMES,
  periodName,
  READING_ORDER,
  rate,
  reportLabel,
  verdictWord,
  weekdayName,
} from './format.js';
import { ACTIONS, BLOCKS } from './ids.js';

export interface ReportMessageOptions {
  readonly report: Report;
  readonly chart: ChartImage;
  readonly now: number;
  /** False where the message is already in the channel: no "Share" button there. */
  readonly shareable?: boolean;
  /** False for a copy shared in a channel: buttons there would change it for everyone. */
  readonly interactive?: boolean;
  /**
   * Makes this version's block ids unique: Slack wants new ones whenever a message is replaced
   * (or a menu keeps its old choice). Defaults to one made of `now` and the period shown.
   */
  readonly blockIdSuffix?: string;
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

/** Fields in the order the chart's panels are drawn: New contacts, Contacts served, Opt-outs, New groups. */
const FIELD_ORDER: readonly Measure[] = ['contactsAdded', 'contactsServed', 'contactsBlocked', 'groupsAdded'];

/** "1,549 · down 0.8 % (−13)", with *better* or *worse* only where the change means something. */
function measureField(report: Report, measure: Measure): string {
  const lines = [`*${MEASURE_NAMES[measure]}*`];
  const c = report.comparison?.changes[measure];
  const verdict = c ? verdictWord(c) : null;
  lines.push(
    [count(report.totals[measure]), c ? changeText(c) : null, verdict ? `*${verdict}*` : null]
      .filter(Boolean)
      .join(' · '),
  );
  if (measure === 'contactsBlocked' && report.optOutRate !== null) {
    const was = report.comparison?.optOutRate;
    lines.push(
      `${rate(report.optOutRate)} of contacts served${was !== null && was !== undefined ? ` (was ${rate(was)})` : ''}`,
    );
  }
  return lines.join('\n');
}

/** "Busiest day: *Thu 19 Nov*, 3,456 contacts served"; a week reads as a week ("7–13 Jul"), hours name their day. */
function busiestLine(report: Report, data: ChartData): string | null {
  const busiest = report.busiest;
  const bucket = busiest ? report.buckets.find((b) => b.start === busiest.start) : undefined;
  if (!busiest || !bucket) return null;
  const { unit } = report.period;
  const cut = (at: number) => pointFloor(at, unit, report.period) !== at;
  const short = cut(bucket.start) || cut(bucket.end + 1);
  const name = pointName(bucket.start, bucket.end, {
    unit: report.period.unit,
    cal: report.period,
    multiDay: data.multiDay,
    short,
  });
  const soFar = bucket.partial ? ' so far' : '';
  return `Busiest ${UNIT_NOUNS[unit]}: *${name}*, ${count(busiest.contactsServed)} contacts served${soFar}`;
}

/** "Compared with the week before (Mon 9 – Sun 15 Nov 2026)"; a running period's up to the same point, in words. */
function comparisonLine(report: Report, data: ChartData): string {
  const c = report.comparison;
  if (!c || !data.previousWords) return 'Nothing earlier to compare with';
  const before = data.previousWords.replace(/ to the same point$/, '');
  const short = c.endExclusive - c.start <= 32 * 86_400_000;
  const range = formatRange(c.start, c.endExclusive - 1, report.period, short);
  if (!c.sameElapsed) return `Compared with ${before} (${range})`;
  const upTo = wallParts(c.endExclusive, report.period.zone);
  return `Compared with ${before} up to the same point (${dayName(upTo)}, ${clockOf(upTo)})`;
}

function chartNote(chart: ChartImage): string | null {
  if (chart.kind === 'short') return 'Chart link expires after a while.';
  if (chart.kind === 'coarser') return `Chart shows one point per ${UNIT_NOUNS[chart.unit ?? 'day']} to fit Slack.`;
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
  const previous = previousPeriodOrNull(report.period, now);
  if (previous) {
    elements.push(
      button({ text: `◀ ${periodName(previous)}`, actionId: ACTIONS.previous, value: periodToken(previous) }),
    );
  }
  const next = nextPeriod(report.period, now);
  if (next) elements.push(button({ text: `${periodName(next)} ▶`, actionId: ACTIONS.next, value: periodToken(next) }));
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

/**
 * The fallback text, which is what a phone's notification shows: the numbers first, then the
 * period — "1,549 new contacts (−0.8 %), 94 opt-outs (−29 %), … · Last week · Mon 16 – Sun 22 Nov 2026".
 */
export function reportText(report: Report): string {
  const numbers = READING_ORDER.map((m) => {
    const c = report.comparison?.changes[m];
    return `${count(report.totals[m])} ${MEASURE_NAMES[m].toLowerCase()}${c ? ` (${changeBrief(c)})` : ''}`;
  });
  return `${numbers.join(', ')} · ${reportLabel(report)}`;
}

/** A short stable hash, so two periods shown at the same instant still get different block ids. */
function shortHash(text: string): string {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 16777619);
  return (hash >>> 0).toString(36);
}

/** What makes a message's block ids its own: the instant it is made and the period shown (its token). */
export function blockIdSuffix(token: string, now: number): string {
  return `${now.toString(36)}${shortHash(token)}`;
}

/** The same message with every block id's suffix `from` replaced by `to`: a kept message sent again as a new one. */
export function withBlockIdSuffix(message: SlackMessage, from: string, to: string): SlackMessage {
  const tail = `.${from}`;
  return {
    ...message,
    blocks: message.blocks.map((block) =>
      block.block_id?.endsWith(tail) ? { ...block, block_id: `${block.block_id.slice(0, -tail.length)}.${to}` } : block,
    ),
  };
}

/** Where a week is involved (a week, weekly points), which day it starts on. */
function weekStartNote(report: Report, chart: ChartImage): string | null {
  const p = report.period;
  const weekly = p.step === 'week' || p.unit === 'week' || chart.unit === 'week';
  return weekly ? `weeks start on ${weekdayName(p.weekStart)}` : null;
}

/** The report as Slack shows it: numbers with their change, the busiest bucket, the chart, context and actions. */
export function buildReportMessage(options: ReportMessageOptions): SlackMessage {
  const { report, chart, now } = options;
  const p = report.period;
  const data = chartData(report, chart.unit ?? p.unit);
  const suffix = options.blockIdSuffix ?? blockIdSuffix(periodToken(p), now);
  const id = (block: string) => `${block}.${suffix}`;
  const marked = READING_ORDER.some((m) => report.comparison && verdictWord(report.comparison.changes[m]));
  const contextLine = [
    UNIT_WORDS[p.unit],
    comparisonLine(report, data),
    marked ? MARKS_EXPLAINED : null,
    chartNote(chart),
    `Data: Tellody, fetched ${clockOf(wallParts(report.fetchedAt, p.zone))}`,
  ].filter((part): part is string => part !== null);
  const busiest = busiestLine(report, data);
  const blocks: KnownBlock[] = [
    header(
      `Contacts · ${periodName(p)}${report.running && !p.title.endsWith('so far') ? ' so far' : ''}`,
      id(BLOCKS.header),
    ),
    context([[p.range, p.zone, weekStartNote(report, chart)].filter(Boolean).join(' · ')]),
    fields(
      FIELD_ORDER.map((m) => measureField(report, m)),
      id(BLOCKS.measures),
    ),
    ...(busiest ? [section(busiest, id(BLOCKS.rates))] : []),
    image(
      chart.url,
      chartDescription(data),
      id(BLOCKS.chart),
      `${data.periodWords} by ${UNIT_NOUNS[data.unit]}, each measure on its own scale`,
    ),
    context([contextLine.join(' · ')], id(BLOCKS.context)),
  ];
  const elements = options.interactive === false ? [] : actionElements(report, now, options.shareable ?? true);
  if (elements.length > 0) blocks.push(actions(elements, id(BLOCKS.actions)));
  return { text: reportText(report), blocks };
}
