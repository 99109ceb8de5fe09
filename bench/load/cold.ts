import { postToSlackApp } from '../../test/support/signed-request.js';
import { QUICK } from '../harness.js';
import { type Sandbox, SECRET, type StandIn, startApp } from './fleet.js';
import { commandBody, percentile } from './signed-load.js';

export interface ColdRow {
  readonly store: string;
  readonly latencyMs: number;
  /** Tellody round trips one after another in the plan ("last week" and the week before go out together: 1). */
  readonly sequentialCalls: number;
  readonly budgetMs: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly commands: number;
  readonly chartCallsPerCommand: number;
  readonly loginsPerCommand: number;
  readonly pingsPerCommand: number;
}

const SLACK_ALLOWANCE_MS = 15;
const path = (name: string) => `/CampaignCloud/${name}`;
const count = (sandbox: Sandbox, name: string) => sandbox.calls.get(path(name)) ?? 0;

/**
 * Cold `/contacts last week` (nothing cached: every command from a workspace not seen before, all
 * on the deployment's Tellody login) with Tellody `latencyMs` away: the time until the answer
 * reaches response_url, and what the sandbox saw per command. The session exists before timing.
 */
export async function benchCold(
  standIn: StandIn,
  sandbox: Sandbox,
  options: { storeUrl?: string; store: string; latencies: readonly number[] },
): Promise<ColdRow[]> {
  const app = await startApp({ standIn, sandbox, ...(options.storeUrl ? { storeUrl: options.storeUrl } : {}) });
  const rows: ColdRow[] = [];
  let team = 0;
  const command = async (tag: string) => {
    const id = `${tag}-1`;
    const arrived = standIn.waitFor(id);
    const started = performance.now();
    const workspace = `TCOLD${++team}`;
    const body = commandBody({
      text: 'last week',
      team: workspace,
      responseUrl: `${standIn.base}/respond/${id}`,
      trigger: id,
    });
    const ack = await postToSlackApp(`${app.base}/slack/events`, SECRET, body, 'application/x-www-form-urlencoded');
    if (ack.status !== 200) throw new Error(`the app answered ${ack.status} to a cold /contacts`);
    await arrived;
    return performance.now() - started;
  };
  try {
    sandbox.faults.latencyMs = 0;
    for (let i = 0; i < 3; i++) await command(`cold-warm-${i}`); // log in, warm the JIT
    for (const latencyMs of options.latencies) {
      sandbox.faults.latencyMs = latencyMs;
      const before = {
        chart: count(sandbox, 'Report/ContactChart'),
        login: count(sandbox, 'login'),
        ping: count(sandbox, 'RememberMeController/ping'),
      };
      const times: number[] = [];
      const n = QUICK ? 3 : 30;
      for (let i = 0; i < n; i++) times.push(await command(`cold-${options.store}-${latencyMs}-${i}`));
      times.sort((a, b) => a - b);
      const per = (name: string, was: number) => (count(sandbox, name) - was) / n;
      const row: ColdRow = {
        store: options.store,
        latencyMs,
        sequentialCalls: 1,
        budgetMs: latencyMs + SLACK_ALLOWANCE_MS,
        p50Ms: percentile(times, 50),
        p95Ms: percentile(times, 95),
        commands: n,
        chartCallsPerCommand: per('Report/ContactChart', before.chart),
        loginsPerCommand: per('login', before.login),
        pingsPerCommand: per('RememberMeController/ping', before.ping),
      };
      console.log(
        `cold /contacts last week, ${row.store}, Tellody ${latencyMs} ms away: p50 ${row.p50Ms.toFixed(1)} ms (budget ${row.budgetMs} ms), p95 ${row.p95Ms.toFixed(1)} ms; per command ${row.chartCallsPerCommand} chart calls, ${row.loginsPerCommand} logins, ${row.pingsPerCommand} pings`,
      );
      rows.push(row);
    }
  } finally {
    sandbox.faults.latencyMs = 0;
    await app.stop();
  }
  return rows;
}
