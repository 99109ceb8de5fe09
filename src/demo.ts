import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { CALENDAR_FLAGS, calendarOptions, mistakeMessage } from './command-line.js';
import { ConfigError, loadDemoConfig } from './config.js';
import { alertsDemo } from './demo-alerts.js';
import { isEntryPoint } from './entry-point.js';
import { type Period, resolvePeriod, WEEKDAY_NAMES } from './period/index.js';
import { type Presented, presentReport } from './present/present-report.js';
import { NumbersFetcher } from './report/numbers-fetcher.js';
import { MEASURES, type Report } from './report/report-types.js';
import { tellodySource } from './report/tellody-source.js';
import { NumbersCache } from './store/numbers-cache.js';
import { openStore } from './store/open-store.js';
import { TellodyClient } from './tellody/client.js';
import { ANOMALY_FLAGS } from './tellody/sandbox/anomalies.js';
import { startSandbox } from './tellody/sandbox/server.js';
import { CHART_SIZE, type ChartImage } from './views/chart.js';
import { changeText, count, MEASURE_NAMES, rate } from './views/format.js';

const USAGE =
  'Usage: npm run demo -- "<phrase>" [--tz Europe/Athens] [--week-start monday] [--now ISO] [--json] [--png chart.png]\n' +
  `  or: npm run demo -- --alerts [--tz …] [--now ISO] [--sensitivity low|normal|high] ${ANOMALY_FLAGS}`;

function options(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...CALENDAR_FLAGS,
      json: { type: 'boolean', default: false },
      png: { type: 'string' },
      alerts: { type: 'boolean', default: false },
      sensitivity: { type: 'string' },
      spike: { type: 'string', multiple: true },
      outage: { type: 'string', multiple: true },
    },
  });
  return {
    phrase: positionals.join(' '),
    ...calendarOptions(values),
    json: values.json,
    png: values.png,
    alerts: values.alerts,
    sensitivity: values.sensitivity,
    spikes: values.spike ?? [],
    outages: values.outage ?? [],
  };
}

function table(report: Report): string {
  const rows = report.buckets.map((b) => {
    const cells = MEASURES.map((m) => (b.values ? count(b.values[m]) : 'not yet').padStart(9));
    return `  ${b.label.padEnd(16)}${cells.join('')}${b.partial ? '  (so far)' : ''}`;
  });
  const head = `  ${''.padEnd(16)}${['added', 'groups', 'served', 'opt-outs'].map((h) => h.padStart(9)).join('')}`;
  return [head, ...rows].join('\n');
}

function summary(period: Period, presented: Extract<Presented, { ok: true }>): string {
  const { report, chart } = presented;
  const lines = [
    `${period.label}${report.running ? ' (so far)' : ''}`,
    `${period.zone}, weeks start on ${WEEKDAY_NAMES[period.weekStart]}, by ${period.unit}`,
    '',
  ];
  for (const m of MEASURES) {
    const c = report.comparison?.changes[m];
    lines.push(`  ${MEASURE_NAMES[m].padEnd(16)}${count(report.totals[m]).padStart(10)}   ${c ? changeText(c) : ''}`);
  }
  lines.push(`  ${'Opt-out rate'.padEnd(16)}${rate(report.optOutRate).padStart(10)}`);
  if (report.comparison)
    lines.push(
      '',
      `  Compared with ${report.comparison.label}${report.comparison.sameElapsed ? ', to the same point' : ''}`,
    );
  lines.push('', table(report), '', `Chart (${chart.kind}, ${chart.url.length} characters): ${chart.url}`, '');
  return lines.join('\n');
}

export interface DemoResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The demo as a function: what it prints and its exit code. */
export async function runDemo(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<DemoResult> {
  try {
    const args = options(argv);
    const { QUICKCHART_HOST } = loadDemoConfig(env);
    if (args.alerts) return { code: 0, stdout: await alertsDemo({ ...args, chartHost: QUICKCHART_HOST }), stderr: '' };
    const period = resolvePeriod(args.phrase, { zone: args.zone, weekStart: args.weekStart, now: args.now });
    const presented = await presentAgainstSandbox(period, args.now, QUICKCHART_HOST);
    const blockKit = JSON.stringify(presented.message, null, 2);
    if (args.png && presented.ok) await writeChartPng(presented.chart, args.png);
    if (args.json) return { code: presented.ok ? 0 : 1, stdout: `${blockKit}\n`, stderr: '' };
    const stdout = presented.ok
      ? `${summary(period, presented)}\nBlock Kit:\n${blockKit}\n`
      : `${presented.message.text}\n`;
    return { code: presented.ok ? 0 : 1, stdout, stderr: '' };
  } catch (error) {
    const mistake = mistakeMessage(error, USAGE, (e) => e instanceof ConfigError);
    if (mistake === null) throw error;
    return { code: 2, stdout: '', stderr: `${mistake}\n` };
  }
}

/**
 * The chart drawn offline, as QuickChart would draw it, into a PNG file. Chart.js and
 * @napi-rs/canvas are dev dependencies, loaded only here: production never draws a chart.
 */
async function writeChartPng(chart: ChartImage, path: string): Promise<void> {
  const { chartRequestOf, renderChart } = await import('./present/chart-png.js');
  const request = chart.config
    ? { config: chart.config, ...CHART_SIZE, background: 'white' }
    : chartRequestOf(chart.url);
  const rendered = renderChart(request);
  rendered.chart.destroy();
  await writeFile(path, rendered.png);
}

/** The real client and report against a sandbox started for this one run, in the period's zone. */
async function presentAgainstSandbox(period: Period, now: number, chartHost: string): Promise<Presented> {
  const sandbox = await startSandbox({ zone: period.zone, now: () => now });
  const store = openStore('memory:');
  try {
    const client = new TellodyClient({ baseUrl: sandbox.baseUrl, credentials: { username: 'demo', password: 'demo' } });
    return await presentReport(period, {
      workspace: 'demo',
      source: tellodySource(client, { baseUrl: sandbox.baseUrl, username: 'demo' }),
      fetcher: new NumbersFetcher(new NumbersCache(store)),
      now,
      chart: { host: chartHost, timeoutMs: 1500 },
    });
  } finally {
    await store.close();
    await sandbox.close();
  }
}

if (isEntryPoint(import.meta.url)) {
  const result = await runDemo(process.argv.slice(2));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
