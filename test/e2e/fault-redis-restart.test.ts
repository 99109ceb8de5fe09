import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DigestRepository } from '../../src/store/digest-schedules.js';
import type { AppProcess } from '../support/app-process.js';
import { type FaultRig, faultRig } from '../support/fault-rig.js';
import { startRedis } from '../support/redis-server.js';
import { sleep, until } from '../support/scheduler-instances.js';
import { settingsValues } from '../support/slack-app-harness.js';

/**
 * Two instances of the built app on one Redis (persisting every write, as a production Redis that
 * keeps installations must), under a steady stream of signed /contacts commands, while Redis is
 * killed and started again on the same port — with a digest due, its post in Slack's hands.
 */
const CHANNEL = 'CRESTART';
const STORE_MESSAGE = /^Contacts can’t reach its storage right now .* Please try again in a minute\.$/;
const REPORT = /new contacts/;

let redis: Awaited<ReturnType<typeof startRedis>>;
let rig: FaultRig;
let apps: AppProcess[];

/** Due a minute ago, in Athens: each instance's first tick (at start) finds it due. */
function dueNow(): { day: 0 | 1 | 2 | 3 | 4 | 5 | 6; time: string; activeSince: number } {
  const slot = DateTime.now().setZone('Europe/Athens').minus({ minutes: 1 });
  const day = (slot.weekday % 7) as 0 | 1 | 2 | 3 | 4 | 5 | 6;
  return { day, time: slot.toFormat('HH:mm'), activeSince: slot.minus({ hours: 1 }).toMillis() };
}

beforeAll(async () => {
  redis = await startRedis({ persist: true });
  rig = await faultRig({ storeUrl: redis.url });
});
afterAll(async () => {
  await rig.close();
  await redis.stop();
});

interface Asked {
  readonly app: number;
  readonly id: string;
  readonly status: number;
}

describe('Redis restarted under load, two instances sharing it', () => {
  const asked: Asked[] = [];
  const health: { at: number; statuses: number[] }[] = [];

  it('the instances reconnect by themselves: /healthz goes 503, then 200 again, with no restart of theirs', async () => {
    await rig.digestIn(CHANNEL, dueNow());
    rig.slack.holdPostsIn(CHANNEL, 3000); // the digest's post is in Slack's hands when Redis goes
    apps = await Promise.all([rig.startApp(), rig.startApp()]);
    const requests = apps.map((app) => rig.requestsTo(app));
    let stop = false;
    let n = 0;
    const load = (async () => {
      while (!stop) {
        n++;
        const i = n % 2;
        // Every other command from a workspace never seen before: its settings are read from the store.
        const team = n % 2 === 0 ? 'T1' : `TLOAD${n}`;
        const text = n % 3 === 0 ? `${(n % 9) + 2} weeks ago` : 'last week';
        const sent = await requests[i]?.command(text, { team });
        if (sent) asked.push({ app: i, id: sent.id, status: sent.status });
        await sleep(60);
      }
    })();
    const probe = (async () => {
      while (!stop) {
        const statuses = await Promise.all(
          apps.map((app) =>
            fetch(`${app.base}/healthz`, { signal: AbortSignal.timeout(2500) }).then(
              (r) => r.status,
              () => 0,
            ),
          ),
        );
        health.push({ at: Date.now(), statuses });
        await sleep(100);
      }
    })();
    await until(() => rig.slack.messagesIn(CHANNEL).length === 1, 'Slack to have the digest', 20_000);
    await redis.kill('SIGKILL');
    await sleep(2000);
    await redis.start();
    await until(() => health.at(-1)?.statuses.every((s) => s === 200) ?? false, 'both instances healthy again');
    await sleep(1500); // commands keep coming once Redis is back
    stop = true;
    await Promise.all([load, probe]);
    rig.slack.holdPostsIn(CHANNEL, undefined);
    for (const [i, app] of apps.entries()) {
      expect(
        health.some((h) => h.statuses[i] === 503),
        `instance ${i} said 503`,
      ).toBe(true);
      expect(health.at(-1)?.statuses[i], `instance ${i} healthy at the end`).toBe(200);
      expect(app.child.exitCode).toBeNull();
    }
  }, 60_000);

  it('every command in between got one honest answer: its report, or that the store cannot be reached and to try again', async () => {
    const answers = await Promise.all(
      asked.map(async (a) => {
        const posts = await rig.slack.waitForPosts(a.id, 1, 15_000);
        return { ...a, posts: posts.length, text: String(posts.at(-1)?.body.text) };
      }),
    );
    expect(answers.length).toBeGreaterThan(20);
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.posts).toBe(1);
      expect(answer.text).toMatch(new RegExp(`${REPORT.source}|${STORE_MESSAGE.source}`));
    }
    expect(answers.filter((a) => STORE_MESSAGE.test(a.text)).length).toBeGreaterThan(0);
    expect(answers.filter((a) => REPORT.test(a.text)).length).toBeGreaterThan(0);
  });

  it('the digest due around the restart is in the channel once, and recorded as posted', async () => {
    const digests = new DigestRepository(rig.store);
    await until(async () => (await digests.latestWeek('T1'))?.state === 'posted', 'the week recorded as posted');
    expect(rig.slack.messagesIn(CHANNEL)).toHaveLength(1);
    expect(rig.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === CHANNEL)).toHaveLength(1);
  });

  it('word of a saved setting reaches the other instance again (its subscription came back)', async () => {
    const [a, b] = apps.map((app) => rig.requestsTo(app));
    const lastWeekOnB = async () => {
      const sent = await b?.command('last week');
      const [post] = await rig.slack.waitForPosts(sent?.id ?? '', 1, 10_000);
      return String(post?.body.text);
    };
    expect(await lastWeekOnB()).toMatch(/Mon \d+ \w+ – Sun \d+ \w+/); // kept by B for 30 s
    const saved = await a?.submit(settingsValues({ weekStart: 0, zone: 'Europe/Athens' }), { user: 'UADMIN' });
    expect(saved).toEqual({ status: 200, text: '' });
    await until(async () => /Sun \d+ \w+ – Sat \d+ \w+/.test(await lastWeekOnB()), 'B to report Sunday weeks', 5_000);
  });
});
