import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../support/free-port.js';
import { until } from '../../support/scheduler-instances.js';
import { form } from '../../support/signed-request.js';
import { type AppHarness, slackAppHarness } from '../../support/slack-app-harness.js';

let h: AppHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('a command whose response_url cannot be reached', () => {
  it('logs the failed answer, then that the person could not be told either', async () => {
    const logs: string[] = [];
    h = await slackAppHarness({ logSink: (line) => logs.push(line) });
    // Nothing listens there: every reply to it fails.
    const responseUrl = `http://127.0.0.1:${await freePort()}/respond/gone`;
    const body = form({
      command: '/contacts',
      text: 'help',
      team_id: 'T1',
      user_id: 'UUSER',
      channel_id: 'C1',
      response_url: responseUrl,
      trigger_id: 'trigger-gone',
    });
    expect((await h.send(body, 'application/x-www-form-urlencoded')).status).toBe(200);
    await until(() => logs.some((line) => line.includes('(telling the user)')), 'the second failure logged', 10_000);
    const failures = logs.filter((line) => line.startsWith('[ERROR] contacts /contacts '));
    expect(failures).toHaveLength(2);
    expect(failures[0]).toMatch(/^\[ERROR\] contacts \/contacts failed: /);
    expect(failures[1]).toMatch(/^\[ERROR\] contacts \/contacts \(telling the user\) failed: /);
  });
});
