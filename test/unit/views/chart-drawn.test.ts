import { describe, expect, it } from 'vitest';
import { chartData, directChartUrl, PANELS, PREVIOUS_COLOR, quickChart } from '../../../src/views/chart.js';
import { decodeChartUrl } from '../../support/chart-url.js';
import { madeReport } from '../../support/made-report.js';

/*
 * What QuickChart draws from a chart URL, read back as QuickChart reads it (the config is
 * JavaScript): which lines there are, their colours, the panels' scales, the title, and which
 * points are drawn hollow.
 */
const NOW = '2026-11-27T10:00:00Z'; // Friday 12:00 in Athens
const HOST = 'https://quickchart.io';

interface Dataset {
  readonly data: readonly (number | null)[];
  readonly borderColor: string;
  readonly pointBackgroundColor: string | ((context: { dataIndex: number }) => string);
}

function drawn(phrase: string, options: { previous?: boolean; values?: (i: number) => number } = {}) {
  const values = options.values ?? (() => 10);
  const report = madeReport(phrase, { now: NOW, values, ...(options.previous ? { previous: values } : {}) });
  const url = directChartUrl(chartData(report), HOST)?.url;
  if (!url) throw new Error(`no direct chart URL for ${phrase}`);
  const config = decodeChartUrl(url);
  const datasets = config.data.datasets as unknown as Dataset[];
  const options_ = config.options as {
    plugins: { title: { text: string } };
    scales: Record<string, { max: number; ticks: { stepSize: number } }>;
  };
  return { datasets, title: options_.plugins.title.text, scales: options_.scales };
}

/** Indexes of the points drawn hollow (white inside) on a dataset; a point with no count is not drawn at all. */
const hollow = (dataset: Dataset) =>
  dataset.data.flatMap((value, dataIndex) => {
    const fill = dataset.pointBackgroundColor;
    const white = (typeof fill === 'function' ? fill({ dataIndex }) : fill) === '#fff';
    return white && value !== null ? [dataIndex] : [];
  });

describe('a chart with nothing to compare', () => {
  it('draws four lines in their panels’ colours and no grey one', () => {
    const { datasets } = drawn('last week');
    expect(datasets.map((d) => d.borderColor)).toEqual(PANELS.map((p) => p.color));
    expect(datasets.map((d) => d.borderColor)).not.toContain(PREVIOUS_COLOR);
  });

  it('is titled by its period alone', () => {
    expect(drawn('last week').title).toBe('Last week');
  });

  it('scales each panel to its own counts: ten a day puts the top line at 10, room for the name above', () => {
    const { scales } = drawn('last week');
    for (const axis of ['y0', 'y1', 'y2', 'y3']) {
      expect(scales[axis]?.ticks.stepSize).toBe(5);
      expect(scales[axis]?.max).toBe(15);
    }
  });
});

describe('a chart compared with the period before', () => {
  it('draws the previous period as four grey lines behind, and says so in the title', () => {
    const { datasets, title } = drawn('last week', { previous: true });
    expect(datasets.map((d) => d.borderColor)).toEqual([
      ...PANELS.map((p) => p.color),
      ...PANELS.map(() => PREVIOUS_COLOR),
    ]);
    expect(title).toBe('Last week vs the week before (grey, dashed)');
  });
});

describe('hollow points', () => {
  it('draws only this week’s last point, still counting, hollow', () => {
    const { datasets } = drawn('this week');
    for (const dataset of datasets) expect(hollow(dataset)).toEqual([4]);
  });

  it('draws a quarter’s short first and last weeks hollow, the whole weeks between filled', () => {
    const { datasets } = drawn('Q3 2025 by week');
    for (const dataset of datasets) expect(hollow(dataset)).toEqual([0, 13]);
  });
});

describe('the chart server’s address', () => {
  it.each([
    ['charts.example.com', 'https://charts.example.com/chart?'],
    ['https://charts.example.com/', 'https://charts.example.com/chart?'],
    ['http://localhost:3400', 'http://localhost:3400/chart?'],
    ['https://example.com/quickchart', 'https://example.com/quickchart/chart?'],
  ])('“%s” makes chart URLs starting %s', (host, start) => {
    expect(quickChart('{}', host).getUrl().startsWith(start)).toBe(true);
  });
});

describe('the title over a compared chart', () => {
  it.each([
    ['last week', 'Last week vs the week before (grey, dashed)'],
    ['last 3 months', 'Last 3 months vs the 3 months before (grey, dashed)'],
    ['this week', 'This week so far vs the week before to the same point (grey, dashed)'],
    ['this week so far', 'This week so far vs the week before to the same point (grey, dashed)'],
    ['yesterday', 'Yesterday vs the day before (grey, dashed)'],
  ])('“%s” is titled “%s”', (phrase, title) => {
    expect(drawn(phrase, { previous: true }).title).toBe(title);
  });

  it('says a chart with no activity has none, whatever the period before did', () => {
    const report = madeReport('last week', { now: NOW, values: () => 0, previous: () => 4 });
    const url = directChartUrl(chartData(report), HOST)?.url ?? '';
    const options = decodeChartUrl(url).options as { plugins: { title: { text: string } } };
    expect(options.plugins.title.text).toBe('Last week: no activity');
  });
});

describe('the hour still counting', () => {
  it.each([
    ['14 minutes 59 seconds', '2026-11-27T08:14:59Z', [3, null]],
    ['a quarter', '2026-11-27T08:15:00Z', [3, 3]],
  ])('is drawn once %s of it has gone, in both periods', (_, now, drawnCounts) => {
    const data = chartData(madeReport('today', { now, values: () => 3, previous: () => 3 }));
    expect(data.series.contactsAdded.slice(9, 11)).toEqual(drawnCounts);
    expect(data.previous?.contactsAdded.slice(9, 11)).toEqual(drawnCounts);
  });
});
