import type { Chart } from 'chart.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartImage } from '../../../src/present/chart-image.js';
import { chartRequestOf, renderChart } from '../../../src/present/chart-png.js';
import type { Report } from '../../../src/report/report-types.js';
import {
  CHART_SIZE,
  type ChartImage,
  chartData,
  FONT_PX,
  MAX_IMAGE_URL,
  PANELS,
  PREVIOUS_COLOR,
} from '../../../src/views/chart.js';
import { quickChartRefusal } from '../../../src/views/quickchart.js';
import { startQuickChartStandIn } from '../../support/quickchart-standin.js';
import { type Harness, reportHarness } from '../../support/report-harness.js';

/**
 * Every chart the app can draw for a fixed set of periods (every unit, running and finished,
 * short edges, daylight-saving days, each way a chart is made to fit), drawn offline exactly as
 * QuickChart draws it: Chart.js 4 on a canvas, the URL's own size and pixel ratio.
 */
const PHRASES = [
  'today',
  'yesterday',
  '25 October 2026',
  '29 March 2026',
  'this week',
  'last week',
  'last week by hour',
  'this month',
  'last month',
  'October 2026',
  'this month by week',
  'last 30 days',
  'Dec 20 to Jan 5',
  'Q3 2025',
  'Q3 2025 by week',
  'Q3 2025 by day',
  'last year',
  'this year so far',
  '2025 by week',
  '2025 by day',
  '2021 to 2025',
  '2014',
];

let h: Harness;
let working: Awaited<ReturnType<typeof startQuickChartStandIn>>;
let failing: Awaited<ReturnType<typeof startQuickChartStandIn>>;
beforeAll(async () => {
  h = await reportHarness();
  working = await startQuickChartStandIn();
  failing = await startQuickChartStandIn({ fail: true });
});
afterAll(async () => {
  await h.close();
  await working.close();
  await failing.close();
});

interface Drawn {
  readonly report: Report;
  readonly image: ChartImage;
  readonly chart: Chart;
  readonly png: Buffer;
}

/** The chart as QuickChart would draw it: from the URL, or from the config posted for a short URL. */
function draw(image: ChartImage, posted: string | undefined) {
  const request =
    image.kind === 'short' ? { config: posted ?? '', ...CHART_SIZE, background: 'white' } : chartRequestOf(image.url);
  return renderChart(request);
}

/** Both ways a chart can come out: with a short URL to hand, and without (fewer points). */
async function drawnCharts(phrase: string): Promise<Drawn[]> {
  const report = await h.report(phrase);
  const results: Drawn[] = [];
  for (const host of [working.host, failing.host]) {
    const image = await chartImage(report, { host });
    const { chart, png } = draw(image, working.created.at(-1)?.chart);
    results.push({ report, image, chart, png });
    if (image.kind === 'direct') break;
  }
  return results;
}

const maxOf = (values: readonly unknown[]) =>
  Math.max(0, ...values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)));

