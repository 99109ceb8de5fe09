import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALLBACKS } from '../../../src/views/ids.js';
import { expectLogged } from '../../support/log-lines.js';
import { type AppHarness, alertsValues, digestValues, slackAppHarness } from '../../support/slack-app-harness.js';

let h: AppHarness;
const logs: string[] = [];
beforeAll(async () => {
  h = await slackAppHarness({
    logSink: (line) => logs.push(line),
    channels: {
      CGONE: 'missing',
      CLOCKED: { name: 'announcements', is_member: false },
    },
  });
});
afterAll(() => h.close());

const channelError = (result: { text: string }) =>
  (JSON.parse(result.text) as { response_action: string; errors: Record<string, string> }).errors;

describe('the channel a digest or alerts form names, checked before anything is saved', () => {
  it('says it cannot see a channel Slack does not show it, and how to fix that', async () => {
    const result = await h.submit(digestValues({ channel: 'CGONE' }), { team: 'T2' }, CALLBACKS.digest);
    expect(JSON.parse(result.text).response_action).toBe('errors');
    expect(channelError(result)).toEqual({
      digest_channel: 'I can’t see that channel. If it is private, invite @contacts to it first (/invite @contacts).',
    });
    expect(await h.deps.digests.schedule('T2')).toBeUndefined();
  });

  it('says nothing was saved when Slack fails to describe the channel for another reason', async () => {
    h.slack.failNext('conversations.info', { error: 'internal_error' });
    const result = await h.submit(alertsValues({ channel: 'CFINE' }), { team: 'T3' }, CALLBACKS.alerts);
    expect(channelError(result)).toEqual({
      alerts_channel: 'Something went wrong on our side; nothing was saved. Please try again.',
    });
    expect(await h.deps.alerts.settings('T3')).toBeUndefined();
    await expectLogged(logs, 'alerts submission failed: WebAPIPlatformError');
  });

  it('names the channel and Slack’s reason when it cannot join a public channel, and saves nothing', async () => {
    h.slack.failNext('conversations.join', { error: 'restricted_action' });
    const result = await h.submit(digestValues({ channel: 'CLOCKED' }), { team: 'T4' }, CALLBACKS.digest);
    expect(channelError(result)).toEqual({
      digest_channel: 'I could not join #announcements (restricted_action). Invite @contacts to it, then save.',
    });
    expect(await h.deps.digests.schedule('T4')).toBeUndefined();
  });
});
