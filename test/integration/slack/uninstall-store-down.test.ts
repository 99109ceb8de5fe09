import { describe, expect, it } from 'vitest';
import { startRedis } from '../../support/redis-server.js';
import { slackAppHarness } from '../../support/slack-app-harness.js';

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 250 && !condition(); i++) await new Promise((r) => setTimeout(r, 20));
}

describe('revoked tokens while the store is away', () => {
  it('acks Slack, logs that the workspace could not be forgotten, instead of failing silently', async () => {
    const redis = await startRedis();
    const logs: string[] = [];
    const app = await slackAppHarness({ env: { STORE_URL: redis.url }, logSink: (line) => logs.push(line) });
    try {
      await redis.stop();
      expect((await app.event({ type: 'tokens_revoked', tokens: { bot: ['UBOT'] } }, 'T5')).status).toBe(200);
      await until(() => logs.some((line) => line.includes('tokens_revoked failed: ')));
      expect(logs).toContainEqual(expect.stringContaining('tokens_revoked failed: '));
    } finally {
      await app.close().catch(() => {});
      await redis.stop();
    }
  });
});
