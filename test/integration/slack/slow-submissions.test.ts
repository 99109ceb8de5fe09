import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CALLBACKS } from '../../../src/views/ids.js';
import { expectValidView } from '../../support/block-kit.js';
import { type AppHarness, digestValues, settingsValues, slackAppHarness } from '../../support/slack-app-harness.js';

/** Slack gives up on an answer after 3 s: an answer not in by then has failed. */
const SLACK_DEADLINE = { deadlineMs: 3000 };

let h: AppHarness;
beforeAll(async () => {
  h = await slackAppHarness();
});
afterEach(() => {
  h.sandbox.faults.latencyMs = 0;
  h.slack.slowDown('users.info', 0);
  h.slack.slowDown('conversations.info', 0);
});
afterAll(() => h.close());

type View = { callback_id?: string; blocks: unknown[] };

async function latestUpdate(before: number): Promise<View> {
  const [call] = (await h.slack.waitForCalls('views.update', before + 1)).slice(-1);
  const view = call?.args.view as View;
  expectValidView(view);
  expect(call?.args.view_id).toBe('V1');
  return view;
}

describe('the settings modal with Tellody slow to check a login', () => {
  it('answers within Slack’s 3 s that it is checking, then saves and only then says so', async () => {
    h.sandbox.faults.latencyMs = 1500;
    const before = h.slack.callsTo('views.update').length;
    const values = settingsValues({ weekStart: 0, zone: 'America/New_York', username: 'ny', password: 'ny-pass' });
    const result = await h.submit(values, { team: 'T2' }, CALLBACKS.settings, SLACK_DEADLINE);
    expect(result.status).toBe(200);
    const answer = JSON.parse(result.text) as { response_action: string; view: View };
    expect(answer.response_action).toBe('update');
    expect(JSON.stringify(answer.view)).toContain('Checking the Tellody login');
    expect(await h.deps.credentials.get('T2')).toBeUndefined();
    const verdict = await latestUpdate(before);
    expect(JSON.stringify(verdict)).toContain('Settings saved');
    expect(await h.deps.credentials.get('T2')).toEqual({ username: 'ny', password: 'ny-pass' });
    expect(await h.deps.settings.get('T2')).toMatchObject({ zone: 'America/New_York', weekStart: 0 });
  });

  it('shows the form again with Tellody’s refusal, and saves nothing', async () => {
    h.sandbox.faults.latencyMs = 1500;
    const before = h.slack.callsTo('views.update').length;
    const values = settingsValues({ zone: 'Europe/Berlin', username: 'demo', password: 'wrong' });
    const result = await h.submit(values, { team: 'T3' }, CALLBACKS.settings, SLACK_DEADLINE);
    expect(JSON.parse(result.text).response_action).toBe('update');
    const verdict = await latestUpdate(before);
    expect(verdict.callback_id).toBe(CALLBACKS.settings);
    expect(JSON.stringify(verdict)).toContain('Bad credentials');
    expect(JSON.stringify(verdict)).toContain('Europe/Berlin');
    expect(await h.deps.credentials.get('T3')).toBeUndefined();
    expect(await h.deps.settings.get('T3')).toBeUndefined();
  });
});

describe('the digest modal with Slack slow to answer its checks', () => {
  it('answers within 3 s that it is checking, then saves and says so', async () => {
    h.slack.slowDown('users.info', 1200);
    h.slack.slowDown('conversations.info', 1200);
    const before = h.slack.callsTo('views.update').length;
    const result = await h.submit(digestValues({ channel: 'CSLOW' }), { team: 'T4' }, CALLBACKS.digest, SLACK_DEADLINE);
    expect(result.status).toBe(200);
    expect(JSON.parse(result.text)).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(JSON.parse(result.text).view)).toContain('Checking the channel');
    const verdict = await latestUpdate(before);
    expect(JSON.stringify(verdict)).toContain('Digest saved');
    expect(await h.deps.digests.schedule('T4')).toMatchObject({ channelId: 'CSLOW' });
  });

  it('still answers inline, and at once, when the checks are quick', async () => {
    const result = await h.submit(digestValues({}), { team: 'T4' }, CALLBACKS.digest, SLACK_DEADLINE);
    expect(JSON.parse(result.text)).toMatchObject({ response_action: 'errors' });
  });
});
