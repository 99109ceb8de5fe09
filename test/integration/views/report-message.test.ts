import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodFromToken } from '../../../src/period/index.js';
import { chartImage } from '../../../src/present/chart-image.js';
import type { Report } from '../../../src/report/report-types.js';
import { MEASURES } from '../../../src/report/report-types.js';
import { activityBetween } from '../../../src/tellody/sandbox/synthetic-data.js';
import { type ChartImage, chartData, MAX_IMAGE_URL, PANELS } from '../../../src/views/chart.js';
import { count, MEASURE_NAMES } from '../../../src/views/format.js';
import { ACTIONS } from '../../../src/views/ids.js';
import { buildReportMessage } from '../../../src/views/report-message.js';
import { expectValidMessage } from '../../support/block-kit.js';
import { decodeChartUrl } from '../../support/chart-url.js';
import { startQuickChartStandIn } from '../../support/quickchart-standin.js';
import { type Harness, reportHarness } from '../../support/report-harness.js';
import { totalsShown } from '../../support/report-reading.js';

let h: Harness;
let quickchart: Awaited<ReturnType<typeof startQuickChartStandIn>>;
beforeAll(async () => {
  h = await reportHarness();
  quickchart = await startQuickChartStandIn();
});
afterAll(async () => {
  await h.close();
  await quickchart.close();
});

/** Every period and unit shape the period module allows, from a DST day by hour to a year by day. */
const PHRASES = [
  '25 October 2026',
  '29 March 2026',
  'today',
  'this week',
  'last week by hour',
  'last month',
  'this month by week',
  'Q3 2025',
  'last 30 days',
  'Dec 20 to Jan 5',
  'last year',
  '2025 by week',
  '2025 by day',
  'this year so far',
  '2021 to 2025',
  'Jan 2015',
];

async function rendered(phrase: string) {
  const report = await h.report(phrase);
  const chart = await chartImage(report, { host: quickchart.host });
  return { report, chart, message: buildReportMessage({ report, chart, now: h.clock.now() }) };
}

/** What the chart draws, finite numbers only: this period's four panels, then the previous period's. */
const drawn = (config: ReturnType<typeof decodeChartUrl>) =>
  config.data.datasets.map((d) => d.data.filter((v) => Number.isFinite(v)));

function chartNumbers(report: Report, unit: ChartImage['unit']) {
  const data = chartData(report, unit);
  const of = (series: typeof data.series) => PANELS.map((p) => series[p.measure].filter((v) => v !== null));
  return [...of(data.series), ...(data.previous ? of(data.previous) : [])];
}

/** The config a chart image was drawn from: the one posted for a short URL, else the URL's own. */
function configOf(chart: ChartImage) {
  if (chart.kind !== 'short') return decodeChartUrl(chart.url);
  return decodeChartUrl(`https://x/chart?c=${encodeURIComponent(quickchart.created.at(-1)?.chart ?? '')}`);
}

describe.each(PHRASES)('the report message for “%s”', (phrase) => {
  it('keeps within every Block Kit limit, image URL included', async () => {
    const { message, chart } = await rendered(phrase);
    expectValidMessage(message);
    expect(chart.url.length).toBeLessThanOrEqual(MAX_IMAGE_URL);
  });

  it('draws the report’s own numbers, in Chart.js 4', async () => {
    const { report, chart } = await rendered(phrase);
    const config = configOf(chart);
    const version =
      chart.kind === 'short' ? quickchart.created.at(-1)?.version : new URL(chart.url).searchParams.get('v');
    expect(version).toBe('4');
    expect(drawn(config)).toEqual(chartNumbers(report, chart.unit));
    expect(config.data.labels).toHaveLength(chartData(report, chart.unit).points.length);
  });

  it('shows the sandbox’s totals, each beside its own measure, in the fields and in the fallback text', async () => {
    const { report, message } = await rendered(phrase);
    const events = activityBetween(
      { seed: 1, zone: 'Europe/Athens' },
      report.period.start,
      report.period.end + 1,
      h.clock.now(),
    );
    expect(totalsShown(message)).toEqual(events);
    // A notification shows the text: the numbers first, new contacts leading, then the period.
    expect(message.text.startsWith(`${count(events.contactsAdded)} new contacts`)).toBe(true);
    for (const m of MEASURES) expect(message.text).toContain(`${count(events[m])} ${MEASURE_NAMES[m].toLowerCase()}`);
    expect(message.text).toContain(report.period.range);
  });
});

