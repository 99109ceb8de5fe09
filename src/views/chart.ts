import { MEASURES, type Measure, type Report } from '../report/types.js';
import { QuickChart } from './quickchart.js';

/** Slack refuses an `image_url` longer than this. */
export const MAX_IMAGE_URL = 3000;
export const DEFAULT_QUICKCHART_HOST = 'https://quickchart.io';

/** Okabe–Ito colours, told apart by people with any common colour-vision deficiency; dashes help too. */
const STYLE: Record<Measure, { label: string; color: string; dash?: number[]; axis: 'y' | 'y1' }> = {
  contactsAdded: { label: 'New contacts', color: '#0072B2', axis: 'y' },
  groupsAdded: { label: 'New groups', color: '#E69F00', dash: [2, 2], axis: 'y' },
  contactsServed: { label: 'Served (right axis)', color: '#009E73', axis: 'y1' },
  contactsBlocked: { label: 'Opt-outs', color: '#D55E00', dash: [6, 3], axis: 'y' },
};

/** The chart a report message shows, and how it was made to fit Slack's 3000-character `image_url`. */
export interface ChartImage {
  readonly url: string;
  /** direct: the config is in the URL and never expires; short: QuickChart's stored chart, which expires; coarser: fewer points. */
  readonly kind: 'direct' | 'short' | 'coarser';
  /** Buckets per point: more than 1 only for `coarser`. */
  readonly perPoint: number;
}

/** What the chart draws: one label and one value per bucket; null is a bucket that has not started. */
export interface ChartData {
  readonly labels: readonly string[];
  readonly series: Readonly<Record<Measure, readonly (number | null)[]>>;
  /** How many buckets each point stands for (1 unless the chart had to be made coarser). */
  readonly perPoint: number;
}

export function chartData(report: Report): ChartData {
  const series = {} as Record<Measure, (number | null)[]>;
  for (const measure of MEASURES) series[measure] = report.buckets.map((b) => b.values?.[measure] ?? null);
  return { labels: report.buckets.map((b) => b.label), series, perPoint: 1 };
}

/** Fewer points: each one the sum of `factor` neighbouring buckets, labelled by the first. */
export function coarser(data: ChartData, factor: number): ChartData {
  const groups = Math.ceil(data.labels.length / factor);
  const pick = <T>(values: readonly T[], i: number) => values.slice(i * factor, (i + 1) * factor);
  const series = {} as Record<Measure, (number | null)[]>;
  for (const measure of MEASURES) {
    series[measure] = Array.from({ length: groups }, (_, i) => {
      const chunk = pick(data.series[measure], i).filter((v): v is number => v !== null);
      return chunk.length === 0 ? null : chunk.reduce((a, b) => a + b, 0);
    });
  }
  const labels = Array.from({ length: groups }, (_, i) => pick(data.labels, i)[0] ?? '');
  return { labels, series, perPoint: data.perPoint * factor };
}

const isEmpty = (data: ChartData) => MEASURES.every((m) => data.series[m].every((v) => !v));
const js = (value: unknown) => JSON.stringify(value).replace(/"([A-Za-z_][A-Za-z0-9_]*)":/g, '$1:');

/**
 * Data in as few URL characters as possible: each series is a fixed-width base-36 string the
 * chart server decodes, "not yet" buckets are simply left off the end, and only about ten x
 * labels are kept (the others are blank). Decoding is plain JavaScript, as QuickChart allows.
 */
function compactData(values: readonly (number | null)[]): string {
  const known = values.slice(0, values.findLastIndex((v) => v !== null) + 1).map((v) => v ?? 0);
  const width = Math.max(1, ...known.map((v) => v.toString(36).length));
  const text = known.map((v) => v.toString(36).padStart(width, '0')).join('');
  return text ? `'${text}'.match(/.{${width}}/g).map(s=>parseInt(s,36))` : '[]';
}

function compactLabels(labels: readonly string[]): string {
  const step = Math.max(1, Math.ceil(labels.length / 10));
  const kept: Record<number, string> = {};
  labels.forEach((label, i) => {
    if (i % step === 0) kept[i] = label;
  });
  return `Object.assign(Array(${labels.length}).fill(''),${JSON.stringify(kept)})`;
}

/**
 * An explicit Chart.js v4 config as JavaScript source (QuickChart evaluates it): the four series,
 * served on its own axis because it is two orders larger, gaps for buckets not yet started, and
 * an empty period drawn as a flat zero line with a visible axis rather than a blank square.
 */
export function chartConfigSource(data: ChartData, compact: boolean): string {
  const empty = isEmpty(data);
  const datasets = MEASURES.map((m) => {
    const style = STYLE[m];
    const body = compact ? compactData(data.series[m]) : js(data.series[m]);
    const dash = style.dash ? `,borderDash:${js(style.dash)}` : '';
    return `{label:${js(style.label)},data:${body},borderColor:'${style.color}',backgroundColor:'${style.color}',yAxisID:'${style.axis}'${dash}}`;
  });
  const labels = compact ? compactLabels(data.labels) : js(data.labels);
  const points = data.labels.length > 40 ? 0 : 2;
  const axis = (extra: string) => `{beginAtZero:true${empty ? ',suggestedMax:1' : ''}${extra}}`;
  const title = empty ? `,title:{display:true,text:'No activity in this period'}` : '';
  const ticks = compact ? ',ticks:{autoSkip:false,maxRotation:0}' : '';
  return (
    `{type:'line',data:{labels:${labels},datasets:[${datasets.join(',')}]},` +
    `options:{spanGaps:false,elements:{point:{radius:${points}},line:{borderWidth:2}},` +
    `plugins:{legend:{position:'bottom'}${title}},` +
    `scales:{x:{grid:{display:false}${ticks}},y:${axis('')},y1:${axis(",position:'right',grid:{drawOnChartArea:false}")}}}}`
  );
}

export function quickChart(config: string, host: string): QuickChart {
  const base = new URL(host.includes('://') ? host : `https://${host}`);
  const chart = new QuickChart();
  chart.setConfig(config);
  chart.setVersion('4');
  chart.setWidth(800);
  chart.setHeight(400);
  chart.setDevicePixelRatio(2);
  chart.setBackgroundColor('white');
  chart.setScheme(base.protocol.replace(':', '') as 'http' | 'https');
  chart.setHost(base.host + base.pathname.replace(/\/$/, ''));
  return chart;
}

/** The plain URL for the data, plain config first, compact second; null when neither fits Slack. */
export function directChartUrl(data: ChartData, host: string): string | null {
  for (const compact of [false, true]) {
    const url = quickChart(chartConfigSource(data, compact), host).getUrl();
    if (url.length <= MAX_IMAGE_URL) return url;
  }
  return null;
}
