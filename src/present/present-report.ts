import type { Period } from '../period/index.js';
import { buildReport, type ReportContext } from '../report/build-report.js';
import type { Report, ReportFailure } from '../report/report-types.js';
import type { ChartImage } from '../views/chart.js';
import { buildFailureMessage } from '../views/error-messages.js';
import { buildReportMessage, type SlackMessage } from '../views/report-message.js';
import { type ChartImageOptions, chartImage } from './chart-image.js';
import type { SettledReports } from './settled-reports.js';

export type Presented =
  | { readonly ok: true; readonly report: Report; readonly chart: ChartImage; readonly message: SlackMessage }
  | { readonly ok: false; readonly failure: ReportFailure; readonly message: SlackMessage };

export interface PresentOptions extends ReportContext {
  readonly chart: ChartImageOptions;
  readonly shareable?: boolean;
  readonly interactive?: boolean;
  /** Settled reports made before, to answer from without making them again. */
  readonly settled?: SettledReports;
}

/**
 * A period all the way to what Slack shows: the report, its chart image, the message; or the
 * failure and its message. The slash command, the buttons, App Home, the digest and the demo
 * all come through here, so they show the same thing.
 */
export async function presentReport(period: Period, options: PresentOptions): Promise<Presented> {
  const slot =
    options.settled?.slotFor(period, {
      workspace: options.workspace,
      accountId: options.source.accountId,
      now: options.now,
      host: options.chart.host,
      shareable: options.shareable,
      interactive: options.interactive,
    }) ?? null;
  const kept = slot ? options.settled?.get(slot) : undefined;
  // Answered now without asking Tellody anything.
  if (kept) return { ok: true, ...kept, report: { ...kept.report, tellodyCalls: 0 } };
  const presented = await makePresented(period, options, slot?.suffix);
  // A short URL expires on QuickChart's side: such a chart is made again rather than kept.
  if (slot && presented.ok && presented.chart.kind !== 'short') options.settled?.keep(slot, presented);
  return presented;
}

async function makePresented(period: Period, options: PresentOptions, blockIdSuffix?: string): Promise<Presented> {
  const outcome = await buildReport(period, options);
  if (!outcome.ok) return { ok: false, failure: outcome.failure, message: buildFailureMessage(outcome.failure) };
  const chart = await chartImage(outcome.report, options.chart);
  const message = buildReportMessage({
    report: outcome.report,
    chart,
    now: options.now,
    ...(options.shareable === undefined ? {} : { shareable: options.shareable }),
    ...(options.interactive === undefined ? {} : { interactive: options.interactive }),
    ...(blockIdSuffix === undefined ? {} : { blockIdSuffix }),
  });
  return { ok: true, report: outcome.report, chart, message };
}
