import { QUICK } from '../harness.js';
import { PHRASES } from '../period.bench.js';
import { type Sandbox, SECRET, type StandIn, startApp } from './fleet.js';
import { connectInspector, inspectorUrl } from './inspector.js';
import { rssMiB } from './processes.js';
import { signedLoad } from './signed-load.js';
import { answersArrived } from './speed.js';

export interface SoakResult {
  readonly store: string;
  /** V8 heap flags given to the app (what NODE_OPTIONS would give it); none: V8 sizes the heap from the machine's memory. */
  readonly v8Flags: readonly string[];
  readonly commands: number;
  readonly workspaces: number;
  readonly ratePerSecond: number;
  /** RSS after start-up, and after each slice of commands, MiB. */
  readonly startMiB: number;
  readonly rssMiB: readonly number[];
  readonly peakMiB: number;
  /** After the last command: RSS, then the JS heap in use and RSS once V8 has collected all garbage. */
  readonly finalMiB: number;
  readonly heapStartMiB: number;
  readonly heapAfterGcMiB: number;
  readonly rssAfterGcMiB: number;
  readonly failed: number;
}

/** What people type, answers and refusals alike: every phrase family, help, and a few that cannot be reported. */
const MIXED = [...PHRASES, 'help', 'next year', 'by hour last year', 'blue moon'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Many commands over many workspaces with mixed phrases (each workspace's caches are its own), at
 * a steady rate the app keeps up with, RSS read between slices; at the end V8 collects all garbage
 * (over the inspector) and the heap still in use is read: memory must level off, not grow with the
 * number of commands.
 */
export async function benchSoak(
  standIn: StandIn,
  sandbox: Sandbox,
  options: { storeUrl?: string; store: string; v8Flags?: readonly string[] },
): Promise<SoakResult> {
  const commands = QUICK ? 2_000 : 100_000;
  const workspaces = QUICK ? 50 : 1_000;
  const rate = QUICK ? 400 : 500;
  const slices = 10;
  const app = await startApp({
    standIn,
    sandbox,
    ...(options.storeUrl ? { storeUrl: options.storeUrl } : {}),
    nodeArgs: ['--inspect=127.0.0.1:0', ...(options.v8Flags ?? [])],
  });
  const pid = app.child.pid ?? 0;
  const url = inspectorUrl(app.stderr());
  if (!url) throw new Error(`the app did not say where its inspector listens:\n${app.stderr()}`);
  const inspector = await connectInspector(url);
  const flags = options.v8Flags ?? [];
  const label = `${options.store}${flags.length > 0 ? `, ${flags.join(' ')}` : ''}`;
  const heapStartMiB = await inspector.heapAfterGc();
  const startMiB = rssMiB(pid);
  const rss: number[] = [];
  let failed = 0;
  let sent = 0;
  try {
    for (let slice = 0; slice < slices; slice++) {
      const offset = sent;
      await standIn.reset();
      const load = await signedLoad({
        urls: [`${app.base}/slack/events`],
        secret: SECRET,
        responseBase: standIn.base,
        tag: `soak-${options.store}-${flags.length}-${slice}`,
        commands: (n) => {
          const i = offset + n;
          return { text: MIXED[i % MIXED.length] ?? '', team: `TSOAK${(i * 7919) % workspaces}` };
        },
        connections: 20,
        amount: commands / slices,
        rate,
      });
      const answered = (await answersArrived(standIn, load.ok)).posts;
      sent += load.sent;
      failed += load.failed + Math.max(0, load.ok - answered);
      rss.push(rssMiB(pid));
      console.log(`soak, ${label}: ${sent.toLocaleString('en-GB')} commands, RSS ${rss.at(-1)?.toFixed(0)} MiB`);
    }
    await sleep(2000);
    const finalMiB = rssMiB(pid);
    const heapAfterGcMiB = await inspector.heapAfterGc();
    await sleep(1000);
    const rssAfterGcMiB = rssMiB(pid);
    console.log(
      `soak, ${label}: RSS ${startMiB.toFixed(0)} MiB after start-up, peak ${Math.max(...rss).toFixed(0)}, ${finalMiB.toFixed(0)} at the end, ${rssAfterGcMiB.toFixed(0)} after a full GC; JS heap in use ${heapStartMiB.toFixed(1)} → ${heapAfterGcMiB.toFixed(1)} MiB; ${failed} failed`,
    );
    return {
      store: options.store,
      v8Flags: flags,
      commands: sent,
      workspaces,
      ratePerSecond: rate,
      startMiB,
      rssMiB: rss,
      peakMiB: Math.max(...rss),
      finalMiB,
      heapStartMiB,
      heapAfterGcMiB,
      rssAfterGcMiB,
      failed,
    };
  } finally {
    inspector.close();
    await app.stop();
  }
}
