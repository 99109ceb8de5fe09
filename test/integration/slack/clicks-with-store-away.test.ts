import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodToken, resolvePeriod } from '../../../src/period/index.js';
import { ACTIONS } from '../../../src/views/ids.js';
import { expectLogged } from '../../support/log-lines.js';
import { startRedis } from '../../support/redis-server.js';
import { type AppHarness, slackAppHarness } from '../../support/slack-app-harness.js';

let redis: Awaited<ReturnType<typeof startRedis>>;
let h: AppHarness;
const logs: string[] = [];
beforeAll(async () => {
  redis = await startRedis();
  h = await slackAppHarness({ env: { STORE_URL: redis.url }, logSink: (line) => logs.push(line) });
  await redis.stop();
});
afterAll(async () => {
  await h.close().catch(() => {});
  await redis.stop();
});

describe('clicks while the store is away', () => {
  it('“Share in channel”: the person is told privately the store cannot be reached, the log names the share', async () => {
    const period = resolvePeriod('last week', { zone: 'Europe/Athens', weekStart: 1, now: h.clock.now() });
    const click = await h.click({ type: 'button', action_id: ACTIONS.share, value: periodToken(period) });
    const [answer] = await h.slack.waitForPosts(click.id);
    expect(answer?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(answer?.body.text)).toMatch(/^Contacts can’t reach its storage right now/);
    await expectLogged(logs, 'share failed: ');
  });

  it('a quick report on the Home tab: the log names the Home quick report', async () => {
    await h.click(
      { type: 'button', action_id: `${ACTIONS.homeQuick}last_week` },
      { user: 'UADMIN', container: { type: 'view', view_id: 'VHOME' } },
    );
    await expectLogged(logs, 'home quick report failed: ');
  });
});
