import { LRUCache } from 'lru-cache';
import { floorTo } from '../period/calendar.js';
import { type Period, periodToken } from '../period/index.js';
import { SETTLE_MS } from '../report/numbers-fetcher.js';
import type { Report } from '../report/report-types.js';
import type { ChartImage } from '../views/chart.js';
import { blockIdSuffix, type SlackMessage, withBlockIdSuffix } from '../views/report-message.js';

/** How many settled reports (with chart and message, some 20 KiB of heap each) one instance keeps at most. */
export const SETTLED_REPORTS = 300;

export interface SettledReport {
  readonly report: Report;
  readonly chart: ChartImage;
  readonly message: SlackMessage;
}

interface Kept extends SettledReport {
  /** The block id suffix the message was made with. */
  readonly suffix: string;
}

/** A place in the keeping: its key, and the block id suffix a message sent now gets. */
export interface SettledSlot {
  readonly key: string;
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

  /** Where this period, as shown now, is kept; null while its numbers may still change. */
  slotFor(period: Period, options: SettledKey): SettledSlot | null {
    if (!(period.end + SETTLE_MS < options.now)) return null;
    const token = periodToken(period);
    const key = [
      options.workspace,
      options.accountId,
      token,
      floorTo(options.now, 'day', period),
      options.host,
      options.shareable ?? '',
      options.interactive ?? '',
    ].join('\n');
    return { key, suffix: blockIdSuffix(token, options.now) };
  }

  /** The kept report, its message with the block ids of this slot. */
  get(slot: SettledSlot): SettledReport | undefined {
    const kept = this.kept.get(slot.key);
    if (!kept) return undefined;
    return {
      report: kept.report,
      chart: kept.chart,
      message: withBlockIdSuffix(kept.message, kept.suffix, slot.suffix),
    };
  }

  /** Keeps a report whose message was made with the block ids of this slot (not the chart's config: only a PNG drawn offline needs it). */
  keep(slot: SettledSlot, made: SettledReport): void {
    const { config: _config, ...chart } = made.chart;
    this.kept.set(slot.key, { report: made.report, chart, message: made.message, suffix: slot.suffix });
  }
}
