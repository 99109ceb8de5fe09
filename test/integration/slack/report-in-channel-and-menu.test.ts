import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodToken, resolvePeriod } from '../../../src/period/index.js';
import { ACTIONS } from '../../../src/views/ids.js';
import { type AppHarness, connectedAppHarness } from '../../support/slack-app-harness.js';
import { actionIdsOf, linesOf } from '../../support/view-text.js';

let h: AppHarness;
const NOW = Date.parse('2026-11-27T10:00:00Z');

beforeAll(async () => {
  h = await connectedAppHarness({ now: '2026-11-27T10:00:00Z' });
});
afterAll(() => h.close());

type Message = { response_type?: string; text?: string; blocks: unknown[] };
type Json = Record<string, unknown>;

/** The granularity menu of a report message: the element a person opens to pick "By week". */
function granularityMenu(message: Message): Json {
  const elements = (message.blocks as Json[]).flatMap((b) => (b.type === 'actions' ? (b.elements as Json[]) : []));
  const menu = elements.find((e) => e.action_id === ACTIONS.granularity);
  if (!menu) throw new Error('the report has no granularity menu');
  return menu;
}

describe('a report shared into a channel', () => {
  it('reaches the channel without any button: no Share, no previous or next, no granularity menu', async () => {
    const period = resolvePeriod('last week', { zone: 'Europe/Athens', weekStart: 1, now: NOW });
    const click = await h.click({ type: 'button', action_id: ACTIONS.share, value: periodToken(period) });
    const [shared] = await h.slack.waitForPosts(click.id);
    const message = shared?.body as Message;
    expect(message.response_type).toBe('in_channel');
    expect(message.text).toMatch(/^[\d,]+ new contacts/);
    expect(linesOf(message)).toContainEqual(expect.stringContaining('Last week'));
    expect(actionIdsOf(message)).toEqual([]);
  });
});

describe('the granularity menu on a report', () => {
  it('shows the same period by the unit the person picked from the menu', async () => {
    const command = await h.command('last month');
    const [reply] = await h.slack.waitForPosts(command.id);
    const menu = granularityMenu(reply?.body as Message);
    expect(linesOf(reply?.body as Message)).toContainEqual('<Granularity: By day>');
    const byWeek = (menu.options as Json[]).find((o) => (o.text as Json).text === 'By week');
    const click = await h.click({ type: 'static_select', action_id: ACTIONS.granularity, selected_option: byWeek });
    const [answer] = await h.slack.waitForPosts(click.id);
    const shown = answer?.body as Message;
    expect(shown.text).toMatch(/^[\d,]+ new contacts/);
    expect(linesOf(shown)).toContainEqual('<Granularity: By week>');
    expect(linesOf(shown)).toContainEqual(expect.stringContaining('Last month'));
  });

  it('answers a menu click that carries no choice with the help, not a failure', async () => {
    const click = await h.click({ type: 'static_select', action_id: ACTIONS.granularity, selected_option: null });
    const [answer] = await h.slack.waitForPosts(click.id);
    expect(String(answer?.body.text)).toMatch(/^That button no longer describes a period\./);
  });
});
