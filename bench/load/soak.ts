import { QUICK } from '../harness.js';
import { PHRASES } from '../period.bench.js';
import { type Sandbox, SECRET, type StandIn, startApp } from './fleet.js';
import { connectInspector, inspectorUrl } from './inspector.js';
import { type RssTrace, watchRss } from './memory.js';
import { cpuMs, rssMiB } from './processes.js';
import { signedLoad } from './signed-load.js';
import { answersArrived } from './speed.js';

export interface SoakOptions {
  readonly store: string;
  readonly storeUrl?: string;
  /** node's flags in place of npm start's (e.g. `[]`: V8's own sizing); unset: exactly what npm start runs. */
  readonly startFlags?: readonly string[];
  readonly commands?: number;
  readonly ratePerSecond?: number;
}

export interface SoakResult {
  readonly store: string;
  /** node's flags the app ran with: npm start's unless the run asked for others. */
  readonly nodeFlags: readonly string[];
  readonly commands: number;
  readonly workspaces: number;
  readonly ratePerSecond: number;
  /** RSS after start-up, and after each slice of commands once its answers have drained, MiB. */
  readonly startMiB: number;
  readonly rssMiB: readonly number[];
  /** RSS sampled all through the load (peak, and at the end once the last answers drained), and VmHWM. */
  readonly continuous: RssTrace;
  /** The JS heap in use at start-up and after the run, and RSS, once V8 has collected all garbage. */
  readonly heapStartMiB: number;
  readonly heapAfterGcMiB: number;
  readonly rssAfterGcMiB: number;
  /** The app's CPU time (every thread, the collector's included) per command after the first slice (whose workspaces are all new). */
  readonly cpuMsPerCommand: number;
  readonly failed: number;
}

/** What people type, answers and refusals alike: every phrase family, help, and a few that cannot be reported. */
const MIXED = [...PHRASES, 'help', 'next year', 'by hour last year', 'blue moon'];
const SLICES = 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const mib = (value: number) => value.toFixed(0);

/**
 * Many commands over many workspaces with mixed phrases (each workspace's caches are its own), at
 * a steady rate the app keeps up with. RSS is read two ways: sampled every 100 ms all through the
 * load (what a container's memory limit sees), and between slices once their answers have drained;
 * at the end V8 collects all garbage (over the inspector) and the heap still in use is read:
 * memory must level off, not grow with the number of commands.
 */
export async function benchSoak(standIn: StandIn, sandbox: Sandbox, options: SoakOptions): Promise<SoakResult> {
  const commands = options.commands ?? (QUICK ? 2_000 : 100_000);
  const workspaces = QUICK ? 50 : 1_000;
  const rate = options.ratePerSecond ?? (QUICK ? 400 : 500);
  const app = await startApp({
    standIn,
    sandbox,
    ...(options.storeUrl ? { storeUrl: options.storeUrl } : {}),
    ...(options.startFlags ? { startFlags: options.startFlags } : {}),
    // The inspector listens but no session is open while the load runs: it is there for the GCs at the ends.
    nodeArgs: ['--inspect=127.0.0.1:0'],
  });
  const pid = app.child.pid ?? 0;
  const nodeFlags = (app.child.spawnargs ?? []).slice(1, -1).filter((arg) => !arg.startsWith('--inspect'));
  const label = `${options.store}, ${nodeFlags.length > 0 ? nodeFlags.join(' ') : 'no node flags'}`;
  const url = inspectorUrl(app.stderr());
  if (!url) throw new Error(`the app did not say where its inspector listens:\n${app.stderr()}`);
  const heapAfterGc = async () => {
    const inspector = await connectInspector(url);
    try {
      return await inspector.heapAfterGc();
    } finally {
      inspector.close();
    }
  };
  try {
    const heapStartMiB = await heapAfterGc();
    const startMiB = rssMiB(pid);
    const watch = await watchRss(pid);
    let warm = { cpuMs: 0, sent: 0 };
    const rss: number[] = [];
    let failed = 0;
    let sent = 0;
    for (let slice = 0; slice < SLICES; slice++) {
      const offset = sent;
      await standIn.reset();
      const load = await signedLoad({
        urls: [`${app.base}/slack/events`],
        secret: SECRET,
        responseBase: standIn.base,
        tag: `soak-${options.store}-${nodeFlags.length}-${slice}`,
        commands: (n) => {
          const i = offset + n;
          return { text: MIXED[i % MIXED.length] ?? '', team: `TSOAK${(i * 7919) % workspaces}` };
        },
        connections: 20,
        amount: commands / SLICES,
        rate,
      });
      const answered = (await answersArrived(standIn, load.ok)).answered;
      sent += load.sent;
      failed += load.failed + Math.max(0, load.ok - answered);
      rss.push(rssMiB(pid));
      if (slice === 0) warm = { cpuMs: cpuMs(pid), sent };
      console.log(`soak, ${label}: ${sent.toLocaleString('en-GB')} commands, RSS ${mib(rss.at(-1) ?? 0)} MiB`);
    }
    const continuous = await watch.stop();
    const cpuMsPerCommand = (cpuMs(pid) - warm.cpuMs) / Math.max(1, sent - warm.sent);
    const heapAfterGcMiB = await heapAfterGc();
    await sleep(1000);
    const rssAfterGcMiB = rssMiB(pid);
    console.log(
      `soak, ${label}: RSS ${mib(startMiB)} MiB after start-up; sampled every ${continuous.everyMs} ms (longest gap ${mib(continuous.maxGapMs)} ms): peak ${mib(continuous.peakMiB)}, ${mib(continuous.endMiB)} at the end, VmHWM ${mib(continuous.hwmMiB)}; between slices peak ${mib(Math.max(...rss))}; ${mib(rssAfterGcMiB)} after a full GC; JS heap in use ${heapStartMiB.toFixed(1)} → ${heapAfterGcMiB.toFixed(1)} MiB; ${cpuMsPerCommand.toFixed(2)} ms CPU per command after the first slice; ${failed} failed`,
    );
    return {
      store: options.store,
      nodeFlags,
      commands: sent,
      workspaces,
      ratePerSecond: rate,
      startMiB,
      rssMiB: rss,
      continuous,
      heapStartMiB,
      heapAfterGcMiB,
      rssAfterGcMiB,
      cpuMsPerCommand,
      failed,
    };
  } finally {
    await app.stop();
  }
}
