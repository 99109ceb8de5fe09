import { reportHarness } from '../test/support/report-harness.js';
import { presentReport } from '../src/present/present-report.js';
import { SettledReports } from '../src/present/settled-reports.js';
import { tellodySource } from '../src/report/tellody-source.js';
import { resolvePeriod } from '../src/period/index.js';
const h = await reportHarness();
const source = tellodySource(h.client, { baseUrl: h.sandbox.baseUrl, username: 'demo' });
const gcHeap = () => { globalThis.gc?.(); globalThis.gc?.(); return process.memoryUsage().heapUsed / 2 ** 20; };
const phrases = ['last week', 'last month', '2025', 'Q3 2025', 'yesterday', 'past 30 days'];
for (const keep of [false, true]) {
  const settled = new SettledReports(100000);
  // warm chart memory first
  const periods = phrases.map((p) => h.period(p));
  for (const period of periods) await presentReport(period, { workspace: 'TW', source, fetcher: h.fetcher, now: h.clock.now(), chart: { host: 'https://quickchart.io' } });
  const before = gcHeap();
  const hold: unknown[] = [];
  for (let ws = 0; ws < 50; ws++) for (const period of periods) {
    const p = await presentReport(period, { workspace: 'TW', source, fetcher: h.fetcher, now: h.clock.now() + ws, chart: { host: 'https://quickchart.io' } });
    if (keep) hold.push(p);
  }
  console.log(keep ? 'kept' : 'not kept', 'heap delta per entry KiB', (((gcHeap() - before) * 1024) / 300).toFixed(1), hold.length);
}
await h.close();
