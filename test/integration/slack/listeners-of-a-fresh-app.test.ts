import { afterEach, describe, expect, it } from 'vitest';
import { periodToken, resolvePeriod } from '../../../src/period/index.js';
import { ACTIONS, CALLBACKS, DIGEST_ACTIONS } from '../../../src/views/ids.js';
import { aDigestSchedule } from '../../support/digest-schedule.js';
import { latestHome } from '../../support/home-tab.js';
import { until } from '../../support/scheduler-instances.js';
import { type AppHarness, alertsValues, connectedAppHarness, digestValues } from '../../support/slack-app-harness.js';

// Each test builds its own app: the listeners are wired while the app is made, so only a test that
// makes the app and then uses an id shows that the id reaches its handler (and a mutation run sees it so).
let h: AppHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const atHome = { user: 'UADMIN', container: { type: 'view', view_id: 'VHOME' } };
const lastWeek = (app: AppHarness) =>
  resolvePeriod('last week', { zone: 'Europe/Athens', weekStart: 1, now: app.clock.now() });

describe('an app just made answers each of its ids', () => {
  it('“Last week” on the Home tab shows last week there', async () => {
    h = await connectedAppHarness();
    const before = h.slack.callsTo('views.publish').length;
    await h.click({ type: 'button', action_id: `${ACTIONS.homeQuick}last_week` }, atHome);
    expect((await latestHome(h, before)).text).toContain('Last week');
  });

  it('“Previous” on a report answers with the week before', async () => {
    h = await connectedAppHarness();
    const click = await h.click({ type: 'button', action_id: ACTIONS.previous, value: periodToken(lastWeek(h)) });
    const [post] = await h.slack.waitForPosts(click.id);
    expect(JSON.stringify(post?.body)).toContain('Mon 9 – Sun 15 Nov');
  });

  it('“Share” posts the report in the channel', async () => {
    h = await connectedAppHarness();
    const click = await h.click({ type: 'button', action_id: ACTIONS.share, value: periodToken(lastWeek(h)) });
    const [shared] = await h.slack.waitForPosts(click.id);
    expect(shared?.body.response_type).toBe('in_channel');
  });

  it.each(['channel_archive', 'group_archive'])('%s pauses the digest posted there', async (type) => {
    h = await connectedAppHarness();
    const { digests } = h.deps;
    await digests.setSchedule('T1', aDigestSchedule('CMKT'));
    await h.event({ type, channel: 'CMKT', user: 'UUSER' });
    await until(async () => Boolean((await digests.schedule('T1'))?.paused), 'the digest paused', 2_000);
    expect((await digests.schedule('T1'))?.paused?.reason).toBe('is_archived');
  });

  it.each([
    [ACTIONS.openSettings, 'Contacts settings'],
    [DIGEST_ACTIONS.settings, 'Weekly digest'],
  ])('%s opens its form under its title', async (actionId, title) => {
    h = await connectedAppHarness();
    await h.click({ type: 'button', action_id: actionId }, atHome);
    const [open] = await h.slack.waitForCalls('views.open');
    expect((open?.args.view as { title?: { text: string } } | undefined)?.title?.text).toBe(title);
  });

  it.each([
    ['digest', CALLBACKS.digest, digestValues({ channel: 'CSLOW' }), 'Weekly digest', 'Digest saved.'],
    ['alerts', CALLBACKS.alerts, alertsValues({ channel: 'CSLOW' }), 'Same-day alerts', 'Alerts saved.'],
  ])('the %s form, checked slowly, says “checking” under its title, then that it was saved', async (...row) => {
    const [, callback, values, title, saved] = row;
    h = await connectedAppHarness();
    h.slack.slowDown('users.info', 1200);
    h.slack.slowDown('conversations.info', 1200);
    const [updates, homes] = [h.slack.callsTo('views.update').length, h.slack.callsTo('views.publish').length];
    const result = await h.submit(values, { user: 'UADMIN' }, callback, { deadlineMs: 3000 });
    // Slack quick again for what comes after the save (the Home tab republished).
    h.slack.slowDown('users.info', 0);
    h.slack.slowDown('conversations.info', 0);
    const checking = JSON.parse(result.text) as { response_action: string; view: { title: { text: string } } };
    expect(checking.response_action).toBe('update');
    expect(checking.view.title.text).toBe(title);
    const [verdict] = (await h.slack.waitForCalls('views.update', updates + 1)).slice(-1);
    expect(JSON.stringify(verdict?.args.view)).toContain(saved);
    expect((await latestHome(h, homes)).text).toContain(saved);
  });
});
