import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertRepository } from '../../../src/store/alert-settings.js';
import { openStore, type Store } from '../../../src/store/open-store.js';
import { parseSpike } from '../../../src/tellody/sandbox/anomalies.js';
import { type Sandbox, startSandbox } from '../../../src/tellody/sandbox/server.js';
import { someAlertSettings } from '../../support/alert-settings.js';
import { startRedis } from '../../support/redis-server.js';
import { schedulerInstances, sleep, until } from '../../support/scheduler-instances.js';
import { startSlackStandIn } from '../../support/slack-standin.js';

/** Monday 30 November 2026, 12:10 in Athens: opt-outs at four times the usual since 09:00. */
const NOW = '2026-11-30T12:10:00+02:00';
const WORKSPACES = 20;

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
    faults: { anomalies: [parseSpike('contactsBlocked:4x:from=2026-11-30T09:00+02:00')] },
  });
  slack = await startSlackStandIn();
  store = openStore(redis.url);
});
afterAll(async () => {
  instances.killAll();
  await store.close();
  await slack.close();
  await sandbox.close();
  await redis.stop();
});

function startInstance() {
  return instances.start({
    SLACK_SIGNING_SECRET: 'secret',
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_API_URL: slack.apiUrl,
    TELLODY_BASE_URL: sandbox.baseUrl,
    TELLODY_USERNAME: 'demo',
    TELLODY_PASSWORD: 'demo',
    STORE_URL: redis.url,
    ENCRYPTION_KEY: 'ab'.repeat(32),
    DIGEST_CONCURRENCY: '4',
    DIGEST_TEST_NOW: NOW,
    DIGEST_TEST_LEASE_MS: '60000',
  });
}

describe('two app instances on one Redis, both checking for alerts every second', () => {
  it('post each workspace’s alert exactly once', async () => {
    const alerts = new AlertRepository(store);
    const channels = Array.from({ length: WORKSPACES }, (_, i) => `CALERT${i}`);
    for (const [i, channel] of channels.entries())
      await alerts.setSettings(`TALERT${i}`, someAlertSettings(channel, { teamId: `TALERT${i}` }));
    sandbox.faults.latencyMs = 100; // Tellody's round trip: the checks take long enough for both to share them
    const running = await Promise.all([startInstance(), startInstance()]);
    await until(() => channels.every((c) => slack.messagesIn(c).length > 0), 'every alert');
    await sleep(2500); // both instances tick a couple more times
    for (const channel of channels) {
      expect(slack.messagesIn(channel), channel).toHaveLength(1);
      expect(slack.messagesIn(channel)[0]?.text, channel).toMatch(/^Opt-outs are \d+\.\d× a usual Monday by 12:00/);
    }
    const postedBy = running.map((child) => instances.logOf(child).match(/contactsBlocked alert posted/g)?.length ?? 0);
    expect((postedBy[0] ?? 0) + (postedBy[1] ?? 0)).toBe(WORKSPACES);
    expect(Math.min(...postedBy)).toBeGreaterThan(0); // both did some of the work
    for (let i = 0; i < WORKSPACES; i++) {
      const state = await alerts.state(`TALERT${i}`);
      expect(state?.episodes.contactsBlocked?.ts).toBe(slack.messagesIn(`CALERT${i}`)[0]?.ts);
    }
  }, 60_000);
});
