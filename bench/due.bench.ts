import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { type Config, loadConfig } from '../src/config.js';
import type { DigestNeeds } from '../src/digest/digest-needs.js';
import { DigestRunner } from '../src/digest/digest-runner.js';
import { runScheduledDigest } from '../src/digest/run-digest.js';
import type { Weekday } from '../src/period/calendar.js';
import { composeApp } from '../src/slack/compose.js';
import { settingsOf } from '../src/slack/workspace.js';
import { aDigestSchedule } from '../test/support/digest-schedule.js';
import { startRedis } from '../test/support/redis-server.js';
import { startSlackStandIn } from '../test/support/slack-standin.js';
import { countStoreCalls } from '../test/support/store-calls.js';
import { startRemoteSandbox } from './digest.bench.js';
import { benchAccount } from './digest-accounts.js';
import { QUICK } from './harness.js';

/** `--quick` (CI's smoke run) proves the benchmark still works with a few; the numbers then mean little. */
const ENROLLED = QUICK ? 300 : 100_000;
const DUE_AT_ONCE = QUICK ? 20 : 10_000;
const QUIET_TICKS = QUICK ? 5 : 50;
const SOLO_RUNS = QUICK ? 2 : 5;
const SETUP_AT_ONCE = 200;
/** Wednesday 2 December 2026, 12:00 in Athens: a time none of the enrolled digests comes round. */
const QUIET_NOW = Date.parse('2026-12-02T12:00:00+02:00');
/** Monday 30 November 2026 in Athens: every one of the fan-out's digests is due at 09:00. */
const BEFORE_NINE = Date.parse('2026-11-30T08:59:00+02:00');
const NINE = Date.parse('2026-11-30T09:00:00+02:00');

export interface DueIndexRow {
  readonly store: string;
  readonly path:
    | 'every enrolled workspace read (before)'
    | 'due index (after)'
    | 'first tick after upgrading'
    | 'sweep';
  readonly storeCalls: number;
  readonly ms: number;
  readonly runs: number;
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function appConfig(storeUrl: string, env: Record<string, string> = {}): Config {
  return loadConfig({
    SLACK_SIGNING_SECRET: 'bench',
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_API_URL: 'http://127.0.0.1:9/api/',
    TELLODY_BASE_URL: 'http://127.0.0.1:9/',
    STORE_URL: storeUrl,
    ENCRYPTION_KEY: 'ab'.repeat(32),
    LOG_LEVEL: 'warn',
    ...(process.env.DIGEST_CONCURRENCY ? { DIGEST_CONCURRENCY: process.env.DIGEST_CONCURRENCY } : {}),
    ...env,
  });
}

/** Workspace i's digest: spread over the week's days and times, none of them around Wednesday noon. */
function slotOf(i: number): { day: Weekday; time: string } {
  const day = (i % 7) as Weekday;
  const hour = day === 3 && [11, 12].includes((i * 7) % 24) ? 14 : (i * 7) % 24;
  const minute = (i * 13) % 60;
  return { day, time: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}` };
}

/**
 * Today's tick, before the due index: every enrolled workspace's digest looked at, each reading its
 * schedule, its settings (through the kept copies, as then) and its week's record.
 */
async function tickOverEveryWorkspace(deps: DigestNeeds, parts: ReturnType<typeof composeApp>): Promise<number> {
  const asBefore: DigestNeeds = {
    ...deps,
    async workspace(id) {
      const { zone, weekStart, installerUserId } = await settingsOf(parts, id);
      return { id, zone, weekStart, installerUserId };
    },
  };
  const limit = pLimit(deps.concurrency);
  const enrolled = await deps.digests.enrolled();
  await Promise.all(enrolled.map((id) => limit(() => runScheduledDigest(asBefore, id))));
  return enrolled.length;
}

/** What `work` asked of the store, and how long it took. */
async function measured(parts: ReturnType<typeof composeApp>, work: () => Promise<number>) {
  const counted = countStoreCalls(parts.store);
  const started = performance.now();
  try {
    const runs = await work();
    return { ms: performance.now() - started, storeCalls: counted.calls.length, runs };
  } finally {
    counted.stop();
  }
}

/** (a) ENROLLED workspaces with a digest and settings, none due: a tick, before and after the due index. */
async function quietTicks(store: string, storeUrl: string): Promise<DueIndexRow[]> {
  let now = QUIET_NOW;
  const parts = composeApp(appConfig(storeUrl), { clock: () => now });
  const digest = parts.jobs.digest;
  try {
    const limit = pLimit(SETUP_AT_ONCE);
    await Promise.all(
      Array.from({ length: ENROLLED }, (_, i) =>
        limit(async () => {
          const id = `TQ${i}`;
          await parts.settings.set(id, { weekStart: 1, zone: 'Europe/Athens', updatedAt: now });
          await parts.digests.setSchedule(id, aDigestSchedule(`C${i}`, { teamId: id, ...slotOf(i), activeSince: now }));
        }),
      ),
    );
    now += 60_000;
    const runner = new DigestRunner(digest);
    const rows: DueIndexRow[] = [];
    const row = (path: DueIndexRow['path'], m: { ms: number; storeCalls: number; runs: number }) =>
      rows.push({ store, path, ...m });
    // Every workspace was just saved (due at once, as after an upgrade's start-up indexing): one tick places them all.
    row('first tick after upgrading', await measured(parts, async () => (await runner.tick()).length));
    const before = await measured(parts, () => tickOverEveryWorkspace(digest, parts));
    row('every enrolled workspace read (before)', before);
    const after = [];
    for (let i = 0; i < QUIET_TICKS; i++) after.push(await measured(parts, async () => (await runner.tick()).length));
    row('due index (after)', {
      ms: median(after.map((m) => m.ms)),
      storeCalls: median(after.map((m) => m.storeCalls)),
      runs: Math.max(...after.map((m) => m.runs)),
    });
    row('sweep', await measured(parts, async () => (await runner.sweep()).swept));
    return rows;
  } finally {
    await parts.store.close();
    await parts.http.close();
  }
}

export interface FanOut {
  readonly due: number;
  readonly posted: number;
  readonly concurrency: number;
  readonly wallS: number;
  readonly indexQueryMs: number;
  readonly soloMs: number;
  readonly idealS: number;
}

/**
 * (b) DUE_AT_ONCE workspaces due in the same minute, each its own Tellody account, Tellody 100 ms
 * away (its own process), SQLite: the wall time to post them all against the ideal (rounds of one
 * digest alone). No memory figure: the Slack stand-in keeps every message in this process.
 */
async function fanOut(): Promise<FanOut> {
  const sandbox = await startRemoteSandbox(DUE_AT_ONCE + SOLO_RUNS); // its clock: Monday 09:00
  const slack = await startSlackStandIn();
  const dir = mkdtempSync(join(tmpdir(), 'contacts-due-bench-'));
  const config = appConfig(`sqlite://${join(dir, 'contacts.sqlite')}`, {
    SLACK_API_URL: slack.apiUrl,
    TELLODY_BASE_URL: sandbox.baseUrl,
  });
  let now = BEFORE_NINE;
  const parts = composeApp(config, { clock: () => now });
  const digest = parts.jobs.digest;
  try {
    const setUp = async (id: string, i: number) => {
      await parts.credentials.set(id, benchAccount(i), now);
      await parts.digests.setSchedule(id, aDigestSchedule(`C${id}`, { teamId: id, activeSince: BEFORE_NINE }));
    };
    // Digests alone (each cold: its own account), for the ideal: rounds of DIGEST_CONCURRENCY at this speed.
    const solos: number[] = [];
    for (let i = 0; i < SOLO_RUNS; i++) {
      now = BEFORE_NINE;
      await setUp(`SOLO${i}`, DUE_AT_ONCE + i);
      now = NINE;
      const started = performance.now();
      const solo = await runScheduledDigest(digest, `SOLO${i}`);
      if (solo.outcome !== 'posted') throw new Error(`a digest alone: ${solo.outcome}`);
      solos.push(performance.now() - started);
      await parts.digests.forget(`SOLO${i}`); // not one of the fan-out's
    }
    const soloMs = median(solos);
    now = BEFORE_NINE;
    const limit = pLimit(SETUP_AT_ONCE);
    await Promise.all(Array.from({ length: DUE_AT_ONCE }, (_, i) => limit(() => setUp(`W${i}`, i))));
    const runner = new DigestRunner(digest);
    await runner.tick(); // placed: due at 09:00
    now = NINE;
    const queryStarted = performance.now();
    const due = await parts.digests.due.due(now);
    const indexQueryMs = performance.now() - queryStarted;
    const started = performance.now();
    const results = await runner.tick();
    const wallS = (performance.now() - started) / 1000;
    const posted = results.filter((r) => r.result.outcome === 'posted').length;
    const idealS = (Math.ceil(DUE_AT_ONCE / config.DIGEST_CONCURRENCY) * soloMs) / 1000;
    return {
      due: due.length,
      posted,
      concurrency: config.DIGEST_CONCURRENCY,
      wallS,
      indexQueryMs,
      soloMs,
      idealS,
    };
  } finally {
    await parts.store.close();
    await parts.http.close();
    await slack.close();
    await sandbox.close();
  }
}

