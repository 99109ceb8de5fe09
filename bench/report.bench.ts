import { resolvePeriod } from '../src/period/index.js';
import { presentReport } from '../src/present/present-report.js';
import { NumbersFetcher } from '../src/report/numbers-fetcher.js';
import { tellodySource } from '../src/report/tellody-source.js';
import { NumbersCache } from '../src/store/numbers-cache.js';
import { openStore } from '../src/store/open-store.js';
import { TellodyClient } from '../src/tellody/client.js';
import { startSandbox } from '../src/tellody/sandbox/server.js';
import { measure } from './harness.js';

/** The whole path Slack takes: phrase → report → chart → Block Kit, with a warm cache and with none. */
export async function benchReport(): Promise<void> {
  const now = Date.parse('2026-11-27T10:00:00Z');
  const sandbox = await startSandbox({ now: () => now });
  const store = openStore('memory:');
  const client = new TellodyClient({ baseUrl: sandbox.baseUrl, credentials: { username: 'demo', password: 'demo' } });
  const source = tellodySource(client, { baseUrl: sandbox.baseUrl, username: 'demo' });
  const settings = { zone: 'Europe/Athens', weekStart: 1 as const, now };
  const warm = new NumbersFetcher(new NumbersCache(store));
  const present = (phrase: string, fetcher: NumbersFetcher) =>
    presentReport(resolvePeriod(phrase, settings), {
      workspace: 'bench',
      source,
      fetcher,
      now,
      chart: { host: 'https://quickchart.io' },
    });
  try {
    await measure('report: "last week" → Block Kit, cache warm', () => present('last week', warm), 1000);
    await measure(
      'report: "last week" → Block Kit, no cache (2 Tellody calls)',
      () => present('last week', new NumbersFetcher(new NumbersCache(openStore('memory:')))),
      1000,
    );
    await measure('report: "this month" → Block Kit, cache warm', () => present('this month', warm), 1000);
  } finally {
    await store.close();
    await sandbox.close();
  }
}
