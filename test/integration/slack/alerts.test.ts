import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAlertCheck } from '../../../src/alerts/check.js';
import { parseSpike } from '../../../src/tellody/sandbox/anomalies.js';
import { ALERT_ACTIONS, CALLBACKS } from '../../../src/views/ids.js';
import { expectValidMessage, expectValidView } from '../../support/block-kit.js';
import { aDigestSchedule } from '../../support/digest-schedule.js';
import { latestHome as latestHomeOf } from '../../support/home-tab.js';
import { type AppHarness, alertsValues, slackAppHarness } from '../../support/slack-app-harness.js';

let h: AppHarness;
beforeAll(async () => {
  h = await slackAppHarness({
    now: '2026-11-30T10:10:00Z', // Monday 12:10 in Athens
    env: { TELLODY_USERNAME: 'demo', TELLODY_PASSWORD: 'demo' },
    channels: {
      CMKT: { name: 'marketing', is_member: false },
      CSECRET: { name: 'secret', is_private: true, is_member: false },
    },
  });
});
afterAll(() => h.close());

const home = { container: { type: 'view', view_id: 'V1' } };
const adminAtHome = { user: 'UADMIN', ...home };

const latestHome = async (before: number) => (await latestHomeOf(h, before)).text;

async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100 && !(await condition()); i++) await new Promise((r) => setTimeout(r, 20));
}

/** The alert in #marketing and a click on one of its buttons, as Slack sends it from a channel message. */
async function clickOnAlert(actionId: string, user = 'UUSER') {
  const [alert] = h.slack.messagesIn('CMKT');
  const blocks = (alert?.blocks ?? []) as { type: string; elements?: { action_id: string; value?: string }[] }[];
  const actions = blocks.find((b) => b.type === 'actions');
  const button = actions?.elements?.find((e) => e.action_id === actionId);
  const click = await h.click(
    { type: 'button', action_id: actionId, value: button?.value ?? '' },
    { user, container: { type: 'message', message_ts: alert?.ts, channel_id: 'CMKT', is_ephemeral: false } },
  );
  return { alert, click };
}

