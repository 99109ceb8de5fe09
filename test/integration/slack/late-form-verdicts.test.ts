import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CALLBACKS } from '../../../src/views/ids.js';
import { expectValidView } from '../../support/block-kit.js';
import {
  type AppHarness,
  alertsValues,
  digestValues,
  settingsValues,
  slackAppHarness,
} from '../../support/slack-app-harness.js';
import { linesOf } from '../../support/view-text.js';

/**
 * Verdicts that come after Slack was answered "checking…": the checks get 300 ms, and Slack's
 * users.info (the first check of every form) takes longer, so the modal is told by views.update.
 */
let h: AppHarness;
beforeAll(async () => {
  h = await slackAppHarness({ deadlines: { submissionMs: 300 }, channels: { CGONE: 'missing' } });
  await h.deps.credentials.set('T1', { username: 'demo', password: 'demo' }, h.clock.now());
});
afterEach(() => h.slack.slowDown('users.info', 0));
afterAll(() => h.close());

type Json = Record<string, unknown>;
type View = { callback_id?: string; title: { text: string }; blocks: Json[] };

const CANNOT_SEE = 'I can’t see that channel. If it is private, invite @contacts to it first (/invite @contacts).';

/** Submits `values` to the modal `callbackId` for `team` with Slack slow, and returns what the modal turned into at last. */
async function lateVerdict(values: Json, team: string, callbackId: string): Promise<View> {
  h.slack.slowDown('users.info', 800);
  const before = h.slack.callsTo('views.update').length;
  const result = await h.submit(values, { team }, callbackId, { deadlineMs: 3000 });
  expect(JSON.parse(result.text)).toMatchObject({ response_action: 'update' });
  const [update] = (await h.slack.waitForCalls('views.update', before + 1)).slice(-1);
  expect(update?.args.view_id).toBe('V1');
  const view = update?.args.view as View;
  expectValidView(view);
  return view;
}

/** The hint and placeholder under the settings form's password input. */
function passwordInput(view: View) {
  const block = view.blocks.find((b) => (b.label as Json | undefined)?.text === 'Tellody password');
  const element = block?.element as { placeholder?: Json } | undefined;
  return { hint: (block?.hint as Json | undefined)?.text, placeholder: element?.placeholder?.text };
}

describe('a channel refused after Slack was told “checking…”', () => {
  it('brings back the digest form with the refusal above it and what was chosen still in it', async () => {
    const view = await lateVerdict(digestValues({ channel: 'CGONE', day: 'friday' }), 'T2', CALLBACKS.digest);
    expect(view.callback_id).toBe(CALLBACKS.digest);
    expect(linesOf(view)[0]).toBe(`:warning: ${CANNOT_SEE}`);
    const day = view.blocks.find((b) => b.block_id === 'digest_day')?.element as Json;
    expect(day.initial_option).toMatchObject({ value: 'friday' });
    expect(await h.deps.digests.schedule('T2')).toBeUndefined();
  });

  it('turns the alerts modal (which has no form to bring back) into the refusal, in words', async () => {
    const view = await lateVerdict(alertsValues({ channel: 'CGONE' }), 'T3', CALLBACKS.alerts);
    expect(view.title.text).toBe('Same-day alerts');
    expect(linesOf(view)).toEqual([`:warning: ${CANNOT_SEE}`]);
    expect(await h.deps.alerts.settings('T3')).toBeUndefined();
  });
});

describe('a settings form refused after Slack was told “checking…”', () => {
  it('says every problem, each sentence apart, when the form has more than one', async () => {
    const values = settingsValues({ zone: 'Nowhere/Land', password: 'secret' });
    const view = await lateVerdict(values, 'T4', CALLBACKS.settings);
    expect(linesOf(view)).toEqual([
      ':warning: “Nowhere/Land” is not a time zone name. Try one like Europe/Athens or America/New_York. Enter the Tellody username that goes with this password.',
    ]);
  });

  it('comes back, for a workspace with its own login saved, saying an empty password keeps it', async () => {
    const view = await lateVerdict(settingsValues({ username: 'demo', password: 'wrong' }), 'T1', CALLBACKS.settings);
    expect(view.callback_id).toBe(CALLBACKS.settings);
    expect(linesOf(view)[0]).toBe(':warning: Tellody refused this login: Bad credentials.');
    expect(passwordInput(view)).toEqual({
      hint: 'Leave empty to keep the current password.',
      placeholder: '(unchanged)',
    });
    expect(await h.deps.credentials.get('T1')).toEqual({ username: 'demo', password: 'demo' });
  });

  it('comes back, for a workspace with no login yet, saying the password is checked before it is kept', async () => {
    const view = await lateVerdict(settingsValues({ username: 'demo', password: 'wrong' }), 'T5', CALLBACKS.settings);
    expect(linesOf(view)[0]).toBe(':warning: Tellody refused this login: Bad credentials.');
    expect(passwordInput(view)).toEqual({
      hint: 'Checked with Tellody before it is saved, then stored encrypted.',
      placeholder: 'password',
    });
    expect(await h.deps.credentials.get('T5')).toBeUndefined();
  });
});
