import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DigestRepository } from '../../../src/store/digest-schedules.js';
import { aDigestSchedule } from '../../support/digest-schedule.js';
import { schedulerCluster, sleep, until } from '../../support/scheduler-instances.js';

/** Monday 30 November 2026, 09:00 in Athens: every workspace below is due. */
const NOW = '2026-11-30T09:00:00+02:00';
const WORKSPACES = 40;

let c: Awaited<ReturnType<typeof schedulerCluster>>;
beforeAll(async () => {
  c = await schedulerCluster({ now: NOW });
});
afterEach(() => c.instances.killAll());
afterAll(() => c.close());

async function digestFor(workspace: string, channel: string): Promise<void> {
  await new DigestRepository(c.store).setSchedule(workspace, aDigestSchedule(channel, { teamId: workspace }));
}

describe('two app instances on one Redis, both running the scheduler', () => {
  it('post each workspace’s digest exactly once', async () => {
    const channels = Array.from({ length: WORKSPACES }, (_, i) => `CMANY${i}`);
    for (const [i, channel] of channels.entries()) await digestFor(`TMANY${i}`, channel);
    c.sandbox.faults.latencyMs = 100; // Tellody's round trip: the work takes long enough for both to share it
    const running = await Promise.all([c.startInstance(60_000), c.startInstance(60_000)]);
    await until(() => channels.every((channel) => c.slack.messagesIn(channel).length > 0), 'every digest');
    await sleep(2500); // both instances tick a couple more times
    for (const channel of channels) expect(c.slack.messagesIn(channel), channel).toHaveLength(1);
    const postedBy = running.map((child) => c.instances.logOf(child).match(/: posted/g)?.length ?? 0);
    expect((postedBy[0] ?? 0) + (postedBy[1] ?? 0)).toBe(WORKSPACES);
    expect(Math.min(...postedBy)).toBeGreaterThan(0); // both did some of the work
    c.sandbox.faults.latencyMs = 0;
    const repository = new DigestRepository(c.store);
    for (let i = 0; i < WORKSPACES; i++) {
      expect(await repository.week(`TMANY${i}`, '2026-11-23')).toMatchObject({ state: 'posted' });
    }
  }, 60_000);

  it('after one dies between claim and post, the other posts once the lease runs out, still once', async () => {
    await digestFor('TKILL', 'CKILL');
    c.sandbox.faults.latencyMs = 10_000; // the first instance claims, then waits on Tellody…
    const first = await c.startInstance(1500);
    const claim = new DigestRepository(c.store).claimKey('TKILL', '2026-11-23');
    const client = await (
      c.store.keyv.store as { getClient(): Promise<{ get(k: string): Promise<string | null> }> }
    ).getClient();
    await until(async () => (await client.get(claim)) !== null, 'the first instance to claim the week');
    first.kill('SIGKILL'); // …and dies holding the claim.
    await new Promise((resolve) => first.once('exit', resolve));
    c.sandbox.faults.latencyMs = 0;
    await c.startInstance(1500);
    await until(() => c.slack.messagesIn('CKILL').length > 0, 'the second instance to post');
    await sleep(2500);
    expect(c.slack.messagesIn('CKILL')).toHaveLength(1);
  }, 60_000);
});
