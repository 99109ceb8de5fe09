import { QUICK } from '../harness.js';
import { PHRASES } from '../period.bench.js';
import { type Sandbox, SECRET, type StandIn, startApp } from './fleet.js';
import { rssMiB } from './processes.js';
import { signedLoad } from './signed-load.js';
import { answersArrived } from './speed.js';

export interface SoakResult {
  readonly store: string;
  readonly commands: number;
  readonly workspaces: number;
  /** RSS after each slice of commands, MiB. */
  readonly rssMiB: readonly number[];
  readonly finalMiB: number;
  readonly peakMiB: number;
  readonly failed: number;
}

/** What people type, answers and refusals alike: every phrase family, help, and a few that cannot be reported. */
const MIXED = [...PHRASES, 'help', 'next year', 'by hour last year', 'blue moon'];

/**
 * Many commands over many workspaces with mixed phrases (each workspace's cache and settings are
 * its own), RSS read between slices: memory must level off, not grow with the number of commands.
 */
export async function benchSoak(
  standIn: StandIn,
  sandbox: Sandbox,
  options: { storeUrl?: string; store: string },
): Promise<SoakResult> {
  const commands = QUICK ? 2_000 : 100_000;
  const workspaces = QUICK ? 50 : 1_000;
  const slices = 10;
  const app = await startApp({ standIn, sandbox, ...(options.storeUrl ? { storeUrl: options.storeUrl } : {}) });
  const pid = app.child.pid ?? 0;
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
        tag: `soak-${options.store}-${slice}`,
        commands: (n) => {
          const i = offset + n;
          return { text: MIXED[i % MIXED.length] ?? '', team: `TSOAK${(i * 7919) % workspaces}` };
        },
        connections: 20,
        amount: commands / slices,
      });
      const answered = (await answersArrived(standIn, load.ok)).posts;
      sent += load.sent;
      failed += load.failed + Math.max(0, load.ok - answered);
      rss.push(Math.round(rssMiB(pid)));
      console.log(`soak, ${options.store}: ${sent.toLocaleString('en-GB')} commands, RSS ${rss.at(-1)} MiB`);
    }
  } finally {
    await app.stop();
  }
  return {
    store: options.store,
    commands: sent,
    workspaces,
    rssMiB: rss,
    finalMiB: rss.at(-1) ?? 0,
    peakMiB: Math.max(...rss),
    failed,
  };
}
