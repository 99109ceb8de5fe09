import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodToken, resolvePeriod } from '../../../src/period/index.js';
import { ACTIONS } from '../../../src/views/ids.js';
import { expectLogged } from '../../support/log-lines.js';
import { payload } from '../../support/signed-request.js';
import { type AppHarness, connectedAppHarness } from '../../support/slack-app-harness.js';

let h: AppHarness;
const logs: string[] = [];
beforeAll(async () => {
  h = await connectedAppHarness({ env: { LOG_LEVEL: 'warn' }, logSink: (line) => logs.push(line) });
});
afterAll(() => h.close());

/** A click on the person's own report that (unlike any click on a message from Slack) names no response_url. */
const clickWithoutResponseUrl = (value: string) =>
  payload({
    type: 'block_actions',
    team: { id: 'T1', domain: 'acme' },
    user: { id: 'UUSER', team_id: 'T1' },
    api_app_id: 'A1',
    trigger_id: 'trigger-no-url',
    container: { type: 'message', message_ts: '1.2', channel_id: 'C1', is_ephemeral: true },
    channel: { id: 'C1' },
    actions: [{ block_id: 'report_actions', action_ts: '1.3', type: 'button', action_id: ACTIONS.previous, value }],
  });

describe('a click on a message that came without a response_url', () => {
  it('is acked, the report it asks for is made, and the log says its reply had nowhere to go', async () => {
    const period = resolvePeriod('last week', { zone: 'Europe/Athens', weekStart: 1, now: h.clock.now() });
    const posts = h.slack.posts.length;
    const sent = await h.send(clickWithoutResponseUrl(periodToken(period)), 'application/x-www-form-urlencoded');
    expect(sent.status).toBe(200);
    await expectLogged(logs, 'a reply was dropped: the request came without a response_url');
    expect(h.sandbox.calls.get('/CampaignCloud/Report/ContactChart') ?? 0).toBeGreaterThan(0);
    expect(h.slack.posts.length).toBe(posts);
  });
});
