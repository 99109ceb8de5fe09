import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CALLBACKS, DIGEST_ACTIONS } from '../../../src/views/ids.js';
import { type AppHarness, digestValues, slackAppHarness } from '../../support/slack-app-harness.js';

let h: AppHarness;
beforeAll(async () => {
  h = await slackAppHarness({ now: '2026-11-27T10:00:00Z' }); // a Friday; no deployment-wide Tellody login
});
afterEach(() => h.slack.slowDown('chat.postMessage', 0));
afterAll(() => h.close());

const NOT_CONNECTED = 'this workspace is not connected to Tellody: an admin can connect it under Settings.';

/** Workspace `team`, with its own Tellody login when `connected`, and its digest set up for `channel`. */
async function digestIn(team: string, channel: string, options: { connected: boolean }): Promise<void> {
  if (options.connected) await h.deps.credentials.set(team, { username: 'demo', password: 'demo' }, h.clock.now());
  const saved = await h.submit(digestValues({ channel }), { team, user: 'UADMIN' }, CALLBACKS.digest);
  expect(saved).toEqual({ status: 200, text: '' });
}

/** An admin clicks a digest button on their Home tab. */
async function clickAtHome(actionId: string, team: string) {
  return h.click({ type: 'button', action_id: actionId }, { team, user: 'UADMIN', container: { type: 'view' } });
}

/** Waits for a Home tab published (after the first `before`) that says `words`; fails the test if none does. */
async function homeSaying(before: number, words: string): Promise<void> {
  const shown = () =>
    h.slack
      .callsTo('views.publish')
      .slice(before)
      .map((c) => JSON.stringify(c.args.view));
  for (let i = 0; i < 250 && !shown().some((view) => view.includes(words)); i++)
    await new Promise((r) => setTimeout(r, 20));
  expect(shown()).toContainEqual(expect.stringContaining(words));
}

describe('“Send now” on the Home tab, told as it went', () => {
  it('asks for the digest to be set up first when there is none', async () => {
    const [before, posted] = [h.slack.callsTo('views.publish').length, h.slack.callsTo('chat.postMessage').length];
    await clickAtHome(DIGEST_ACTIONS.sendNow, 'T2');
    await homeSaying(before, 'Set the digest up (or pick a channel) first.');
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(posted);
  });

  it('says the digest is being posted right now to a second admin who clicks while it is', async () => {
    await digestIn('T3', 'CBUSY', { connected: true });
    h.slack.slowDown('chat.postMessage', 1500);
    const posting = h.slack.callsTo('chat.postMessage').length;
    const before = h.slack.callsTo('views.publish').length;
    await clickAtHome(DIGEST_ACTIONS.sendNow, 'T3');
    await h.slack.waitForCalls('chat.postMessage', posting + 1);
    await clickAtHome(DIGEST_ACTIONS.sendNow, 'T3');
    await homeSaying(before, 'The digest is being posted right now.');
    await homeSaying(before, 'Sent just now.');
    expect(h.slack.messagesIn('CBUSY')).toHaveLength(1);
  });

  it('says the digest is paused, and why, when its channel was archived since', async () => {
    await digestIn('T4', 'CSHUT', { connected: true });
    h.slack.channels.CSHUT = { name: 'cshut', is_member: true, is_archived: true };
    const before = h.slack.callsTo('views.publish').length;
    await clickAtHome(DIGEST_ACTIONS.sendNow, 'T4');
    await homeSaying(
      before,
      'Not sent: the channel cannot take it, so the digest is paused. Edit the digest to pick a channel.',
    );
    expect(await h.deps.digests.schedule('T4')).toMatchObject({ paused: { reason: 'is_archived' } });
    expect(h.slack.messagesIn('CSHUT')).toHaveLength(0);
  });

  it('says what stands in the way when the report cannot be made', async () => {
    await digestIn('T5', 'CT5', { connected: false });
    const before = h.slack.callsTo('views.publish').length;
    await clickAtHome(DIGEST_ACTIONS.sendNow, 'T5');
    await homeSaying(before, `Not sent: ${NOT_CONNECTED}`);
    expect(h.slack.messagesIn('CT5')).toHaveLength(0);
  });
});

describe('“Preview” on the Home tab, told as it went', () => {
  it('asks for the digest to be set up first when there is none', async () => {
    const [before, opened] = [h.slack.callsTo('views.publish').length, h.slack.callsTo('conversations.open').length];
    await clickAtHome(DIGEST_ACTIONS.preview, 'T6');
    await homeSaying(before, 'Set the digest up first.');
    expect(h.slack.callsTo('conversations.open')).toHaveLength(opened);
  });

  it('says why there is no preview when the report cannot be made', async () => {
    await digestIn('T7', 'CT7', { connected: false });
    const [before, dms] = [h.slack.callsTo('views.publish').length, h.slack.messagesIn('DUADMIN').length];
    await clickAtHome(DIGEST_ACTIONS.preview, 'T7');
    await homeSaying(before, `No preview: ${NOT_CONNECTED}`);
    expect(h.slack.messagesIn('DUADMIN')).toHaveLength(dms);
  });

  it('says the preview could not be sent when Slack will not open the direct message', async () => {
    await digestIn('T8', 'CT8', { connected: true });
    h.slack.failNext('conversations.open', { error: 'cannot_dm_bot' });
    const [before, dms] = [h.slack.callsTo('views.publish').length, h.slack.messagesIn('DUADMIN').length];
    await clickAtHome(DIGEST_ACTIONS.preview, 'T8');
    await homeSaying(before, 'The preview could not be sent; please try again.');
    expect(h.slack.messagesIn('DUADMIN')).toHaveLength(dms);
    expect(h.slack.messagesIn('CT8')).toHaveLength(0);
  });
});
