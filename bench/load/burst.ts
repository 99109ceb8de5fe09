import { QUICK } from '../harness.js';
import { type Sandbox, SECRET, type StandIn, startApp } from './fleet.js';
import { type RssTrace, watchRss } from './memory.js';
import { signedLoad } from './signed-load.js';
import { answersArrived } from './speed.js';

export interface BurstOptions {
  readonly store: string;
  readonly storeUrl?: string;
  /** node's flags in place of npm start's; unset: exactly what npm start runs. */
  readonly startFlags?: readonly string[];
}

export interface BurstResult {
  readonly store: string;
  readonly nodeFlags: readonly string[];
  readonly ratePerSecond: number;
  readonly seconds: number;
  /** Commands sent, and the rate the load generator reached (the app's acks pace it). */
  readonly sent: number;
  readonly sentPerSecond: number;
  /** Acked (HTTP 200), and of those: answered at response_url, and told in the ack to try again. */
  readonly acked: number;
  readonly answered: number;
  readonly toldToWait: number;
  /** Posts beyond one per command: "Fetching from Tellody…" notes (answers past 2 s) and what replaced them. */
  readonly extraPosts: number;
  /** Acked but neither answered nor told to wait (must be 0), and requests that got no 200 at all. */
  readonly lost: number;
  readonly failed: number;
  readonly ackP99Ms: number;
  readonly continuous: RssTrace;
}

const mib = (value: number) => value.toFixed(0);

/**
 * A burst faster than the app can answer: `/contacts last week` from 1,000 workspaces at 2,000 a
 * second for 10 seconds, over 200 connections (Slack opens many, so the app's acks, not the load
 * generator, set the pace). RSS is sampled all through it; at the end every acked command must
 * have had its answer or, in its ack, the word that the app is busy.
 */
export async function benchBurst(standIn: StandIn, sandbox: Sandbox, options: BurstOptions): Promise<BurstResult> {
  const rate = QUICK ? 400 : 2_000;
  const seconds = QUICK ? 2 : 10;
  const workspaces = QUICK ? 50 : 1_000;
  const app = await startApp({
    standIn,
    sandbox,
    ...(options.storeUrl ? { storeUrl: options.storeUrl } : {}),
    ...(options.startFlags ? { startFlags: options.startFlags } : {}),
  });
  const pid = app.child.pid ?? 0;
  const nodeFlags = (app.child.spawnargs ?? []).slice(1, -1);
  const label = `burst, ${options.store}, ${nodeFlags.length > 0 ? nodeFlags.join(' ') : 'no node flags'}`;
  try {
    // Every workspace's report made once before the burst, as the soak's warm state would have it.
    await standIn.reset();
    const warm = await signedLoad({
      urls: [`${app.base}/slack/events`],
      secret: SECRET,
      responseBase: standIn.base,
      tag: `burst-warm-${options.store}`,
      commands: (n) => ({ text: 'last week', team: `TBURST${n % workspaces}` }),
      connections: 20,
      amount: workspaces,
      rate: 200,
    });
    await answersArrived(standIn, warm.ok);
    await standIn.reset();
    const watch = await watchRss(pid);
    const load = await signedLoad({
      urls: [`${app.base}/slack/events`],
      secret: SECRET,
      responseBase: standIn.base,
      tag: `burst-${options.store}-${nodeFlags.length}`,
      commands: (n) => ({ text: 'last week', team: `TBURST${(n * 7919) % workspaces}` }),
      connections: 200,
      amount: rate * seconds,
      rate,
    });
    const stats = await answersArrived(standIn, load.ok - load.okWithMessage);
    const continuous = await watch.stop();
    const result: BurstResult = {
      store: options.store,
      nodeFlags,
      ratePerSecond: rate,
      seconds,
      sent: load.sent,
      sentPerSecond: (load.sent / load.elapsedMs) * 1000,
      acked: load.ok,
      answered: stats.answered,
      toldToWait: load.okWithMessage,
      extraPosts: stats.posts - stats.answered,
      lost: load.ok - load.okWithMessage - stats.answered,
      failed: load.failed,
      ackP99Ms: load.p99,
      continuous,
    };
    console.log(
      `${label}: ${result.sent.toLocaleString('en-GB')} sent at ${mib(result.sentPerSecond)}/s, ${result.acked.toLocaleString('en-GB')} acked (p99 ${result.ackP99Ms.toFixed(0)} ms): ${result.answered.toLocaleString('en-GB')} answered, ${result.toldToWait.toLocaleString('en-GB')} told to try again, ${result.lost} lost, ${result.failed} failed; ${result.extraPosts.toLocaleString('en-GB')} notes; RSS sampled every ${continuous.everyMs} ms (longest gap ${mib(continuous.maxGapMs)} ms): peak ${mib(continuous.peakMiB)} MiB, ${mib(continuous.endMiB)} at the end, VmHWM ${mib(continuous.hwmMiB)}`,
    );
    return result;
  } finally {
    await app.stop();
  }
}
