import { reportHarness } from '../test/support/report-harness.js';
import { presentReport } from '../src/present/present-report.js';
import { SettledReports } from '../src/present/settled-reports.js';
import { tellodySource } from '../src/report/tellody-source.js';
import { PHRASES } from './period.bench.js';
const h = await reportHarness();
const settled = new SettledReports(100000);
const gcHeap = () => { globalThis.gc?.(); globalThis.gc?.(); return process.memoryUsage().heapUsed / 2 ** 20; };
const source = tellodySource(h.client, { baseUrl: h.sandbox.baseUrl, username: 'demo' });
const before = gcHeap();
let n = 0;
for (let ws = 0; ws < 40; ws++) for (const phrase of PHRASES) {
  let period; try { period = h.period(phrase); } catch { continue; }
  const p = await presentReport(period, { workspace: `T${ws}`, source, fetcher: h.fetcher, now: h.clock.now(), chart: { host: 'https://quickchart.io' }, settled });
  if (p.ok) n++;
}
const after = gcHeap();
console.log('presented', n, 'heap delta MiB', (after - before).toFixed(1), 'KiB per presented (incl chart LRU)', (((after - before) * 1024) / n).toFixed(1));
await h.close();
