import type { AlertMeasure } from '../store/alert-settings.js';
import { FONT_PX, PANELS, PREVIOUS_COLOR, quickChart, TITLE_PX } from './chart.js';
import { MEASURE_NAMES, weekdayName } from './format.js';
import { jsSource } from './quickchart.js';

/** Drawn at 600×300 CSS pixels, pixel ratio 2: one panel, read at Slack's 360–480 px like the report's chart. */
export const ALERT_CHART_SIZE = { width: 600, height: 300, devicePixelRatio: 2 } as const;

/** One local hour of the day: today's count by then (null for hours not over yet), and the usual band. */
export interface HourPoint {
  /** 1–24: counts up to `hour`:00. */
  readonly hour: number;
  readonly today: number | null;
  readonly median: number;
  readonly low: number;
  readonly high: number;
}

export interface AlertChartOptions {
  readonly measure: AlertMeasure;
  readonly weekday: number;
  readonly hours: readonly HourPoint[];
}

/** The band grey and see-through, so today's line reads on top of it. */
const BAND_FILL = `${PREVIOUS_COLOR}55`;

/** Band edges to a tenth where that shows (small counts), whole numbers above: shorter URLs. */
const rounded = (n: number) => (n < 100 ? Math.round(n * 10) / 10 : Math.round(n));
const colorOf = (measure: AlertMeasure) => PANELS.find((p) => p.measure === measure)?.color ?? '#333333';

/** "06:00", "12:00", "18:00", "24:00" under those hours, the others blank: four flat labels fit any width. */
function labels(hours: readonly HourPoint[]): string[] {
  return hours.map((p) => (p.hour % 6 === 0 ? `${String(p.hour).padStart(2, '0')}:00` : ''));
}

/** The chart's title: what the line and the band are, in words (not only colours). */
export function alertChartTitle(options: Pick<AlertChartOptions, 'measure' | 'weekday'>): string {
  return `${MEASURE_NAMES[options.measure]} so far today vs a usual ${weekdayName(options.weekday)} (grey)`;
}

/**
 * Today's running count (in the measure's colour) over the usual band for the weekday (grey,
 * median dashed), by local hour. A plain Chart.js 4 config: at most 24 points of four series, so
 * its URL stays well inside Slack's 3000 characters with no short link and no expiry.
 */
export function alertChartConfig(options: AlertChartOptions): string {
  const { hours } = options;
  const color = colorOf(options.measure);
  const line = { pointRadius: 0, borderWidth: 0, tension: 0 };
  const font = { size: FONT_PX };
  const config = {
    type: 'line',
    data: {
      labels: labels(hours),
      datasets: [
        { ...line, data: hours.map((p) => rounded(p.high)), backgroundColor: BAND_FILL, fill: '+1' },
        { ...line, data: hours.map((p) => rounded(p.low)), fill: false },
        {
          ...line,
          data: hours.map((p) => rounded(p.median)),
          borderColor: PREVIOUS_COLOR,
          borderWidth: 1.5,
          borderDash: [5, 4],
          fill: false,
        },
        { ...line, data: hours.map((p) => p.today), borderColor: color, borderWidth: 3, fill: false },
      ],
    },
    options: {
      layout: { padding: 8 },
      plugins: {
        legend: { display: false },
        title: {
          display: true,
          align: 'start',
          color: '#222',
          text: alertChartTitle(options),
          font: { size: TITLE_PX },
        },
      },
      scales: {
        x: { grid: { display: false }, ticks: { autoSkip: false, maxRotation: 0, font } },
        y: { beginAtZero: true, ticks: { maxTicksLimit: 4, precision: 0, font } },
      },
    },
  };
  return jsSource(config);
}

export function alertChartUrl(options: AlertChartOptions, host: string): string {
  return quickChart(alertChartConfig(options), host, ALERT_CHART_SIZE).getUrl();
}
