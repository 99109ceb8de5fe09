import { reportHarness } from '../test/support/report-harness.js';
import { presentReport } from '../src/present/present-report.js';
import { tellodySource } from '../src/report/tellody-source.js';
import { PHRASES } from './period.bench.js';
const h = await reportHarness();
const source = tellodySource(h.client, { baseUrl: h.sandbox.baseUrl, username: 'demo' });
for (const phrase of PHRASES) {
  let period; try { period = h.period(phrase); } catch { continue; }
  const p = await presentReport(period, { workspace: 'T1', source, fetcher: h.fetcher, now: h.clock.now(), chart: { host: 'https://quickchart.io' } });
  if (!p.ok) continue;
  const size = (v: unknown) => (JSON.stringify(v).length / 1024).toFixed(1);
  console.log(phrase.padEnd(26), 'report', size(p.report), 'chart', size(p.chart), 'message', size(p.message), 'KiB JSON');
}
await h.close();
