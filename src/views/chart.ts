import type { Measure, Report } from '../report/report-types.js';
import type { PointUnit } from './bucket-names.js';
import { type ChartData, chartData, MERGE_UNITS, type Series } from './chart-data.js';
import { labelsSource, seriesSource } from './chart-encoding.js';
import { chooseTicks } from './chart-ticks.js';
import { jsSource, QuickChart } from './quickchart.js';

export { type ChartData, chartData } from './chart-data.js';

/** Slack refuses an `image_url` longer than this. */
export const MAX_IMAGE_URL = 3000;
export const DEFAULT_QUICKCHART_HOST = 'https://quickchart.io';

/**
 * Drawn at 600×340 CSS pixels and pixel ratio 2: Slack shows an image in a message about
 * 360–480 px wide, so 13 px text stays readable there.
 */
export const CHART_SIZE = { width: 600, height: 340, devicePixelRatio: 2 } as const;
export const FONT_PX = 13;
export const TITLE_PX = 14;

/** The chart a report message shows, and how it was made to fit Slack's 3000-character `image_url`. */
export interface ChartImage {
  readonly url: string;
  /** direct: the config is in the URL and never expires; short: QuickChart's stored chart, which expires; coarser: fewer points. */
  readonly kind: 'direct' | 'short' | 'coarser';
  /** Report buckets per point, about: more than 1 only for `coarser`. */
  readonly perPoint: number;
  /** What one point stands for (the report's unit unless `coarser`). */
  readonly unit?: PointUnit;
  /** The Chart.js config the image is drawn from, for drawing it offline (the demo's --png). */
  readonly config?: string;
}

/**
 * One panel per measure, top to bottom, each on its own scale: served is two orders larger than
 * the rest and would flatten them. Okabe–Ito colours, told apart with any common colour-vision
 * deficiency; each panel is also named in words.
 */
export const PANELS: readonly { readonly measure: Measure; readonly name: string; readonly color: string }[] = [
  { measure: 'contactsAdded', name: 'New contacts', color: '#0072B2' },
  { measure: 'contactsServed', name: 'Contacts served', color: '#009E73' },
  { measure: 'contactsBlocked', name: 'Opt-outs', color: '#D55E00' },
  { measure: 'groupsAdded', name: 'New groups', color: '#CC79A7' },
];
/** The previous period: grey, thinner and dashed, drawn behind. */
export const PREVIOUS_COLOR = '#9a9a9a';
const PARTIAL_DASH = [4, 3];
const PREVIOUS_DASH = [5, 4];

const js = jsSource;

/** Series in panel order: this period's four, then the previous period's four. */
function allSeries(data: ChartData): (readonly (number | null)[])[] {
  const of = (series: Series) => PANELS.map((p) => series[p.measure]);
  return [...of(data.series), ...(data.previous ? of(data.previous) : [])];
}

/**
 * Each panel's scale: 0 to two nice steps that hold the largest value of either period (0–400),
 * and one more step above, where the panel's name goes. Only 0 and the top line are drawn
 * and labelled (the axis keeps ticks 0 and 2 of 0–3): at Slack's size more labels crowd.
 */
export function panelStep(values: readonly (number | null)[]): number {
  const largest = Math.max(2, ...values.map((v) => v ?? 0));
  const magnitude = 10 ** Math.floor(Math.log10(largest / 2));
  const factor = [1, 2, 2.5, 5, 10].find((f) => 2 * f * magnitude >= largest && (f !== 2.5 || magnitude >= 10)) ?? 10;
  return factor * magnitude;
}

/** Names each panel in words in its top left corner, above its top line. */
const PANEL_NAMES =
  `[{id:'n',afterDraw:c=>{c.ctx.font='bold ${FONT_PX}px sans-serif';` +
  `${js(PANELS.map((p) => p.name))}.forEach((t,i)=>c.ctx.fillText(t,c.chartArea.left+6,c.scales['y'+i].top+${FONT_PX + 2}))}}]`;

/**
 * "Is point x partial or short?" as a JavaScript function, or null when none is. Such points sit
 * at the chart's edges (the first bucket, the last one drawn), so comparisons do.
 */
function markedTest(data: ChartData): string | null {
  const marked = data.points.flatMap((p, i) => (p.state === 'whole' ? [] : [i]));
  const last = data.series.contactsAdded.findLastIndex((v) => v !== null);
  if (marked.length === 0) return null;
  if (!marked.every((i) => i === 0 || i === last)) return `x=>${js(marked)}.includes(x)`;
  const tests = [marked.includes(0) ? 'x<1' : '', marked.includes(last) && last > 0 ? `x>${last - 1}` : ''];
  return `x=>${tests.filter(Boolean).join('||')}`;
}

