import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import type { DigestNeeds } from '../src/digest/digest-needs.js';
import { DigestRunner } from '../src/digest/digest-runner.js';
import { runScheduledDigest } from '../src/digest/run-digest.js';
import { composeApp } from '../src/slack/compose.js';
import { aDigestSchedule } from '../test/support/digest-schedule.js';
import { startSlackStandIn } from '../test/support/slack-standin.js';
import { benchAccount } from './digest-accounts.js';
import { QUICK } from './harness.js';

/** `--quick` (CI's smoke run) proves the benchmark still works with a few; the numbers then mean little. */
const WORKSPACES = QUICK ? 20 : 1000;
const SOLO_RUNS = QUICK ? 2 : 5;
/** Monday 30 November 2026, 09:00 in Athens: every workspace is due in this minute. */
const NOW = Date.parse('2026-11-30T09:00:00+02:00');

/** Tellody in a process of its own, as it is another machine in production. */
export async function startRemoteSandbox(accounts: number) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('./sandbox-process.ts', import.meta.url).pathname],
    {
      env: {
        ...process.env,
        BENCH_ACCOUNTS: String(accounts),
        BENCH_LATENCY_MS: '100',
        BENCH_NOW: new Date(NOW).toISOString(),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const baseUrl = await new Promise<string>((resolve, reject) => {
    child.stdout?.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once('exit', (code) => reject(new Error(`the sandbox exited (${code})`)));
  });
  return { baseUrl, close: () => new Promise<void>((resolve) => child.once('exit', () => resolve()).kill('SIGTERM')) };
}

/** Peak resident memory while `work` runs, sampled every 20 ms. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ value: T; peakMiB: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const value = await work();
    return { value, peakMiB: Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20) };
  } finally {
    clearInterval(timer);
  }
}

async function setUp(deps: ReturnType<typeof composeApp>, workspace: string, i: number): Promise<void> {
  await deps.credentials.set(workspace, benchAccount(i), NOW);
  await deps.digests.setSchedule(workspace, aDigestSchedule(`C${workspace}`, { teamId: workspace }));
}

/** One workspace's digest alone (its own Tellody account, cold): the time each of the 1,000 would take uncontended. */
async function soloMillis(digest: DigestNeeds, deps: ReturnType<typeof composeApp>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < SOLO_RUNS; i++) {
    const workspace = `SOLO${i}`;
    await setUp(deps, workspace, WORKSPACES + i);
    const started = performance.now();
    const { outcome } = await runScheduledDigest(digest, workspace);
    if (outcome !== 'posted') throw new Error(`solo digest ${workspace}: ${outcome}`);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(SOLO_RUNS / 2)] ?? 0;
}

/**
 * 1,000 workspaces due in the same minute, each with its own Tellody account, Tellody 100 ms away
 * (the sandbox, in its own process), SQLite store: the wall time to post them all, against the ideal for the configured concurrency
 * (ceil(1000 / concurrency) rounds of one uncontended digest), and the peak RSS.
 */
export async function benchDigest(): Promise<void> {
  const sandbox = await startRemoteSandbox(WORKSPACES + SOLO_RUNS);
  const slack = await startSlackStandIn();
  const dir = mkdtempSync(join(tmpdir(), 'contacts-digest-bench-'));
  const config = loadConfig({
    SLACK_SIGNING_SECRET: 'bench',
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_API_URL: slack.apiUrl,
    TELLODY_BASE_URL: sandbox.baseUrl,
    STORE_URL: `sqlite://${join(dir, 'contacts.sqlite')}`,
    ENCRYPTION_KEY: 'ab'.repeat(32),
    ...(process.env.DIGEST_CONCURRENCY ? { DIGEST_CONCURRENCY: process.env.DIGEST_CONCURRENCY } : {}),
  });
  const deps = composeApp(config, { clock: () => NOW });
  const digest = deps.jobs.digest;
  try {
    const solo = await soloMillis(digest, deps);
    for (let i = 0; i < WORKSPACES; i++) await setUp(deps, `W${i}`, i);
    const started = performance.now();
    const cpu = process.cpuUsage();
    const { value: results, peakMiB } = await withPeakRss(() => new DigestRunner(digest).tick());
    const wall = performance.now() - started;
    const cpuMs = (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1000;
    const posted = results.filter((r) => r.result.outcome === 'posted' && r.workspace.startsWith('W')).length;
    const ideal = Math.ceil(WORKSPACES / config.DIGEST_CONCURRENCY) * solo;
    const perChannel = Math.max(
      ...[...new Set(slack.messages.map((m) => m.channel))].map((c) => slack.messagesIn(c).length),
    );
    console.log(
      `digest: ${posted}/${WORKSPACES} due at once, concurrency ${config.DIGEST_CONCURRENCY}, Tellody RTT 100 ms`.padEnd(
        72,
      ) +
        ` wall ${(wall / 1000).toFixed(1)} s  one alone ${solo.toFixed(0)} ms  ideal ${(ideal / 1000).toFixed(1)} s  ` +
        `efficiency ${(ideal / wall).toFixed(2)}  peak RSS ${peakMiB} MiB  CPU ${(cpuMs / WORKSPACES).toFixed(1)} ms/digest  ` +
        `max posts/channel ${perChannel}`,
    );
  } finally {
    await deps.store.close();
    await slack.close();
    await sandbox.close();
  }
}
