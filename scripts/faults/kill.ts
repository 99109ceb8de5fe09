import { faultRig } from '../../test/support/fault-rig.js';
import { steppedClock } from '../../test/support/stepped-clock.js';
import { type FaultRow, log, sleep, waitFor } from './common.js';

const WEEK = '2026-11-30';
/** How long Slack holds the post before answering. */
const HOLD_MS = 3000;
/** Kills fall anywhere from the instance's spawn to well after the post would have been answered. */
const KILL_WINDOW_MS = 6000;

type Phase =
  | 'before the post left'
  | 'post on its way, not yet at Slack'
  | 'while Slack held the post'
  | 'after it was recorded';

interface Round {
  readonly phase: Phase;
  readonly posts: number;
  readonly final: string;
  readonly told: boolean;
}

/** One instance killed (SIGKILL) at a random moment of its digest run; the next started once the claim lapsed. */
async function round(): Promise<Round> {
  const clock = steppedClock('2026-12-07T09:00:20+02:00');
  const rig = await faultRig({ now: clock.now });
  try {
    await rig.digestIn('CKILL');
    rig.slack.holdPostsIn('CKILL', HOLD_MS);
    // From the moment it is spawned: it runs the due digest as soon as it has started.
    const first = await rig.startApp(clock.env, { waitForHealth: false });
    await sleep(Math.random() * KILL_WINDOW_MS);
    await first.stop('SIGKILL');
    const state = (await rig.week(WEEK))?.state ?? 'none';
    const atSlack = rig.slack.messagesIn('CKILL').length;
    const phase: Phase =
      state === 'posted'
        ? 'after it was recorded'
        : state === 'posting'
          ? atSlack > 0
            ? 'while Slack held the post'
            : 'post on its way, not yet at Slack'
          : 'before the post left';
    rig.slack.holdPostsIn('CKILL', undefined);
    clock.step(21 * 60_000); // the claim lapses after 20 minutes
    await rig.startApp(clock.env);
    await waitFor(async () => ['posted', 'uncertain'].includes((await rig.week(WEEK))?.state ?? ''), 20_000);
    await sleep(1000);
    const final = (await rig.week(WEEK))?.state ?? 'none';
    return {
      phase,
      posts: rig.slack.messagesIn('CKILL').length,
      final,
      told: rig.slack.messagesIn('DUADMIN').length > 0,
    };
  } finally {
    await rig.close();
  }
}

export async function killMidPost(rounds: number): Promise<FaultRow[]> {
  const results: Round[] = [];
  for (let i = 0; i < rounds; i++) {
    const r = await round();
    results.push(r);
    log(`kill ${i + 1}/${rounds}: ${r.phase} → ${r.final}, ${r.posts} post(s)${r.told ? ', admins told' : ''}`);
  }
  const phases: Phase[] = [
    'before the post left',
    'post on its way, not yet at Slack',
    'while Slack held the post',
    'after it was recorded',
  ];
  return phases.flatMap((phase) => {
    const these = results.filter((r) => r.phase === phase);
    if (these.length === 0) return [];
    const finals = [...new Set(these.map((r) => r.final))].join(' / ');
    const told = these.filter((r) => r.told).length;
    const counts = these.map((r) => r.posts);
    const lost = these.filter((r) => r.posts === 0 && r.final !== 'uncertain').length;
    return [
      {
        fault: `SIGKILL ${phase}`,
        tried: `${these.length} of ${rounds} kills`,
        happened: `week ${finals}${told ? `; admins told in ${told}` : ''}`,
        posts: `${counts.reduce((a, b) => a + b, 0)} in ${these.length} weeks (at most ${Math.max(...counts)} a week)`,
        lost: lost === 0 ? 'none' : `${lost} week(s) neither posted nor flagged`,
      },
    ];
  });
}