/**
 * Each dataset's style by its index: 0–3 this period's panels in colour, 4–7 the previous
 * period, grey, thinner and dashed, without points. Partial and short points are hollow, and
 * the line to them dashed.
 */
function datasetSource(data: ChartData): string {
  const colors = [...PANELS.map((p) => p.color), PREVIOUS_COLOR].map((c) => c.slice(1)).join('.');
  const radius = data.points.length > 40 ? 0 : 2.5;
  const marked = markedTest(data);
  const markedStyle = marked
    ? `pointRadius:i>3?0:c=>m(c.dataIndex)?4:${radius},pointBackgroundColor:c=>m(c.dataIndex)?'#fff':k,pointBorderWidth:2,` +
      `segment:i<4&&{borderDash:s=>m(s.p0DataIndex)||m(s.p1DataIndex)?${js(PARTIAL_DASH)}:[]}`
    : `pointRadius:i>3?0:${radius}`;
  return (
    `(d,i,a,k='#'+'${colors}'.split('.')[i>3?4:i]${marked ? `,m=${marked}` : ''})=>({data:d,yAxisID:'y'+i%4,` +
    `borderColor:k,${radius ? 'backgroundColor:k,' : ''}borderWidth:i>3?1.5:2.5,borderDash:i>3?${js(PREVIOUS_DASH)}:[],${markedStyle}})`
  );
}

/**
 * An explicit Chart.js v4 config as JavaScript source, which QuickChart evaluates (so it uses
 * none of what QuickChart refuses: no loops, no `new`, no parameterless arrows). Small
 * multiples: a panel per measure on its own scale, the previous period grey and dashed behind
 * this one, partial and short points marked, flat labels, 13 px text. Null when `compact` is
 * asked for and the data cannot be packed.
 */
export function chartConfigSource(data: ChartData, compact: false): string;
export function chartConfigSource(data: ChartData, compact: boolean): string | null;
export function chartConfigSource(data: ChartData, compact: boolean): string | null {
  const series = allSeries(data);
  const body = seriesSource(series, compact);
  if (body === null) return null;
  const empty = series.slice(0, 4).every((s) => s.every((v) => !v));
  const steps = PANELS.map((_, i) => panelStep([...(series[i] ?? []), ...(series[i + 4] ?? [])]));
  const font = `font:{size:${FONT_PX}}`;
  const x = `['x',{grid:{display:false},ticks:{autoSkip:false,maxRotation:0,${font}}}]`;
  const y =
    `...${js(steps)}.map((s,i)=>['y'+i,{stack:'m',min:0,max:3*s,` +
    `afterBuildTicks:a=>a.ticks.splice(1,9,a.ticks[2]),ticks:{stepSize:s,${font}}}]).reverse()`;
  const title = empty
    ? `${data.periodWords}: no activity`
    : `${data.periodWords}${data.previousWords ? ` vs ${data.previousWords} (grey, dashed)` : ''}`;
  return (
    `{type:'line',data:{labels:${labelsSource(chooseTicks(data))},datasets:${body}.map(${datasetSource(data)})},` +
    `options:{layout:{padding:8},plugins:{legend:{display:false},title:{display:true,align:'start',color:'#222',text:${js(title)},font:{size:${TITLE_PX}}}},` +
    `scales:Object.fromEntries([${x},${y}])},plugins:${PANEL_NAMES}}`
  );
}

export function quickChart(
  config: string,
  host: string,
  size: { readonly width: number; readonly height: number; readonly devicePixelRatio: number } = CHART_SIZE,
): QuickChart {
  const base = new URL(host.includes('://') ? host : `https://${host}`);
  const chart = new QuickChart();
  chart.setConfig(config);
  chart.setVersion('4');
  chart.setWidth(size.width);
  chart.setHeight(size.height);
  chart.setDevicePixelRatio(size.devicePixelRatio);
  chart.setBackgroundColor('white');
  chart.setScheme(base.protocol.replace(':', '') as 'http' | 'https');
  chart.setHost(base.host + base.pathname.replace(/\/$/, ''));
  return chart;
}

/** The plain URL for the data, plain config first, compact second; null when neither fits Slack. */
export function directChartUrl(data: ChartData, host: string): { url: string; config: string } | null {
  for (const compact of [false, true]) {
    const config = chartConfigSource(data, compact);
    if (config === null) continue;
    const url = quickChart(config, host).getUrl();
    if (url.length <= MAX_IMAGE_URL) return { url, config };
  }
  return null;
}

/** The same report with fewer points: merged into each larger calendar unit in turn (weeks, then months…). */
export function coarserCharts(report: Report): ChartData[] {
  return MERGE_UNITS[report.period.unit].map((unit) => chartData(report, unit));
}
