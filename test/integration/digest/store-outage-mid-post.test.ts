import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DigestRunner } from '../../../src/digest/digest-runner.js';
import { aDigestSchedule } from '../../support/digest-schedule.js';
import { recordingLogger } from '../../support/quiet-logger.js';
import { startRedis } from '../../support/redis-server.js';
import { sleep, until } from '../../support/scheduler-instances.js';
import { type AppHarness, slackAppHarness } from '../../support/slack-app-harness.js';

let redis: Awaited<ReturnType<typeof startRedis>>;
let h: AppHarness;
beforeAll(async () => {
  redis = await startRedis({ persist: true });
  h = await slackAppHarness({ env: { STORE_URL: redis.url, TELLODY_USERNAME: 'demo', TELLODY_PASSWORD: 'demo' } });
});
afterAll(async () => {
  await h.close().catch(() => {});
  await redis.stop();
});

const WEEK = '2026-11-23';
const CHART_CALLS = '/CampaignCloud/Report/ContactChart';

/** Redis goes away (a crash) for `downMs`, then comes back on the same port with everything it had. */
async function restartRedis(downMs: number): Promise<void> {
  await redis.kill('SIGKILL');
  await sleep(downMs);
  await redis.start();
}

describe('a Redis restart in the middle of a digest post', () => {
  it('while Slack takes the post: the week is still recorded as posted once Redis is back, not as maybe sent', async () => {
    await h.deps.digests.setSchedule('TMIDPOST', aDigestSchedule('CMIDPOST', { teamId: 'TMIDPOST' }));
    h.clock.set('2026-11-30T09:00:00+02:00');
    h.slack.holdPostsIn('CMIDPOST', 1000);
    const logger = recordingLogger();
    const tick = new DigestRunner({ ...h.deps.jobs.digest, logger: logger }).tick();
    await until(() => h.slack.messagesIn('CMIDPOST').length === 1, 'Slack to have the post');
    // Down before Slack answers; back only after the app has tried to record the post.
    await restartRedis(2000);
    const [result] = await tick;
    h.slack.holdPostsIn('CMIDPOST', undefined);
    expect(result?.result.outcome).toBe('posted');
    expect(await h.deps.digests.week('TMIDPOST', WEEK)).toMatchObject({ state: 'posted', channelId: 'CMIDPOST' });
    expect(h.slack.messagesIn('CMIDPOST')).toHaveLength(1);
    expect(logger.lines.join('\n')).toMatch(/store not answering .*; writing "posted" again/);
  });

  it('just before the post leaves: the post waits for Redis, then goes out once and is recorded', async () => {
    await until(() => h.deps.store.ping(), 'Redis to answer the app again');
    await h.deps.digests.setSchedule('TPREPOST', aDigestSchedule('CPREPOST', { teamId: 'TPREPOST' }));
    h.clock.set('2026-11-30T09:00:00+02:00');
    h.sandbox.faults.latencyMs = 1000; // the week is claimed; Tellody is slow to answer
    const before = h.sandbox.calls.get(CHART_CALLS) ?? 0;
    const logger = recordingLogger();
    const tick = new DigestRunner({ ...h.deps.jobs.digest, logger: logger }).tick();
    try {
      await until(() => (h.sandbox.calls.get(CHART_CALLS) ?? 0) > before, 'the report to be asked of Tellody');
      await restartRedis(2500); // gone when the report is ready and the post is about to leave
    } finally {
      h.sandbox.faults.latencyMs = 0;
    }
    const result = (await tick).find((r) => r.workspace === 'TPREPOST');
    expect(result?.result.outcome).toBe('posted');
    expect(h.slack.messagesIn('CPREPOST')).toHaveLength(1);
    expect(await h.deps.digests.week('TPREPOST', WEEK)).toMatchObject({ state: 'posted' });
    expect(logger.lines.join('\n')).toMatch(/store not answering .*; writing "posting" again/);
  });
});
