import { createClient } from '@keyv/redis';
import { DigestRepository } from '../../src/store/digest-schedules.js';
import { aDigestSchedule } from '../../test/support/digest-schedule.js';
import { faultRig } from '../../test/support/fault-rig.js';
import { startRedis } from '../../test/support/redis-server.js';
import { steppedClock } from '../../test/support/stepped-clock.js';
import { type FaultRow, log, sleep, slotAt, waitFor } from './common.js';

const WORKSPACES = 20;
const STORE_MESSAGE = /^Contacts can’t reach its storage right now/;

/**
 * Two instances of the built app on one persisting Redis, under a stream of /contacts commands,
 * each round 20 workspaces' digests coming due at once while Redis is SIGKILLed and started again.
 */
export async function redisRestarts(rounds: number): Promise<FaultRow[]> {
  const redis = await startRedis({ persist: true });
  const clock = steppedClock('2026-12-07T10:00:00+02:00');
  const rig = await faultRig({ storeUrl: redis.url, now: clock.now });
  const admin = createClient({ url: redis.url, socket: { reconnectStrategy: () => 200 } });
  admin.on('error', () => {});
  await admin.connect();
  const digests = new DigestRepository(rig.store);
  rig.sandbox.faults.latencyMs = 300; // each digest takes a moment: the restarts fall among them
  const env = { ...clock.env, DIGEST_CONCURRENCY: '4' };
  const apps = [await rig.startApp(env), await rig.startApp(env)];
  const requests = apps.map((app) => rig.requestsTo(app, clock.now));
  const asked: string[] = [];
  const sawDown = [false, false];
  let stop = false;
  let n = 0;
  const load = (async () => {
    while (!stop) {
      n++;
      const team = n % 2 === 0 ? 'T1' : `TLOAD${n}`;
      const sent = await requests[n % 2]?.command(n % 3 === 0 ? `${(n % 9) + 2} weeks ago` : 'last week', { team });
      if (sent?.status === 200) asked.push(sent.id);
      await sleep(100);
    }
  })();
  const probe = (async () => {
    while (!stop) {
      for (const [i, app] of apps.entries()) {
        const status = await fetch(`${app.base}/healthz`, { signal: AbortSignal.timeout(2500) }).then(
          (r) => r.status,
          () => 0,
        );
        if (status === 503) sawDown[i] = true;
      }
      await sleep(100);
    }
  })();
  let settledFirst = 0;
  let delayedByLease = 0;
  let uncertain = 0;
  const channels: string[] = [];
  const finals = new Map<string, string>();
  try {
    for (let r = 0; r < rounds; r++) {
      const ids = Array.from({ length: WORKSPACES }, (_, i) => `TR${r}W${i}`);
      const slot = slotAt(clock.now() + 60_000);
      for (const id of ids) {
        channels.push(`C${id}`);
        await digests.setSchedule(
          id,
          aDigestSchedule(`C${id}`, { teamId: id, ...slot, activeSince: clock.now() - 3_600_000 }),
        );
      }
      clock.step(2 * 60_000); // due now, on both instances' clock
      await waitFor(() => ids.some((id) => rig.slack.messagesIn(`C${id}`).length > 0), 40_000);
      await sleep(Math.random() * 1500);
      await redis.kill('SIGKILL');
      await sleep(500 + Math.random() * 2000);
      await redis.start();
      const settled = async (id: string) =>
        ['posted', 'uncertain'].includes((await digests.latestWeek(id).catch(() => undefined))?.state ?? '');
      await waitFor(async () => (await Promise.all(ids.map(settled))).every(Boolean), 40_000);
      const stuck: string[] = [];
      for (const id of ids) if (!(await settled(id))) stuck.push(id);
      settledFirst += ids.length - stuck.length;
      // Those whose run the restart cut short keep their claim until its 20-minute lease lapses: lapse it now.
      for (const id of stuck) for (const key of await admin.keys(`ws:${id}:digest:claim:*`)) await admin.del(key);
      delayedByLease += stuck.length;
      if (stuck.length > 0) {
        clock.step(60_000);
        await waitFor(async () => (await Promise.all(stuck.map(settled))).every(Boolean), 40_000);
      }
      for (const id of ids) {
        const state = (await digests.latestWeek(id))?.state ?? 'none';
        finals.set(`C${id}`, state);
        if (state === 'uncertain') uncertain++;
      }
      log(
        `redis round ${r + 1}/${rounds}: ${ids.length - stuck.length} settled at once, ${stuck.length} after their claim lapsed`,
      );
    }
  } finally {
    stop = true;
    await Promise.all([load, probe]);
  }
  const answers = await Promise.all(
    asked.map((id) =>
      rig.slack.waitForPosts(id, 1, 15_000).then(
        (p) => String(p.at(-1)?.body.text),
        () => '',
      ),
    ),
  );
  const posts = channels.map((c) => rig.slack.messagesIn(c).length);
  const health = await Promise.all(apps.map((a) => fetch(`${a.base}/healthz`).then((r) => r.status)));
  const storeSaid = answers.filter((a) => STORE_MESSAGE.test(a)).length;
  const reports = answers.filter((a) => /new contacts/.test(a)).length;
  const other = answers.length - storeSaid - reports;
  // What the digests met: writes tried again through the outage, and runs the outage cut short.
  const logs = apps.map((app) => app.logText()).join('\n');
  const rewrites = (logs.match(/store not answering/g) ?? []).length;
  const cutShort = (logs.match(/digest \S+ failed/g) ?? []).length;
  await admin.quit();
  await rig.close();
  await redis.stop();
  const weeks = channels.length;
  return [
    {
      fault: 'Redis SIGKILLed and restarted (same port, append-only file) under load, two instances',
      tried: `${rounds} restarts, ${weeks} digests due around them, ${answers.length} commands`,
      happened:
        `/healthz 503 then 200 on ${sawDown.filter(Boolean).length} of 2 instances, ${health.filter((s) => s === 200).length} of 2 healthy at the end, no restart of theirs; ` +
        `commands: ${reports} reports, ${storeSaid} "can’t reach its storage … try again", ${other} other; ` +
        `digests: ${settledFirst} settled in the round, ${delayedByLease} after their claim's lease (cut short by the restart), ${uncertain} flagged maybe-sent; ` +
        `${rewrites} record writes tried again through the outage, ${cutShort} runs failed on it (and were tried at a later tick)`,
      posts: `${posts.reduce((a, b) => a + b, 0)} in ${weeks} channels (at most ${Math.max(...posts)} in one)`,
      lost: lostCount(channels, posts, finals),
    },
  ];
}

/** Digests neither in their channel nor flagged to the admins as maybe not sent. */
function lostCount(channels: string[], posts: number[], finals: Map<string, string>): string {
  const lost = channels.filter((c, i) => posts[i] === 0 && finals.get(c) !== 'uncertain').length;
  return lost === 0 ? 'none' : `${lost} digest(s) neither posted nor flagged`;
}
