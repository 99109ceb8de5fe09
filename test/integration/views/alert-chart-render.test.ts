import type { Chart } from 'chart.js';
import { afterAll, describe, expect, it } from 'vitest';
import { chartRequestOf, renderChart } from '../../../src/present/chart-png.js';
import type { AlertMeasure } from '../../../src/store/alert-settings.js';
import { ALERT_CHART_SIZE, alertChartTitle, alertChartUrl, type HourPoint } from '../../../src/views/alert-chart.js';
import { FONT_PX, MAX_IMAGE_URL, PANELS, PREVIOUS_COLOR } from '../../../src/views/chart.js';
import { quickChartRefusal } from '../../../src/views/quickchart.js';

/** A day's points at a scale: today running at `factor` times the usual until `hour`. */
function hours(scale: number, factor: number, hour: number): HourPoint[] {
  return Array.from({ length: 24 }, (_, i) => {
    const median = scale * (i + 1) * 1.37;
    return {
      hour: i + 1,
      today: i < hour ? Math.round(median * factor) : null,
      median,
      low: median * 0.61,
      high: median * 1.73 + 3.33,
    };
  });
}

const CASES: readonly [string, AlertMeasure, HourPoint[], number][] = [
  ['opt-outs, a handful, spiking', 'contactsBlocked', hours(0.5, 4, 11), 11],
  ['new contacts stopped', 'contactsAdded', hours(12, 0.3, 14), 14],
  ['contacts served in the hundreds of thousands', 'contactsServed', hours(41_234, 2.7, 23), 23],
  ['the first hour of the day', 'contactsServed', hours(99, 0.1, 1), 1],
];

const drawn: Chart[] = [];
afterAll(() => {
  for (const chart of drawn) chart.destroy();
});

describe.each(CASES)('the alert chart for %s, drawn as QuickChart draws it', (_, measure, points, hour) => {
  const url = alertChartUrl({ measure, weekday: 2, hours: points }, 'https://quickchart.io');
  const { chart, png } = renderChart(chartRequestOf(url));
  drawn.push(chart);

  it('fits Slack’s 3000 characters and uses nothing QuickChart refuses', () => {
    expect(url.length).toBeLessThanOrEqual(MAX_IMAGE_URL);
    expect(quickChartRefusal(chartRequestOf(url).config)).toBeNull();
  });

  it('is drawn at 600×300 and pixel ratio 2', () => {
    expect([chart.width, chart.height]).toEqual([ALERT_CHART_SIZE.width, ALERT_CHART_SIZE.height]);
    expect(png.readUInt32BE(16)).toBe(ALERT_CHART_SIZE.width * 2);
  });

  it('draws today in the measure’s colour up to the last whole hour, over the usual band in grey', () => {
    const [high, low, median, today] = chart.data.datasets;
    expect(chart.getDatasetMeta(3).dataset?.options.borderColor).toBe(PANELS.find((p) => p.measure === measure)?.color);
    expect(today?.data.filter((v) => v !== null)).toHaveLength(hour);
    expect(chart.getDatasetMeta(2).dataset?.options.borderColor).toBe(PREVIOUS_COLOR);
    expect(((chart.getDatasetMeta(2).dataset?.options.borderDash ?? []) as number[]).length).toBeGreaterThan(0);
    expect((high as { fill?: unknown }).fill).toBe('+1');
    expect(low?.data).toHaveLength(24);
    expect(median?.data).toHaveLength(24);
  });

  it('writes flat labels of at least 13 px that fit side by side, and a title that fits', () => {
    const x = chart.scales.x;
    expect(x?.labelRotation).toBe(0);
    const boxes = (x?.getLabelItems() ?? [])
      .filter((item) => item.label !== '')
      .map((item) => {
        chart.ctx.font = item.font.string;
        const width = chart.ctx.measureText(String(item.label)).width;
        const [left] = item.options.translation ?? [0];
        expect(item.font.size).toBeGreaterThanOrEqual(FONT_PX);
        return { start: left - width / 2, end: left + width / 2 };
      });
    expect(boxes.map((b) => b.end > b.start)).toEqual([true, true, true, true]);
    for (const [i, box] of boxes.slice(1).entries()) expect(box.start).toBeGreaterThan(boxes[i]?.end ?? 0);
    for (const box of boxes) expect(box.end).toBeLessThanOrEqual(ALERT_CHART_SIZE.width);
    const font = chart.options.plugins?.title?.font as { size: number };
    expect(font.size).toBeGreaterThanOrEqual(FONT_PX);
    chart.ctx.font = `bold ${font.size}px sans-serif`;
    const title = alertChartTitle({ measure, weekday: 2 });
    expect(chart.ctx.measureText(title).width).toBeLessThanOrEqual(ALERT_CHART_SIZE.width - 16);
  });
});
