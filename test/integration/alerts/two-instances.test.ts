import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertRepository } from '../../../src/store/alert-settings.js';
import { parseSpike } from '../../../src/tellody/sandbox/anomalies.js';
import { someAlertSettings } from '../../support/alert-settings.js';
import { schedulerCluster, sleep, until } from '../../support/scheduler-instances.js';

/** Monday 30 November 2026, 12:10 in Athens: opt-outs at four times the usual since 09:00. */
const NOW = '2026-11-30T12:10:00+02:00';
const WORKSPACES = 20;

let c: Awaited<ReturnType<typeof schedulerCluster>>;
beforeAll(async () => {
  c = await schedulerCluster({
    now: NOW,
    faults: { anomalies: [parseSpike('contactsBlocked:4x:from=2026-11-30T09:00+02:00')] },
  });
});
afterAll(() => c.close());

describe('two app instances on one Redis, both checking for alerts every second', () => {
  it('post each workspace’s alert exactly once', async () => {
    const alerts = new AlertRepository(c.store);
    const channels = Array.from({ length: WORKSPACES }, (_, i) => `CALERT${i}`);
    for (const [i, channel] of channels.entries())
      await alerts.setSettings(`TALERT${i}`, someAlertSettings(channel, { teamId: `TALERT${i}` }));
    c.sandbox.faults.latencyMs = 100; // Tellody's round trip: the checks take long enough for both to share them
    const running = await Promise.all([c.startInstance(60_000, 4), c.startInstance(60_000, 4)]);
    await until(() => channels.every((channel) => c.slack.messagesIn(channel).length > 0), 'every alert');
    await sleep(2500); // both instances tick a couple more times
    for (const channel of channels) {
      expect(c.slack.messagesIn(channel), channel).toHaveLength(1);
      expect(c.slack.messagesIn(channel)[0]?.text, channel).toMatch(/^Opt-outs are \d+\.\d× a usual Monday by 12:00/);
    }
    const postedBy = running.map(
      (child) => c.instances.logOf(child).match(/contactsBlocked alert posted/g)?.length ?? 0,
    );
    expect((postedBy[0] ?? 0) + (postedBy[1] ?? 0)).toBe(WORKSPACES);
    expect(Math.min(...postedBy)).toBeGreaterThan(0); // both did some of the work
    for (let i = 0; i < WORKSPACES; i++) {
      const state = await alerts.state(`TALERT${i}`);
      expect(state?.episodes.contactsBlocked?.ts).toBe(c.slack.messagesIn(`CALERT${i}`)[0]?.ts);
    }
  }, 60_000);
});
