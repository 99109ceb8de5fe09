import { LRUCache } from 'lru-cache';
import { floorTo } from '../period/calendar.js';
import { type Period, periodToken } from '../period/index.js';
import { SETTLE_MS } from '../report/chart-fetcher.js';
import type { Report } from '../report/types.js';
import type { ChartImage } from '../views/chart.js';
import { blockIdSuffix, type SlackMessage, withBlockIdSuffix } from '../views/report-message.js';

/** How many settled reports (with chart and message, some 15 KB each) one instance keeps at most. */
export const SETTLED_REPORTS = 500;

export interface SettledReport {
  readonly report: Report;
  readonly chart: ChartImage;
  readonly message: SlackMessage;
}

interface Kept extends SettledReport {
  /** The block id suffix the message was made with. */
  readonly suffix: string;
}

export interface SettledKey {
  readonly workspace: string;
  readonly accountId: string;
  readonly now: number;
  readonly host: string;
  readonly shareable?: boolean | undefined;
  readonly interactive?: boolean | undefined;
}

/**
 * Reports of periods that have settled, with their chart and message, made once and kept in
 * memory (least recently used go first). A settled period's numbers never change, so nothing
 * is invalidated; what a message says about now (its title, "Last week"; its buttons) changes
 * only with the local day, which is part of the key. Sent again, a message gets new block ids.
 * The store stays the source of truth: this is a copy that may be lost.
 */
export class SettledReports {
  private readonly kept: LRUCache<string, Kept>;

  constructor(max = SETTLED_REPORTS) {
    this.kept = new LRUCache({ max });
  }

  /** The key for this period as shown now, or null while its numbers may still change. */
  keyFor(period: Period, options: SettledKey): string | null {
    if (!(period.end + SETTLE_MS < options.now)) return null;
    return [
      options.workspace,
      options.accountId,
      periodToken(period),
      floorTo(options.now, 'day', period),
      options.host,
      options.shareable ?? '',
      options.interactive ?? '',
    ].join('\n');
  }

  /** The kept report, its message with block ids made `now`. */
  get(key: string, period: Period, now: number): SettledReport | undefined {
    const kept = this.kept.get(key);
    if (!kept) return undefined;
    const message = withBlockIdSuffix(kept.message, kept.suffix, blockIdSuffix(period, now));
    return { report: kept.report, chart: kept.chart, message };
  }

  keep(key: string, made: SettledReport, now: number): void {
    this.kept.set(key, { ...made, suffix: blockIdSuffix(made.report.period, now) });
  }
}
