import { type Assessment, assess, historyDays } from './alerts/assess.js';
import { MIN_HISTORY } from './alerts/detect.js';
import { fetchDays } from './alerts/fetch-days.js';
import { todayAt } from './alerts/local-hours.js';
import { UsageError } from './command-line.js';
import { isValidZone, type Weekday } from './period/calendar.js';
import { NumbersFetcher } from './report/numbers-fetcher.js';
import { tellodySource } from './report/tellody-source.js';
import { ALERT_MEASURES, SENSITIVITIES, type Sensitivity } from './store/alert-settings.js';
import { NumbersCache } from './store/numbers-cache.js';
import { openStore } from './store/open-store.js';
import { TellodyClient } from './tellody/client.js';
import { type Anomaly, parseOutage, parseSpike } from './tellody/sandbox/anomalies.js';
import { startSandbox } from './tellody/sandbox/server.js';
import { alertChartUrl } from './views/alert-chart.js';
import { alertHeadline, buildAlertMessage, clockHour } from './views/alert-message.js';
import { localDateTime } from './views/digest-format.js';
import { count, MEASURE_NAMES, weekdayName } from './views/format.js';

export interface AlertsDemoOptions {
  readonly zone: string;
  readonly weekStart: Weekday;
  readonly now: number;
  readonly sensitivity: string | undefined;
  readonly spikes: readonly string[];
  readonly outages: readonly string[];
  readonly chartHost: string;
}

/** The flags read, or a UsageError saying which one is wrong. */
function anomaliesOf(options: AlertsDemoOptions): Anomaly[] {
  try {
    return [...options.spikes.map(parseSpike), ...options.outages.map(parseOutage)];
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function sensitivityOf(text: string | undefined): Sensitivity {
  const sensitivity = (text ?? 'normal') as Sensitivity;
  if (!SENSITIVITIES.includes(sensitivity))
    throw new UsageError(`--sensitivity must be one of ${SENSITIVITIES.join(', ')}.`);
  return sensitivity;
}

function line({ judgement, finding }: Assessment): string {
  const name = MEASURE_NAMES[finding.measure].padEnd(16);
  const by = clockHour(finding.hour);
  if (judgement.kind === 'too-little-history')
    return `  ${name}too little history (${judgement.days} of ${judgement.needed} days)`;
  const point = finding.hours[finding.hour - 1];
  const range = point ? `${count(Math.round(point.low))}–${count(Math.round(point.high))}` : '?';
  const numbers = `${count(finding.observed).padStart(7)} by ${by}   usual ${count(Math.round(finding.usual))} (range ${range})`;
  const verdict = judgement.kind === 'anomalous' ? `ALERT: ${alertHeadline(finding)}` : judgement.kind;
  return `  ${name}${numbers.padEnd(48)}  ${verdict}`;
}

/**
 * `npm run demo -- --alerts`: what the alert checks would say now, against a sandbox started for
 * this run (with any --spike / --outage), for every measure; and for each alert its chart and
 * Block Kit, exactly as the channel would get it.
 */
export async function alertsDemo(options: AlertsDemoOptions): Promise<string> {
  if (!isValidZone(options.zone)) throw new UsageError(`--tz “${options.zone}” is not an IANA time zone.`);
  const sensitivity = sensitivityOf(options.sensitivity);
  const anomalies = anomaliesOf(options);
  const today = todayAt(options.now, options.zone);
  const header = `Same-day alerts as of ${localDateTime(options.now, options.zone)} (${options.zone}), ${sensitivity} sensitivity`;
  if (today.hour === 0) return `${header}\n  Before 01:00: no whole hour to compare yet.\n`;
  const sandbox = await startSandbox({ zone: options.zone, now: () => options.now, faults: { anomalies } });
  const store = openStore('memory:');
  try {
    const client = new TellodyClient({ baseUrl: sandbox.baseUrl, credentials: { username: 'demo', password: 'demo' } });
    const source = tellodySource(client, { baseUrl: sandbox.baseUrl, username: 'demo' });
    const context = {
      workspace: 'demo',
      source,
      fetcher: new NumbersFetcher(new NumbersCache(store)),
      now: options.now,
    };
    const days = await fetchDays(context, today, { zone: options.zone, weekStart: options.weekStart });
    const input = { ...days, hour: today.hour, weekday: today.weekday, zone: options.zone, sensitivity };
    const assessed = ALERT_MEASURES.map((measure) => assess(input, measure));
    const lines = [
      header,
      `Today by ${clockHour(today.hour)} against the same hour of the last ${historyDays(input)} ${weekdayName(today.weekday)}s (${MIN_HISTORY} needed)`,
      '',
      ...assessed.map(line),
    ];
    for (const { judgement, finding } of assessed) {
      if (judgement.kind !== 'anomalous') continue;
      const chartUrl = alertChartUrl(finding, options.chartHost);
      const message = buildAlertMessage({ finding, day: today.date, chartUrl });
      lines.push(
        '',
        `Chart (${chartUrl.length} characters): ${chartUrl}`,
        'Block Kit:',
        JSON.stringify(message, null, 2),
      );
    }
    return `${lines.join('\n')}\n`;
  } finally {
    await store.close();
    await sandbox.close();
  }
}
