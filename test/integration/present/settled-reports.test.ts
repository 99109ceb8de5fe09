import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Period, periodFromToken, periodToken } from '../../../src/period/index.js';
import { type Presented, presentReport } from '../../../src/present/present-report.js';
import { SettledReports } from '../../../src/present/settled-reports.js';
import { NumbersFetcher } from '../../../src/report/numbers-fetcher.js';
import { tellodySource } from '../../../src/report/tellody-source.js';
import { NumbersCache } from '../../../src/store/numbers-cache.js';
import { openStore, type Store } from '../../../src/store/open-store.js';
import { buildReportMessage } from '../../../src/views/report-message.js';
import { type Harness, reportHarness } from '../../support/report-harness.js';

let h: Harness;
let emptyStore: Store;
beforeEach(async () => {
  h = await reportHarness();
  emptyStore = openStore('memory:');
});
afterEach(async () => {
  await emptyStore.close();
  await h.close();
});

const HOST = 'https://quickchart.io';

/** The report as Slack would get it; `fresh` leaves out every chart copy, so anything not kept needs Tellody. */
function present(
  period: Period,
  settled: SettledReports,
  options: { fresh?: boolean; shareable?: boolean; interactive?: boolean } = {},
) {
  return presentReport(period, {
    workspace: 'T1',
    source: tellodySource(h.client, { baseUrl: h.sandbox.baseUrl, username: 'demo' }),
    fetcher: options.fresh ? new NumbersFetcher(new NumbersCache(emptyStore)) : h.fetcher,
    now: h.clock.now(),
    chart: { host: HOST },
    settled,
    ...(options.shareable === undefined ? {} : { shareable: options.shareable }),
    ...(options.interactive === undefined ? {} : { interactive: options.interactive }),
  });
}

function ok(presented: Presented) {
  if (!presented.ok) throw new Error(`no report: ${presented.failure.kind}`);
  return presented;
}

const blockIds = (presented: Presented) => presented.message.blocks.flatMap((b) => (b.block_id ? [b.block_id] : []));

describe('settled reports kept with their messages', () => {
  it('answers a settled period again without making it: no Tellody, no chart cache needed', async () => {
    const settled = new SettledReports();
    const first = ok(await present(h.period('last week'), settled));
    h.sandbox.faults.errorRate = 1;
    const again = ok(await present(h.period('last week'), settled, { fresh: true }));
    expect(again.report.totals).toEqual(first.report.totals);
  });

  it('makes a period still running afresh every time', async () => {
    const settled = new SettledReports();
    ok(await present(h.period('this week'), settled));
    h.sandbox.faults.errorRate = 1;
    const again = await present(h.period('this week'), settled, { fresh: true });
    expect(again.ok).toBe(false);
  });

  it('sends a kept message as a new one: new block ids, and otherwise what the kept report shows at that instant', async () => {
    const settled = new SettledReports();
    const first = ok(await present(h.period('last week'), settled));
    h.clock.advance(3_600_000);
    const later = ok(await present(h.period('last week'), settled));
    const remade = buildReportMessage({
      report: later.report,
      chart: later.chart,
      now: h.clock.now(),
      shareable: true,
    });
    expect(later.message).toEqual(remade);
    expect(blockIds(later).filter((id) => blockIds(first).includes(id))).toEqual([]);
  });

  it('makes the message again on a new day, when what it says about now changes', async () => {
    const settled = new SettledReports();
    const lastWeek = h.period('last week');
    expect(ok(await present(lastWeek, settled)).message.text).toContain('Last week');
    h.clock.advance(7 * 86_400_000);
    const sameWeek = periodFromToken(periodToken(lastWeek), h.clock.now()); // as its ◀ ▶ buttons bring it back
    expect(ok(await present(sameWeek, settled)).message.text).toContain('2 weeks ago');
  });

  it('keeps the private message and the channel copy apart', async () => {
    const settled = new SettledReports();
    const lastWeek = h.period('last week');
    const hasButtons = (p: Presented) => p.message.blocks.some((b) => b.type === 'actions');
    expect(hasButtons(ok(await present(lastWeek, settled)))).toBe(true);
    expect(hasButtons(ok(await present(lastWeek, settled, { interactive: false, shareable: false })))).toBe(false);
    expect(hasButtons(ok(await present(lastWeek, settled)))).toBe(true);
  });

  it('keeps at most its size, the least recently asked going first', async () => {
    const settled = new SettledReports(2);
    const periods = ['last week', '2 weeks ago', '3 weeks ago'].map((phrase) => h.period(phrase));
    for (const period of periods) ok(await present(period, settled));
    h.sandbox.faults.errorRate = 1;
    const again = await Promise.all(periods.map((period) => present(period, settled, { fresh: true })));
    expect(again.map((p) => p.ok)).toEqual([false, true, true]);
  });
});
