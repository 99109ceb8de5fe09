import { createClient } from '@keyv/redis';
import { afterEach, describe, expect, it } from 'vitest';
import { startJobs } from '../../../src/slack/start-jobs.js';
import { aDigestSchedule } from '../../support/digest-schedule.js';
import { recordingLogger } from '../../support/quiet-logger.js';
import { startRedis } from '../../support/redis-server.js';
import { sleep, until } from '../../support/scheduler-instances.js';
import { type AppHarness, connectedAppHarness, slackAppHarness } from '../../support/slack-app-harness.js';

const EVERY_SECOND = '* * * * * *';

let h: AppHarness | undefined;
let redis: Awaited<ReturnType<typeof startRedis>> | undefined;
let jobs: { stop(): Promise<void> } | undefined;
afterEach(async () => {
  await jobs?.stop();
  await h?.close().catch(() => {});
  await redis?.stop();
  jobs = undefined;
  h = undefined;
  redis = undefined;
});

/** The app's deps on a Redis that is gone: every tick of either job fails at its first read. */
async function storeGone() {
  redis = await startRedis();
  const app = await slackAppHarness({ env: { STORE_URL: redis.url } });
  await redis.stop();
  return app;
}

const failedTicks = (lines: readonly string[], job: 'digest' | 'alert') =>
  lines.filter((line) => line.startsWith(`error ${job} scheduler failed: `)).length;

describe('the scheduled jobs of one instance', () => {
  it('tick the digest and the alert checks each on its own pattern, logging a failed tick under the job’s name', async () => {
    h = await storeGone();
    const logger = recordingLogger();
    jobs = startJobs({ jobs: h.deps.jobs, log: logger }, { digest: EVERY_SECOND, alerts: EVERY_SECOND });
    // Once at start, then on the pattern. The default patterns (every minute, every quarter hour)
    // could add at most one tick within the wait: four of each means each ticked on its pattern.
    await until(
      () => failedTicks(logger.lines, 'digest') >= 4 && failedTicks(logger.lines, 'alert') >= 4,
      'four failed ticks of each job',
      15_000,
    );
    expect(logger.lines.filter((line) => !/^error (digest|alert) scheduler failed: /.test(line))).toEqual([]);
  });

  it('stop ticking, both of them, once stopped', async () => {
    h = await storeGone();
    const logger = recordingLogger();
    const running = startJobs({ jobs: h.deps.jobs, log: logger }, { digest: EVERY_SECOND, alerts: EVERY_SECOND });
    await until(
      () => failedTicks(logger.lines, 'digest') >= 2 && failedTicks(logger.lines, 'alert') >= 2,
      'two failed ticks of each job',
      15_000,
    );
    await running.stop();
    const stoppedAt = logger.lines.length;
    // Three of the patterns' seconds: a job still running would have failed again by now.
    await sleep(3000);
    expect(logger.lines.slice(stoppedAt)).toEqual([]);
  });

  it('hold a week’s claim for the lease they are given, not the 20-minute default', async () => {
    redis = await startRedis();
    h = await connectedAppHarness({ env: { STORE_URL: redis.url }, leaseMs: 90_000 });
    await h.deps.digests.setSchedule('T1', aDigestSchedule('CDIGEST'));
    h.clock.set('2026-11-30T09:00:00+02:00');
    // The post takes a while: the claim is held meanwhile.
    h.slack.slowDown('chat.postMessage', 2000);
    jobs = startJobs({ jobs: h.deps.jobs, log: recordingLogger() });
    await h.slack.waitForCalls('chat.postMessage');
    const admin = createClient({ url: redis.url });
    await admin.connect();
    try {
      const [claim, ...others] = await admin.keys('ws:T1:digest:claim:*');
      expect(others).toEqual([]);
      const leftMs = await admin.pTTL(claim ?? '');
      expect(leftMs).toBeGreaterThan(0);
      expect(leftMs).toBeLessThanOrEqual(90_000);
    } finally {
      await admin.quit();
    }
    await until(() => h?.slack.messagesIn('CDIGEST').length === 1, 'the digest posted');
  });
});
