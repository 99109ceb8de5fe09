import { QUICK } from '../harness.js';
import { SECRET, type StandIn, type Target } from './fleet.js';
import { cpuMs } from './processes.js';
import { type CommandMix, signedLoad } from './signed-load.js';

/** One row of the table: how a target answers the same signed `/contacts last week`, cache warm. */
export interface SpeedRow {
  readonly name: string;
  /** Time to Slack's 200 (the ack), at a fixed 200 requests a second. */
  readonly ackP50Ms: number;
  readonly ackP99Ms: number;
  /** Commands answered per second at full speed (acks, for the anchor that only acks). */
  readonly maxPerSecond: number;
  /** CPU time of the target's processes per command, at full speed, answer included. */
  readonly cpuMsPerRequest: number;
  readonly failed: number;
}

export const FIXED_RATE = 200;
const CONNECTIONS = 20;
const SECONDS = QUICK ? 1 : 10;

export const lastWeek: CommandMix = () => ({ text: 'last week', team: 'T1' });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `expected` commands have been answered, or nothing arrived for two seconds; returns the stand-in's counts. */
export async function answersArrived(standIn: StandIn, expected: number) {
  let stats = await standIn.stats();
  let quietSince = Date.now();
  for (let seen = stats.posts; stats.answered < expected && Date.now() - quietSince < 2000; ) {
    await sleep(20);
    stats = await standIn.stats();
    if (stats.posts !== seen) {
      seen = stats.posts;
      quietSince = Date.now();
    }
  }
  await sleep(100); // answers to requests autocannon gave up on at the end may still land
  return standIn.stats();
}

let runs = 0;

async function drive(target: Target, standIn: StandIn, options: { rate?: number; amount?: number }) {
  await standIn.reset();
  const cpuBefore = target.pids.reduce((sum, pid) => sum + cpuMs(pid), 0);
  const startedAt = Date.now();
  const load = await signedLoad({
    urls: target.urls,
    secret: SECRET,
    responseBase: standIn.base,
    tag: `r${++runs}`,
    commands: lastWeek,
    connections: CONNECTIONS,
    ...(options.amount === undefined ? { seconds: SECONDS } : { amount: options.amount }),
    ...(options.rate === undefined ? {} : { rate: options.rate }),
  });
  const stats = target.answers ? await answersArrived(standIn, load.ok) : null;
  const cpu = target.pids.reduce((sum, pid) => sum + cpuMs(pid), 0) - cpuBefore;
  const answered = stats ? stats.answered : load.ok;
  const elapsedMs = stats ? Math.max(stats.lastPostAt - startedAt, load.elapsedMs) : load.elapsedMs;
  return { load, answered, elapsedMs, cpu, missing: load.ok - answered };
}

/** Warm up, then the fixed-rate run (ack latency) and the full-speed run (throughput, CPU). */
export async function measureSpeed(target: Target, standIn: StandIn): Promise<SpeedRow> {
  await drive(target, standIn, { amount: QUICK ? 40 : 1000 });
  const fixed = await drive(target, standIn, { rate: FIXED_RATE });
  const full = await drive(target, standIn, {});
  const row = {
    name: target.name,
    ackP50Ms: fixed.load.p50,
    ackP99Ms: fixed.load.p99,
    maxPerSecond: (full.answered / full.elapsedMs) * 1000,
    cpuMsPerRequest: full.cpu / Math.max(1, full.answered),
    failed: fixed.load.failed + full.load.failed + Math.max(0, fixed.missing) + Math.max(0, full.missing),
  };
  printRow(row);
  return row;
}

const fmt = (value: number, digits: number) =>
  value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function printRow(row: SpeedRow, anchor?: SpeedRow): void {
  const ratio = (mine: number, theirs: number | undefined) =>
    theirs ? ` (${fmt(mine / theirs, 2)}×)`.padEnd(9) : ''.padEnd(anchor ? 9 : 0);
  console.log(
    [
      row.name.padEnd(44),
      `${fmt(row.ackP50Ms, 1)} ms`.padStart(9),
      ratio(row.ackP50Ms, anchor?.ackP50Ms),
      `${fmt(row.ackP99Ms, 1)} ms`.padStart(10),
      ratio(row.ackP99Ms, anchor?.ackP99Ms),
      `${fmt(row.maxPerSecond, 0)}/s`.padStart(9),
      ratio(row.maxPerSecond, anchor?.maxPerSecond),
      `${fmt(row.cpuMsPerRequest, 2)} ms`.padStart(9),
      ratio(row.cpuMsPerRequest, anchor?.cpuMsPerRequest),
      row.failed ? `  ${row.failed} failed or unanswered` : '',
    ].join(' '),
  );
}

export function printTable(rows: readonly SpeedRow[], anchor: SpeedRow | undefined): void {
  console.log(
    `\n${'app'.padEnd(44)} ${'ack p50'.padStart(9)}${anchor ? ' '.repeat(10) : ''} ${'ack p99'.padStart(10)}${anchor ? ' '.repeat(10) : ''} ${'max'.padStart(9)}${anchor ? ' '.repeat(10) : ''} ${'CPU/req'.padStart(9)}`,
  );
  for (const row of rows) printRow(row, anchor);
  if (anchor)
    console.log(
      `(ratios to "${anchor.name}"; ack at ${FIXED_RATE} req/s, max and CPU at full speed, ${CONNECTIONS} connections)`,
    );
}
