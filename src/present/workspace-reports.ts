import type { Period } from '../period/index.js';
import type { NumbersFetcher, NumbersSource } from '../report/numbers-fetcher.js';
import type { ReportFailureKind } from '../report/report-types.js';
import { noteOutcome, type Outcome } from '../telemetry/outcome.js';
import { buildFailureMessage, buildNotConnectedMessage } from '../views/error-messages.js';
import type { ChartImageOptions } from './chart-image.js';
import { type Presented, presentReport } from './present-report.js';
import type { SettledReports } from './settled-reports.js';

/** Where a workspace's numbers come from: its Tellody account, or why it has none that works. */
export type WorkspaceSource = NumbersSource | 'not-connected' | 'login-unreadable';

/** How the message looks: a Share button, and the buttons that step through time. */
export interface PresentFlags {
  readonly shareable?: boolean;
  readonly interactive?: boolean;
}

export interface WorkspaceReportsOptions {
  readonly numbers: NumbersFetcher;
  readonly settled: SettledReports;
  readonly chart: ChartImageOptions;
  readonly now: () => number;
  /** Where a report that could not be made is told to operators. */
  readonly log: { warn(message: string): void };
  /** Told of each report made: `hit` when none of its numbers had to be asked of Tellody. */
  readonly onMade?: (result: 'hit' | 'miss') => void;
}

/** How a request that could not show its report ended, for the operators' counts. */
const OUTCOME_OF_FAILURE: Record<ReportFailureKind, Outcome> = {
  'tellody-unavailable': 'unavailable',
  'tellody-garbled': 'unavailable',
  'tellody-credentials': 'not_connected',
  'login-unreadable': 'not_connected',
  'tellody-rejected': 'error',
};

const LOGIN_UNREADABLE = { kind: 'login-unreadable', detail: 'no encryption key opens the saved password' } as const;

/**
 * The one place a workspace's period becomes what Slack shows, for every entry point: the slash
 * command, the buttons, the Home tab, the weekly digest (the demo presents a sandbox account the
 * same way, through presentReport). Built once, with the caches every report shares.
 */
export class WorkspaceReports {
  constructor(private readonly options: WorkspaceReportsOptions) {}

  /** The report and its message, or null when the workspace has no Tellody login at all. */
  async present(workspace: string, source: WorkspaceSource, period: Period, flags: PresentFlags = {}) {
    if (source === 'not-connected') {
      noteOutcome('not_connected');
      return null;
    }
    if (source === 'login-unreadable') {
      noteOutcome('not_connected');
      return { ok: false, failure: LOGIN_UNREADABLE, message: buildFailureMessage(LOGIN_UNREADABLE) } as const;
    }
    const { numbers, settled, chart, now } = this.options;
    const presented: Presented = await presentReport(period, {
      workspace,
      source,
      fetcher: numbers,
      settled,
      now: now(),
      chart,
      ...flags,
    });
    if (presented.ok) this.options.onMade?.(presented.report.tellodyCalls === 0 ? 'hit' : 'miss');
    else {
      noteOutcome(OUTCOME_OF_FAILURE[presented.failure.kind]);
      this.options.log.warn(`report for ${workspace} failed: ${presented.failure.kind}: ${presented.failure.detail}`);
    }
    return presented;
  }

  /** The message alone: the report, what went wrong, or that the workspace is not connected. */
  async message(workspace: string, source: WorkspaceSource, period: Period, flags: PresentFlags = {}) {
    return (await this.present(workspace, source, period, flags))?.message ?? buildNotConnectedMessage();
  }
}
