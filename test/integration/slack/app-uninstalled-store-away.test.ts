import { describe, expect, it } from 'vitest';
import { expectLogged } from '../../support/log-lines.js';
import { startRedis } from '../../support/redis-server.js';
import { slackAppHarness } from '../../support/slack-app-harness.js';

describe('app_uninstalled while the store is away', () => {
  it('acks Slack and logs by name that the workspace could not be forgotten', async () => {
    const redis = await startRedis();
    const logs: string[] = [];
    const app = await slackAppHarness({ env: { STORE_URL: redis.url }, logSink: (line) => logs.push(line) });
    try {
      await redis.stop();
      expect((await app.event({ type: 'app_uninstalled' }, 'T5')).status).toBe(200);
      await expectLogged(logs, 'app_uninstalled failed: ');
    } finally {
      await app.close().catch(() => {});
      await redis.stop();
    }
  });
});
