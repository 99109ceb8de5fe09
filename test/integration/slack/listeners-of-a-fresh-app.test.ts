import { afterEach, describe, expect, it } from 'vitest';
import { periodToken, resolvePeriod } from '../../../src/period/index.js';
import { ACTIONS, DIGEST_ACTIONS } from '../../../src/views/ids.js';
import { aDigestSchedule } from '../../support/digest-schedule.js';
import { latestHome } from '../../support/home-tab.js';
import { type AppHarness, connectedAppHarness } from '../../support/slack-app-harness.js';

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
    await h.deps.digests.setSchedule('T1', aDigestSchedule('CMKT'));
    await h.event({ type, channel: 'CMKT', user: 'UUSER' });
    for (let i = 0; i < 100 && !(await h.deps.digests.schedule('T1'))?.paused; i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await h.deps.digests.schedule('T1'))?.paused?.reason).toBe('is_archived');
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
});
