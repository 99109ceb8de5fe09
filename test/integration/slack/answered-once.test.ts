import { afterAll, beforeAll, expect, it } from 'vitest';
import { ACTIONS } from '../../../src/views/ids.js';
import { type AppHarness, connectedAppHarness } from '../../support/slack-app-harness.js';

/** Bolt finishes a request (and would log a second ack's error) just after its listener's reply arrived. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

const logs: string[] = [];
let app: AppHarness;
beforeAll(async () => {
  app = await connectedAppHarness({ env: { LOG_LEVEL: 'warn' }, logSink: (line) => logs.push(line) });
});
afterAll(() => app.close());

/*
 * Requests no listener answered get an empty ack (hostile-requests.test.ts); these are the other
 * half: a listener acked, so acking again would throw inside Bolt and tell operators a request
 * failed when it did not.
 */
it.each([
  ['a slash command', () => app.command('help')],
  ['a click on a report button', () => app.click({ type: 'button', action_id: ACTIONS.previous, value: 'garbage' })],
])('%s a listener answered is acked once: answered, and no error logged', async (_what, send) => {
  logs.length = 0;
  const sent = await send();
  expect(sent.status).toBe(200);
  await app.slack.waitForPosts(sent.id);
  await settle();
  expect(logs).toEqual([]);
});
