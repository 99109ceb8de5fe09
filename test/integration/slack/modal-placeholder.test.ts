import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, CALLBACKS, DIGEST_ACTIONS } from '../../../src/views/ids.js';
import { expectValidView } from '../../support/block-kit.js';
import { type AppHarness, connectedAppHarness } from '../../support/slack-app-harness.js';
import { linesOf } from '../../support/view-text.js';

let h: AppHarness;
beforeAll(async () => {
  h = await connectedAppHarness();
});
afterAll(() => h.close());

const atHome = { user: 'UADMIN', container: { type: 'view', view_id: 'VHOME' } };
type View = { type: string; callback_id?: string; title: { text: string }; blocks: unknown[] };

describe('a form opened from the Home tab', () => {
  it.each([
    ['settings', ACTIONS.openSettings, 'Contacts settings', CALLBACKS.settings],
    ['digest', DIGEST_ACTIONS.settings, 'Weekly digest', CALLBACKS.digest],
  ])(
    '(%s) opens at once as “Loading…” under its title, then the form replaces it',
    async (_form, actionId, title, callbackId) => {
      const opened = h.slack.callsTo('views.open').length;
      const updated = h.slack.callsTo('views.update').length;
      await h.click({ type: 'button', action_id: actionId }, atHome);
      const [open] = (await h.slack.waitForCalls('views.open', opened + 1)).slice(-1);
      const placeholder = open?.args.view as View;
      expectValidView(placeholder);
      expect(placeholder.type).toBe('modal');
      expect(placeholder.title.text).toBe(title);
      expect(linesOf(placeholder)).toEqual(['Loading…']);
      const [update] = (await h.slack.waitForCalls('views.update', updated + 1)).slice(-1);
      const form = update?.args.view as View;
      expect(form.callback_id).toBe(callbackId);
      expect(form.title.text).toBe(title);
      expect(linesOf(form)).not.toContain('Loading…');
    },
  );
});
