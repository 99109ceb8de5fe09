import type { ChildProcess } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DigestRepository } from '../../../src/store/digest-schedules.js';
import { openStore, type Store } from '../../../src/store/open-store.js';
import { type Sandbox, startSandbox } from '../../../src/tellody/sandbox/server.js';
import { aDigestSchedule } from '../../support/digest-schedule.js';
import { startRedis } from '../../support/redis-server.js';
import { schedulerInstances, sleep, until } from '../../support/scheduler-instances.js';
import { startSlackStandIn } from '../../support/slack-standin.js';

/** Monday 30 November 2026, 09:00 in Athens: every workspace below is due. */
const NOW = '2026-11-30T09:00:00+02:00';
const WORKSPACES = 40;

let redis: Awaited<ReturnType<typeof startRedis>>;
let sandbox: Sandbox;
let slack: Awaited<ReturnType<typeof startSlackStandIn>>;
let store: Store;
const instances = schedulerInstances();

beforeAll(async () => {
  redis = await startRedis();
  sandbox = await startSandbox({
    now: () => Date.parse(NOW),
    accounts: [{ username: 'demo', password: 'demo', zone: 'Europe/Athens', seed: 1 }],
  });
  slack = await startSlackStandIn();
  store = openStore(redis.url);
});
afterEach(() => instances.killAll());
afterAll(async () => {
  await store.close();
  await slack.close();
  await sandbox.close();
  await redis.stop();
});

/** One more app instance running the scheduler (test/support/scheduler-process.ts) on the shared Redis. */
function startInstance(leaseMs: number): Promise<ChildProcess> {
  return instances.start({
    SLACK_SIGNING_SECRET: 'secret',
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_API_URL: slack.apiUrl,
    TELLODY_BASE_URL: sandbox.baseUrl,
    TELLODY_USERNAME: 'demo',
    TELLODY_PASSWORD: 'demo',
    STORE_URL: redis.url,
    ENCRYPTION_KEY: 'ab'.repeat(32),
    DIGEST_CONCURRENCY: '8',
    DIGEST_TEST_NOW: NOW,
    DIGEST_TEST_LEASE_MS: String(leaseMs),
  });
}

async function digestFor(workspace: string, channel: string): Promise<void> {
  await new DigestRepository(store).setSchedule(workspace, aDigestSchedule(channel, { teamId: workspace }));
}

describe('two app instances on one Redis, both running the scheduler', () => {
  it('post each workspace’s digest exactly once', async () => {
    const channels = Array.from({ length: WORKSPACES }, (_, i) => `CMANY${i}`);
    for (const [i, channel] of channels.entries()) await digestFor(`TMANY${i}`, channel);
    sandbox.faults.latencyMs = 100; // Tellody's round trip: the work takes long enough for both to share it
    const running = await Promise.all([startInstance(60_000), startInstance(60_000)]);
    await until(() => channels.every((c) => slack.messagesIn(c).length > 0), 'every digest');
    await sleep(2500); // both instances tick a couple more times
    for (const channel of channels) expect(slack.messagesIn(channel), channel).toHaveLength(1);
    const postedBy = running.map((child) => instances.logOf(child).match(/: posted/g)?.length ?? 0);
    expect((postedBy[0] ?? 0) + (postedBy[1] ?? 0)).toBe(WORKSPACES);
    expect(Math.min(...postedBy)).toBeGreaterThan(0); // both did some of the work
    sandbox.faults.latencyMs = 0;
    const repository = new DigestRepository(store);
    for (let i = 0; i < WORKSPACES; i++) {
      expect(await repository.week(`TMANY${i}`, '2026-11-23')).toMatchObject({ state: 'posted' });
    }
  }, 60_000);

  it('after one dies between claim and post, the other posts once the lease runs out, still once', async () => {
    await digestFor('TKILL', 'CKILL');
    sandbox.faults.latencyMs = 10_000; // the first instance claims, then waits on Tellody…
    const first = await startInstance(1500);
    const claim = new DigestRepository(store).claimKey('TKILL', '2026-11-23');
    const client = await (
      store.keyv.store as { getClient(): Promise<{ get(k: string): Promise<string | null> }> }
    ).getClient();
    await until(async () => (await client.get(claim)) !== null, 'the first instance to claim the week');
    first.kill('SIGKILL'); // …and dies holding the claim.
    await new Promise((resolve) => first.once('exit', resolve));
    sandbox.faults.latencyMs = 0;
    await startInstance(1500);
    await until(() => slack.messagesIn('CKILL').length > 0, 'the second instance to post');
    await sleep(2500);
    expect(slack.messagesIn('CKILL')).toHaveLength(1);
  }, 60_000);
});
