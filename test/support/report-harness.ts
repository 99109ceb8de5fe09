import type { Weekday } from '../../src/period/calendar.js';
import { type Period, resolvePeriod } from '../../src/period/index.js';
import { buildReport } from '../../src/report/build-report.js';
import { NumbersFetcher } from '../../src/report/numbers-fetcher.js';
import type { Report, ReportOutcome } from '../../src/report/report-types.js';
import { tellodySource } from '../../src/report/tellody-source.js';
import { NumbersCache } from '../../src/store/numbers-cache.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { TellodyClient } from '../../src/tellody/client.js';
import { type Sandbox, type SandboxAccount, startSandbox } from '../../src/tellody/sandbox/server.js';
import { RETRY_POLICIES } from '../../src/tellody/transport.js';
import { manualClock } from './clock.js';

export interface Harness {
  readonly sandbox: Sandbox;
  readonly client: TellodyClient;
  readonly clock: ReturnType<typeof manualClock>;
  readonly store: Store;
  fetcher: NumbersFetcher;
  period(phrase: string): Period;
  outcome(period: Period | string): Promise<ReportOutcome>;
  report(period: Period | string): Promise<Report>;
  /** ContactChart calls the sandbox has served so far. */
  chartCalls(): number;
  close(): Promise<void>;
}

export async function reportHarness(
  options: {
    now?: string;
    zone?: string;
    weekStart?: Weekday;
    storeUrl?: string;
    account?: SandboxAccount;
    /** The password the client logs in with, when it should differ from the account's. */
    password?: string;
  } = {},
): Promise<Harness> {
  const clock = manualClock(options.now ?? '2026-11-27T10:00:00Z');
  const zone = options.zone ?? 'Europe/Athens';
  const account = options.account ?? { username: 'demo', password: 'demo', zone, seed: 1 };
  const sandbox = await startSandbox({ now: clock.now, accounts: [account] });
  const client = new TellodyClient({
    baseUrl: sandbox.baseUrl,
    credentials: { username: account.username, password: options.password ?? account.password },
    retry: RETRY_POLICIES.fast,
  });
  const store = openStore(options.storeUrl ?? 'memory:');
  const source = tellodySource(client, { baseUrl: sandbox.baseUrl, username: account.username });
  const settings = () => ({ zone, weekStart: options.weekStart ?? (1 as Weekday), now: clock.now() });
  const harness: Harness = {
    sandbox,
    client,
    clock,
    store,
    fetcher: new NumbersFetcher(new NumbersCache(store)),
    period: (phrase) => resolvePeriod(phrase, settings()),
    outcome: (period) => {
      const p = typeof period === 'string' ? harness.period(period) : period;
      return buildReport(p, { workspace: 'T1', source, fetcher: harness.fetcher, now: clock.now() });
    },
    async report(period) {
      const outcome = await harness.outcome(period);
      if (!outcome.ok) throw new Error(`report failed: ${outcome.failure.kind} ${outcome.failure.detail}`);
      return outcome.report;
    },
    chartCalls: () => sandbox.calls.get('/CampaignCloud/Report/ContactChart') ?? 0,
    async close() {
      await store.close();
      await sandbox.close();
    },
  };
  return harness;
}