/**
 * The scheduled jobs' due index: what a tick costs the store with ENROLLED workspaces and none due
 * (before: every workspace read each minute; after: the index asked once), on SQLite and Redis;
 * and the fan-out of DUE_AT_ONCE digests due in the same minute, Tellody 100 ms away.
 */
export async function benchDueIndex(
  options: { redis?: boolean } = {},
): Promise<{ ticks: DueIndexRow[]; fanOut: FanOut }> {
  console.log(`\ndue index: ${ENROLLED} workspaces with a digest, none due; a tick of one instance`);
  const ticks: DueIndexRow[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'contacts-due-ticks-'));
  ticks.push(...(await quietTicks('SQLite', `sqlite://${join(dir, 'contacts.sqlite')}`)));
  if (options.redis !== false) {
    const redis = await startRedis();
    try {
      ticks.push(...(await quietTicks('Redis', redis.url)));
    } finally {
      await redis.stop();
    }
  }
  for (const t of ticks)
    console.log(
      `  ${t.store.padEnd(7)} ${t.path.padEnd(40)} ${String(t.storeCalls).padStart(8)} store calls ${t.ms.toFixed(t.ms < 10 ? 2 : 0).padStart(9)} ms  (${t.runs} runs)`,
    );
  const fan = await fanOut();
  console.log(
    `due index: ${fan.posted}/${fan.due} digests due at once, concurrency ${fan.concurrency}, Tellody RTT 100 ms, SQLite`.padEnd(
      72,
    ) +
      ` wall ${fan.wallS.toFixed(1)} s  index query ${fan.indexQueryMs.toFixed(1)} ms  one alone ${fan.soloMs.toFixed(0)} ms  ` +
      `ideal ${fan.idealS.toFixed(1)} s  efficiency ${(fan.idealS / fan.wallS).toFixed(2)}`,
  );
  return { ticks, fanOut: fan };
}