describe('report message details', () => {
  it('fits a year by day through QuickChart’s short URL, and says that link expires', async () => {
    const { chart, message } = await rendered('2025 by day');
    expect(chart.kind).toBe('short');
    expect(JSON.stringify(message.blocks)).toContain('Chart link expires');
  });

  it('falls back to calendar weeks, and says so, when no short URL can be had', async () => {
    const failing = await startQuickChartStandIn({ fail: true });
    try {
      const report = await h.report('2025 by day');
      const chart = await chartImage(report, { host: failing.host });
      expect(chart).toMatchObject({ kind: 'coarser' });
      expect(['week', 'month']).toContain(chart.unit);
      expect(chart.url.length).toBeLessThanOrEqual(MAX_IMAGE_URL);
      const message = buildReportMessage({ report, chart, now: h.clock.now() });
      expect(JSON.stringify(message.blocks)).toContain(`Chart shows one point per ${chart.unit} to fit Slack.`);
      const served = drawn(decodeChartUrl(chart.url))[1]?.reduce((a, b) => a + b, 0);
      expect(served).toBe(report.totals.contactsServed);
    } finally {
      await failing.close();
    }
  });

  it('leaves buckets that have not started off the chart rather than drawing zeros', async () => {
    const { report, chart } = await rendered('this week');
    const served = decodeChartUrl(chart.url).data.datasets[1]?.data ?? [];
    expect(served.slice(5).filter((v) => Number.isFinite(v))).toEqual([]);
    expect(report.buckets.filter((b) => b.values === null)).toHaveLength(2);
  });

  it('draws a period with no activity as flat lines, titled so', async () => {
    const { chart } = await rendered('2014');
    const config = decodeChartUrl(chart.url);
    expect(JSON.stringify(config.options)).toContain('no activity');
    expect(config.data.datasets[0]?.data.every((v) => v === 0)).toBe(true);
  });

  it('offers previous, next only once it has started, valid units only, and share', async () => {
    const lastWeek = (await rendered('last week')).message;
    const actions = lastWeek.blocks.find((b) => b.type === 'actions');
    const ids = (actions?.type === 'actions' ? actions.elements : []).map((e) => ('action_id' in e ? e.action_id : ''));
    expect(ids).toEqual([ACTIONS.previous, ACTIONS.next, ACTIONS.granularity, ACTIONS.share]);
    const thisWeek = (await rendered('this week')).message;
    expect(JSON.stringify(thisWeek.blocks)).not.toContain(ACTIONS.next);
    const menu = JSON.stringify(lastWeek.blocks);
    expect(menu).toContain('By hour');
    expect(menu).not.toContain('By month');
  });

  it('names step buttons by the period, and by its dates where the name alone says little', async () => {
    const texts = (message: { blocks: unknown[] }) => JSON.stringify(message.blocks);
    expect(texts((await rendered('last week')).message)).toContain('◀ 2 weeks ago');
    expect(texts((await rendered('week of March 3')).message)).toContain('◀ Mon 23 Feb – Sun 1 Mar 2026');
    expect(texts((await rendered('Q3 2025')).message)).toContain('Q4 2025 ▶');
  });

  it('puts a period in each button that rebuilds exactly the one it names', async () => {
    const { message } = await rendered('last week');
    const actions = message.blocks.find((b) => b.type === 'actions');
    const previous = actions?.type === 'actions' ? actions.elements[0] : undefined;
    const value = previous && 'value' in previous ? String(previous.value) : '';
    expect(periodFromToken(value, h.clock.now()).label).toBe('2 weeks ago · Mon 9 – Sun 15 Nov 2026');
  });

  it('judges the sandbox’s last week of opt-outs by their rate: fewer opt-outs, but fewer sent, is no news', async () => {
    const { report, message } = await rendered('last week');
    const optOuts = report.comparison?.changes.contactsBlocked;
    expect(optOuts).toMatchObject({ trend: 'down', judgedBy: 'rate', verdict: 'neutral' });
    expect(Math.abs(optOuts?.percent ?? 0)).toBeGreaterThan(20);
    const field = JSON.stringify(message.blocks).match(/Opt-outs\*\\n[^"]*/)?.[0] ?? '';
    expect(field).toMatch(/^Opt-outs\*\\n94 · down 29 % \(−39\)\\n0\.46 % of contacts served \(was 0\.47 %\)$/);
    expect(JSON.stringify(message.blocks)).toMatch(/Contacts served\*\\n[^"]*\*worse\*/);
  });
});