describe('setting up same-day alerts', () => {
  it('shows a read-only section to people who are not admins', async () => {
    const before = h.slack.callsTo('views.publish').length;
    await h.event({ type: 'app_home_opened', user: 'UUSER', channel: 'D1', tab: 'home', event_ts: '1.1' });
    const text = await latestHome(before);
    expect(text).toContain('Same-day alerts');
    expect(text).toContain('Not set up');
    expect(text).not.toContain(ALERT_ACTIONS.settings);
    expect(text).toContain('can change the alerts');
  });

  it('opens the modal with the stable ids and the first-time defaults, in the digest’s channel', async () => {
    await h.deps.digests.setSchedule('T1', aDigestSchedule('CMKT'));
    const before = h.slack.callsTo('views.update').length;
    await h.click({ type: 'button', action_id: ALERT_ACTIONS.settings }, adminAtHome);
    const [update] = (await h.slack.waitForCalls('views.update', before + 1)).slice(-1);
    const view = update?.args.view as { callback_id: string; blocks: Record<string, unknown>[] };
    expectValidView(view);
    expect(view.callback_id).toBe(CALLBACKS.alerts);
    const inputs = Object.fromEntries(view.blocks.map((b) => [b.block_id, b.element as Record<string, unknown>]));
    expect(inputs.alerts_measures).toMatchObject({ action_id: 'measures', type: 'checkboxes' });
    const ticked = ((inputs.alerts_measures?.initial_options ?? []) as { value: string }[]).map((o) => o.value);
    expect(ticked).toEqual(['contactsBlocked', 'contactsAdded']);
    expect(inputs.alerts_channel).toMatchObject({ action_id: 'channel', initial_conversation: 'CMKT' });
    expect(inputs.alerts_sensitivity).toMatchObject({ action_id: 'sensitivity', initial_option: { value: 'normal' } });
    expect(inputs.alerts_quiet_from).toMatchObject({ action_id: 'from', type: 'timepicker' });
    expect(inputs.alerts_quiet_to).toMatchObject({ action_id: 'to', type: 'timepicker' });
    expect(inputs.alerts_quiet_from?.initial_time).toBeUndefined();
  });

  it.each([
    [{ channel: 'CSECRET' }, 'UADMIN', 'alerts_channel', /Invite @contacts to #secret first/],
    [{ channel: 'CMKT' }, 'UUSER', 'alerts_channel', /Only workspace admins/],
    [{ channel: 'CMKT', quietFrom: '22:00' }, 'UADMIN', 'alerts_quiet_to', /both times/],
    [{ channel: 'CMKT', quietFrom: '22:00', quietTo: '22:00' }, 'UADMIN', 'alerts_quiet_to', /two different times/],
    [{ channel: 'CMKT', sensitivity: 'extreme' }, 'UADMIN', 'alerts_sensitivity', /Pick a sensitivity/],
  ])('refuses %j from %s inline, and saves nothing', async (fields, user, block, message) => {
    const result = await h.submit(alertsValues(fields), { user }, CALLBACKS.alerts);
    const answer = JSON.parse(result.text) as { response_action: string; errors: Record<string, string> };
    expect(answer.response_action).toBe('errors');
    expect(answer.errors[block]).toMatch(message);
    expect(await h.deps.alerts.settings('T1')).toBeUndefined();
  });

  it('joins a public channel, saves, and shows what is watched on Home', async () => {
    const before = h.slack.callsTo('views.publish').length;
    const values = alertsValues({ channel: 'CMKT', quietFrom: '22:00', quietTo: '07:00' });
    expect(await h.submit(values, { user: 'UADMIN' }, CALLBACKS.alerts)).toEqual({ status: 200, text: '' });
    expect(h.slack.callsTo('conversations.join').map((c) => c.args.channel)).toContain('CMKT');
    expect(await h.deps.alerts.settings('T1')).toMatchObject({
      measures: { contactsBlocked: true, contactsAdded: true, contactsServed: false },
      channelId: 'CMKT',
      channelName: 'marketing',
      sensitivity: 'normal',
      quietHours: { from: '22:00', to: '07:00' },
      setUpBy: 'UADMIN',
    });
    expect(await h.deps.alerts.enrolled()).toContain('T1');
    const text = await latestHome(before);
    expect(text).toContain(
      '*On* — opt-outs going up and new contacts stopping or dropping, in <#CMKT> · normal sensitivity · quiet 22:00–07:00 EET.',
    );
    expect(text).toContain('Alerts saved.');
  });
});

describe('an alert in a channel', () => {
  beforeAll(async () => {
    h.sandbox.faults.anomalies.push(parseSpike('contactsBlocked:4x:from=2026-11-30T09:00+02:00'));
    expect(await runAlertCheck(h.deps.jobs.alerts, 'T1')).toMatchObject({
      outcome: 'checked',
      alerted: ['contactsBlocked'],
    });
  });
  afterAll(() => {
    h.sandbox.faults.anomalies.splice(0);
  });

  it('is a valid message that names the numbers and carries the chart and both buttons', () => {
    const [alert] = h.slack.messagesIn('CMKT');
    expectValidMessage({ text: alert?.text ?? '', blocks: alert?.blocks ?? [] });
    expect(alert?.text).toMatch(/^Opt-outs are \d+\.\d× a usual Monday by 12:00: \d+ against about \d+$/);
    const image = ((alert?.blocks ?? []) as { type: string; image_url?: string }[]).find((b) => b.type === 'image');
    expect(image?.image_url).toMatch(/^https:\/\/quickchart\.io\/chart\?/);
    expect(image?.image_url?.length).toBeLessThanOrEqual(3000);
  });

  it('answers “See today by hour” privately with the day by hour, leaving the alert alone', async () => {
    const { click } = await clickOnAlert(ALERT_ACTIONS.today);
    const [answer] = await h.slack.waitForPosts(click.id);
    expect(answer?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(answer?.body.text)).toContain('Mon 30 Nov 2026');
    expect(h.slack.callsTo('chat.update')).toHaveLength(0);
  });

  it('mutes that measure for the rest of the day on “Mute for today”, and says so in the thread', async () => {
    const { alert, click } = await clickOnAlert(ALERT_ACTIONS.mute);
    const [answer] = await h.slack.waitForPosts(click.id);
    expect(String(answer?.body.text)).toBe('Muted: no more alerts about opt-outs today. They come back tomorrow.');
    expect([...(await h.deps.alerts.mutedOn('T1', '2026-11-30'))]).toEqual(['contactsBlocked']);
    const inThread = () => h.slack.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === alert?.ts);
    await until(async () => inThread().length > 0);
    expect(inThread().map((c) => c.args.text)).toEqual(['<@UUSER> muted alerts about opt-outs for the rest of today.']);
    expect(inThread()[0]?.args.channel).toBe('CMKT');
    const before = h.slack.callsTo('views.publish').length;
    await h.event({ type: 'app_home_opened', user: 'UADMIN', channel: 'D1', tab: 'home', event_ts: '1.3' });
    const text = await latestHome(before);
    expect(text).toContain('Muted for today: Opt-outs.');
    expect(text).toContain('Open: Opt-outs are');
  });

  it('mutes nothing for a button of another day', async () => {
    h.clock.set('2026-12-01T09:00:00Z');
    const { click } = await clickOnAlert(ALERT_ACTIONS.mute);
    const [answer] = await h.slack.waitForPosts(click.id);
    expect(String(answer?.body.text)).toContain('That alert was about 2026-11-30');
    expect([...(await h.deps.alerts.mutedOn('T1', '2026-12-01'))]).toEqual([]);
    h.clock.set('2026-11-30T10:10:00Z');
  });

  it('pauses when its channel is archived, and tells whoever set the alerts up', async () => {
    const dms = h.slack.messagesIn('DUADMIN').length;
    await h.event({ type: 'channel_archive', channel: 'CMKT', user: 'UUSER' });
    await until(async () => Boolean((await h.deps.alerts.settings('T1'))?.paused));
    expect((await h.deps.alerts.settings('T1'))?.paused?.reason).toBe('is_archived');
    await until(async () => h.slack.messagesIn('DUADMIN').length >= dms + 2);
    const notices = h.slack
      .messagesIn('DUADMIN')
      .slice(dms)
      .map((m) => m.text);
    expect(notices).toContainEqual(expect.stringMatching(/^Same-day alerts are paused: <#CMKT> was archived/));
    const before = h.slack.callsTo('views.publish').length;
    await h.event({ type: 'app_home_opened', user: 'UADMIN', channel: 'D1', tab: 'home', event_ts: '1.4' });
    expect(await latestHome(before)).toContain('Alerts are paused');
  });

  it('forgets the settings, the state, the mutes and the claim when the app is uninstalled', async () => {
    const claim = h.deps.alerts.claimKey('T1');
    expect(await h.deps.store.claims.claim(claim, 'an instance that died', 3_600_000)).toBe(true);
    await h.event({ type: 'app_uninstalled' });
    await until(async () => (await h.deps.alerts.settings('T1')) === undefined);
    expect(await h.deps.alerts.settings('T1')).toBeUndefined();
    expect(await h.deps.alerts.state('T1')).toBeUndefined();
    expect([...(await h.deps.alerts.mutedOn('T1', '2026-11-30'))]).toEqual([]);
    expect(await h.deps.alerts.enrolled()).not.toContain('T1');
    expect(await h.deps.store.claims.claim(claim, 'a new install', 60_000)).toBe(true);
  });
});
