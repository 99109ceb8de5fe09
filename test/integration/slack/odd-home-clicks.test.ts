import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, CALLBACKS } from '../../../src/views/ids.js';
import { type AppHarness, connectedAppHarness } from '../../support/slack-app-harness.js';

let h: AppHarness;
const logs: string[] = [];
beforeAll(async () => {
  h = await connectedAppHarness({ now: '2026-11-27T10:00:00Z', logSink: (line) => logs.push(line) }); // a Friday
});
afterAll(() => h.close());

const atHome = { user: 'UADMIN', container: { type: 'view', view_id: 'V1' } };

describe('Home tab clicks Slack sends a little differently than the app made them', () => {
  it('shows this week for a quick-report button the app no longer has (an old Home tab)', async () => {
    const before = h.slack.callsTo('views.publish').length;
    await h.click({ type: 'button', action_id: `${ACTIONS.homeQuick}yesterday` }, atHome);
    const [call] = (await h.slack.waitForCalls('views.publish', before + 1)).slice(-1);
    const text = JSON.stringify(call?.args.view);
    expect(text).toContain('This week so far');
    expect(text).toContain('Mon 23 – Sun 29 Nov 2026');
    expect(logs.filter((line) => line.includes('home quick report'))).toEqual([]);
  });

  it('fills the settings form by no made-up view id when Slack’s views.open answer names none', async () => {
    h.slack.answerNext('views.open', { ok: true });
    const before = h.slack.callsTo('views.update').length;
    await h.click({ type: 'button', action_id: ACTIONS.openSettings }, atHome);
    const [update] = (await h.slack.waitForCalls('views.update', before + 1)).slice(-1);
    expect(update?.args).toMatchObject({ view_id: '', hash: '', view: { callback_id: CALLBACKS.settings } });
  });
});