describe.each(PHRASES)('the chart for “%s”, drawn as QuickChart draws it', (phrase) => {
  let charts: Drawn[];
  beforeAll(async () => {
    charts = await drawnCharts(phrase);
  });
  afterAll(() => {
    for (const c of charts) c.chart.destroy();
  });

  it('fits Slack’s 3000 characters and uses nothing QuickChart refuses', () => {
    for (const { image } of charts) {
      expect(image.url.length).toBeLessThanOrEqual(MAX_IMAGE_URL);
      expect(quickChartRefusal(image.config ?? '')).toBeNull();
    }
  });

  it('is drawn at 600×340 and pixel ratio 2', () => {
    for (const { chart, png } of charts) {
      expect([chart.width, chart.height]).toEqual([CHART_SIZE.width, CHART_SIZE.height]);
      expect(png.readUInt32BE(16)).toBe(CHART_SIZE.width * CHART_SIZE.devicePixelRatio);
      expect(png.readUInt32BE(20)).toBe(CHART_SIZE.height * CHART_SIZE.devicePixelRatio);
    }
  });

  it('never puts a dataset on an axis with one more than 20 times its scale', () => {
    for (const { chart } of charts) {
      const byAxis = new Map<string, number[]>();
      chart.data.datasets.forEach((d, i) => {
        const axis = chart.getDatasetMeta(i).yAxisID ?? '';
        byAxis.set(axis, [...(byAxis.get(axis) ?? []), maxOf(d.data)]);
      });
      expect(byAxis.size).toBe(PANELS.length);
      for (const maxima of byAxis.values()) {
        const positive = maxima.filter((m) => m > 0);
        expect(Math.max(1, ...positive) / Math.max(1, Math.min(...positive))).toBeLessThanOrEqual(20);
      }
    }
  });

  it('draws the previous period grey and dashed, behind, and this one in colour, without curves that overshoot', () => {
    for (const { chart } of charts) {
      chart.data.datasets.forEach((_, i) => {
        const line = chart.getDatasetMeta(i).dataset;
        const previous = i >= PANELS.length;
        expect(line?.options.tension).toBe(0);
        expect(line?.options.borderColor).toBe(previous ? PREVIOUS_COLOR : PANELS[i]?.color);
        expect(((line?.options.borderDash as number[] | undefined) ?? []).length > 0).toBe(previous);
      });
    }
  });

  it('marks partial and short points hollow with a dashed line to them, and no whole point', () => {
    for (const { report, image, chart } of charts) {
      const data = chartData(report, image.unit);
      const config = chart.config.data.datasets[0] as unknown as {
        segment?: { borderDash?: (s: { p0DataIndex: number; p1DataIndex: number }) => number[] };
      };
      const drawnPoints = data.points.flatMap((point, j) =>
        data.series.contactsAdded[j] === null ? [] : [{ point, j }],
      );
      for (const { point, j } of drawnPoints) {
        const element = chart.getDatasetMeta(0).data[j];
        expect(element?.options.backgroundColor === '#fff', `point ${j} (${point.state})`).toBe(
          point.state !== 'whole',
        );
      }
      for (const [a, b] of drawnPoints.slice(1).map((p, k) => [drawnPoints[k], p] as const)) {
        const dash = config.segment?.borderDash?.({ p0DataIndex: a?.j ?? 0, p1DataIndex: b.j }) ?? [];
        expect(dash.length > 0, `line to point ${b.j}`).toBe(a?.point.state !== 'whole' || b.point.state !== 'whole');
      }
    }
  });

  it('writes flat labels of at least 13 px that fit side by side within the chart', () => {
    for (const { chart } of charts) {
      const x = chart.scales.x;
      expect(x?.labelRotation).toBe(0);
      const items = x?.getLabelItems() ?? [];
      const boxes = items
        .filter((item) => (Array.isArray(item.label) ? item.label.join('') : item.label) !== '')
        .map((item) => {
          chart.ctx.font = item.font.string;
          const lines = Array.isArray(item.label) ? item.label : [item.label];
          const width = Math.max(...lines.map((l) => chart.ctx.measureText(l).width));
          const [left] = item.options.translation ?? [0];
          const start =
            item.options.textAlign === 'left'
              ? left
              : item.options.textAlign === 'right'
                ? left - width
                : left - width / 2;
          expect(item.font.size).toBeGreaterThanOrEqual(13);
          return { start, end: start + width };
        });
      expect(boxes.length).toBeGreaterThan(0);
      for (const box of boxes) {
        expect(box.start).toBeGreaterThanOrEqual(0);
        expect(box.end).toBeLessThanOrEqual(CHART_SIZE.width);
      }
      boxes.slice(1).forEach((box, i) => {
        expect(box.start, 'labels do not touch').toBeGreaterThan(boxes[i]?.end ?? 0);
      });
      const fontSize = (options: unknown) => (options as { ticks: { font: { size: number } } }).ticks.font.size;
      for (const scale of Object.values(chart.scales)) expect(fontSize(scale.options)).toBeGreaterThanOrEqual(FONT_PX);
      const title = chart.options.plugins?.title;
      const titleFont = title?.font as { size: number; family: string; weight: string } | undefined;
      expect(titleFont?.size).toBeGreaterThanOrEqual(FONT_PX);
      chart.ctx.font = `${titleFont?.weight ?? 'bold'} ${titleFont?.size ?? 0}px ${titleFont?.family ?? 'sans-serif'}`;
      expect(chart.ctx.measureText(String(title?.text)).width, 'the title fits').toBeLessThanOrEqual(
        CHART_SIZE.width - 16,
      );
    }
  });
});
