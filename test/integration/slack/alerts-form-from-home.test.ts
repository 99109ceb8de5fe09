import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALERT_ACTIONS, ALERT_FIELDS, CALLBACKS } from '../../../src/views/ids.js';
import { aDigestSchedule } from '../../support/digest-schedule.js';
import { type AppHarness, connectedAppHarness } from '../../support/slack-app-harness.js';
import { linesOf } from '../../support/view-text.js';

// An app per test: the form's title is fixed while the app is made (see listeners-of-a-fresh-app).
let h: AppHarness;
beforeEach(async () => {
  h = await connectedAppHarness();
});
afterEach(() => h.close());

type Block = { block_id?: string; element?: { initial_options?: { value: string }[]; initial_conversation?: string } };
type View = { callback_id?: string; title: { text: string }; blocks: Block[] };

/** Clicks “Set up alerts” on the Home tab and returns the placeholder, then the form that replaced it. */
async function openAlertsForm(): Promise<{ placeholder: View; form: View }> {
  const opened = h.slack.callsTo('views.open').length;
  const updated = h.slack.callsTo('views.update').length;
  await h.click(
    { type: 'button', action_id: ALERT_ACTIONS.settings },
    { user: 'UADMIN', container: { type: 'view', view_id: 'VHOME' } },
  );
  const [open] = (await h.slack.waitForCalls('views.open', opened + 1)).slice(-1);
  const [update] = (await h.slack.waitForCalls('views.update', updated + 1)).slice(-1);
  return { placeholder: open?.args.view as View, form: update?.args.view as View };
}

const element = (view: View, block: string) => view.blocks.find((b) => b.block_id === block)?.element;

describe('the alerts form, opened from the Home tab', () => {
  it('opens as “Loading…” under “Same-day alerts”, then the form replaces it', async () => {
    const { placeholder, form } = await openAlertsForm();
    expect(placeholder.title.text).toBe('Same-day alerts');
    expect(linesOf(placeholder)).toEqual(['Loading…']);
    expect(form.callback_id).toBe(CALLBACKS.alerts);
    expect(form.title.text).toBe('Same-day alerts');
  });

  it('starts a first set-up on opt-outs and new contacts, in the digest’s channel', async () => {
    await h.deps.digests.setSchedule('T1', aDigestSchedule('C0DIGEST'));
    const { form } = await openAlertsForm();
    const measures = element(form, ALERT_FIELDS.measures.block)?.initial_options?.map((o) => o.value);
    expect(measures).toEqual(['contactsBlocked', 'contactsAdded']);
    expect(element(form, ALERT_FIELDS.channel.block)?.initial_conversation).toBe('C0DIGEST');
  });
});
