import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AlertRunner } from '../../../src/alerts/alert-runner.js';
import type { AlertSettings } from '../../../src/store/alert-settings.js';
import { parseOutage, parseSpike } from '../../../src/tellody/sandbox/anomalies.js';
import { someAlertSettings } from '../../support/alert-settings.js';
import { recordingLogger } from '../../support/quiet-logger.js';
import { type AppHarness, slackAppHarness } from '../../support/slack-app-harness.js';

let h: AppHarness;
const used: string[] = [];

beforeAll(async () => {
  h = await slackAppHarness({
    env: { TELLODY_USERNAME: 'demo', TELLODY_PASSWORD: 'demo' },
    channels: { CAARCH: { name: 'alerts-old', is_member: true } },
  });
});
afterAll(() => h.close());
afterEach(async () => {
  for (const id of used.splice(0)) await h.deps.alerts.forget(id);
  h.sandbox.faults.anomalies.splice(0);
  h.sandbox.faults.errorRate = 0;
});

/** Monday 30 November 2026 in Athens (EET, UTC+2), at a local time; an ordinary Monday for the demo account. */
const monday = (local: string) => `2026-11-30T${local}:00+02:00`;
const OPT_OUT_SPIKE = `contactsBlocked:4x:from=${monday('09:00')}`;
const SIGN_UPS_STOP = `contactsAdded:from=${monday('09:00')}`;
const CHART_CALLS = '/CampaignCloud/Report/ContactChart';

async function alertsFor(workspace: string, channel: string, overrides: Partial<AlertSettings> = {}) {
  used.push(workspace);
  await h.deps.alerts.setSettings(workspace, someAlertSettings(channel, { teamId: workspace, ...overrides }));
}

async function checkAt(local: string, logger = recordingLogger()) {
  h.clock.set(monday(local));
  return new AlertRunner({ ...h.deps.jobs.alerts, logger: logger }).tick();
}

const chartCalls = () => h.sandbox.calls.get(CHART_CALLS) ?? 0;
const postsIn = (channel: string) => h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);

describe('same-day alerts, checked by the scheduler', () => {
  it('posts one alert for an opt-out spike, then “back to normal” in its thread when it settles', async () => {
    await alertsFor('TSPIKE', 'CSPIKE');
    h.sandbox.faults.anomalies.push(parseSpike(OPT_OUT_SPIKE));
    await checkAt('12:10');
    const [alert] = h.slack.messagesIn('CSPIKE');
    expect(h.slack.messagesIn('CSPIKE')).toHaveLength(1);
    expect(alert?.text).toMatch(/^Opt-outs are \d+\.\d× a usual Monday by 12:00: \d+ against about \d+$/);
    const blocks = JSON.stringify(alert?.blocks);
    expect(blocks).toContain('"block_id":"alert_chart"');
    expect(blocks).toContain('contacts_alerts_today');
    expect(blocks).toContain('"value":"2026-11-30|contactsBlocked"');

    await checkAt('12:25');
    await checkAt('12:40');
    expect(h.slack.messagesIn('CSPIKE')).toHaveLength(1); // the same episode: no second alert

    h.sandbox.faults.anomalies.splice(0); // the campaign's effect is gone from the numbers
    await checkAt('13:10');
    const posts = postsIn('CSPIKE');
    expect(posts).toHaveLength(2);
    expect(posts[1]?.args.thread_ts).toBe(alert?.ts);
    expect(String(posts[1]?.args.text)).toMatch(/^Back to normal at 13:00: \d+ opt-outs so far, against about \d+/);
    await checkAt('13:25');
    expect(postsIn('CSPIKE')).toHaveLength(2);
    const state = await h.deps.alerts.state('TSPIKE');
    expect(state?.episodes.contactsBlocked).toMatchObject({ ts: alert?.ts, closedHour: 13 });
    expect(state?.last?.permalink).toMatch(/^https:\/\/acme\.slack\.com\/archives\/CSPIKE\/p/);
  });

  it('says when new contacts stopped at the first check after an hour with none, with what those hours usually bring', async () => {
    await alertsFor('TSTOP', 'CSTOP');
    h.sandbox.faults.anomalies.push(parseOutage(SIGN_UPS_STOP));
    await checkAt('10:10');
    await checkAt('11:10');
    await checkAt('12:10');
    const alerts = h.slack.messagesIn('CSTOP');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.text).toMatch(
      /^No new contacts since 09:00; a usual Monday has about \d+ between 09:00 and 10:00$/,
    );
  });

  it('says in the stop’s thread when new contacts come in again, though the day’s total is still low', async () => {
    await alertsFor('TRESUME', 'CRESUME');
    h.sandbox.faults.anomalies.push(parseOutage(`${SIGN_UPS_STOP}:to=${monday('11:00')}`));
    await checkAt('10:10');
    const [alert] = h.slack.messagesIn('CRESUME');
    expect(alert?.text).toMatch(/^No new contacts since 09:00/);
    await checkAt('11:10'); // 10:00–11:00 was empty too: the same stop
    expect(postsIn('CRESUME')).toHaveLength(1);
    await checkAt('12:10'); // some came in between 11:00 and 12:00
    const posts = postsIn('CRESUME');
    expect(posts).toHaveLength(2);
    expect(posts[1]?.args.thread_ts).toBe(alert?.ts);
    expect(String(posts[1]?.args.text)).toMatch(
      /^New contacts are coming in again by 12:00: \d+ new contacts so far, against about \d+ on a usual Monday\.$/,
    );
    const state = await h.deps.alerts.state('TRESUME');
    expect(state?.episodes.contactsAdded).toMatchObject({ stoppedSince: 9, closedHour: 12 });
  });

  it('costs one Tellody call a check once the eight earlier Mondays are in the cache', async () => {
    await alertsFor('TCOST', 'CCOST');
    let before = chartCalls();
    await checkAt('10:10');
    expect(chartCalls() - before).toBe(9);
    for (const local of ['10:25', '10:40', '10:55', '11:10']) {
      before = chartCalls();
      await checkAt(local);
      expect(chartCalls() - before, local).toBe(1);
    }
    expect(h.slack.messagesIn('CCOST')).toHaveLength(0); // an ordinary Monday
  });

  it('checks a workspace once in each quarter hour, however often the scheduler ticks', async () => {
    await alertsFor('TONCE', 'CONCE');
    await checkAt('10:05');
    const before = chartCalls();
    // Due again at once (as a settings save makes it): the slot on record, not the index, keeps it to one check.
    await h.deps.alerts.due.touch('TONCE');
    const results = await Promise.all([checkAt('10:06'), checkAt('10:07')]);
    expect(chartCalls()).toBe(before);
    const outcomes = results.flat().filter((r) => r.workspace === 'TONCE');
    expect(outcomes).toHaveLength(2);
    // Already checked in this slot, or being looked at by the other tick (it then finds it checked).
    for (const { result } of outcomes) expect(['checked-already', 'claimed-elsewhere']).toContain(result.outcome);
  });

  it('honours a mute for the rest of the day, for that measure only', async () => {
    await alertsFor('TMUTE', 'CMUTE');
    await h.deps.alerts.mute('TMUTE', '2026-11-30', 'contactsBlocked');
    h.sandbox.faults.anomalies.push(parseSpike(OPT_OUT_SPIKE), parseOutage(SIGN_UPS_STOP));
    await checkAt('13:10');
    const alerts = h.slack.messagesIn('CMUTE');
    expect(alerts.map((m) => m.text)).toEqual([expect.stringMatching(/^No new contacts since 09:00/)]);
    h.clock.set('2026-12-07T12:10:00+02:00'); // a week later, the spike still on: the mute was for one day
    await new AlertRunner(h.deps.jobs.alerts).tick();
    expect(h.slack.messagesIn('CMUTE').map((m) => m.text)).toContainEqual(expect.stringMatching(/^Opt-outs are/));
  });

  it('keeps quiet during quiet hours and alerts once they are over', async () => {
    await alertsFor('TQUIET', 'CQUIET', { quietHours: { from: '11:30', to: '13:00' } });
    h.sandbox.faults.anomalies.push(parseSpike(OPT_OUT_SPIKE));
    const before = chartCalls();
    await checkAt('12:10');
    await checkAt('12:55');
    expect(h.slack.messagesIn('CQUIET')).toHaveLength(0);
    expect(chartCalls()).toBe(before); // not even looked at
    await checkAt('13:10');
    expect(h.slack.messagesIn('CQUIET')).toHaveLength(1);
  });

  it('posts nothing while Tellody is down: no alert, and no false “back to normal”', async () => {
    await alertsFor('TDOWN', 'CDOWN');
    h.sandbox.faults.anomalies.push(parseSpike(OPT_OUT_SPIKE));
    await checkAt('12:10');
    expect(h.slack.messagesIn('CDOWN')).toHaveLength(1);
    h.sandbox.faults.anomalies.splice(0);
    h.sandbox.faults.errorRate = 1;
    const logger = recordingLogger();
    await checkAt('13:10', logger);
    await checkAt('13:25');
    expect(postsIn('CDOWN')).toHaveLength(1);
    expect((await h.deps.alerts.state('TDOWN'))?.problem).toMatchObject({
      kind: 'tellody-unavailable',
      since: Date.parse(monday('13:10')),
    });
    expect(logger.lines.join('\n')).toContain('alerts TDOWN: no check (tellody-unavailable');
    h.sandbox.faults.errorRate = 0;
    await checkAt('13:40');
    expect(postsIn('CDOWN').map((c) => String(c.args.text))).toEqual([
      expect.stringMatching(/^Opt-outs are/),
      expect.stringMatching(/^Back to normal at 13:00/),
    ]);
    expect((await h.deps.alerts.state('TDOWN'))?.problem).toBeUndefined();
  });

  it('stays quiet with too little history, and says so', async () => {
    await alertsFor('THIST', 'CHIST');
    // Nothing at all before three weeks ago: the account is new.
    for (const series of ['contactsAdded', 'groupsAdded', 'contactsServed', 'contactsBlocked'])
      h.sandbox.faults.anomalies.push(parseOutage(`${series}:from=2015-01-01T00:00:00Z:to=2026-11-09T00:00:00+02:00`));
    h.sandbox.faults.anomalies.push(parseSpike(OPT_OUT_SPIKE));
    await checkAt('12:10');
    expect(h.slack.messagesIn('CHIST')).toHaveLength(0);
    expect((await h.deps.alerts.state('THIST'))?.historyDays).toBe(3);
  });

  it('pauses when the channel was archived, tells whoever set the alerts up, and posts nothing more', async () => {
    await alertsFor('TARCH', 'CAARCH');
    (h.slack.channels.CAARCH as { is_archived?: boolean }).is_archived = true;
    h.sandbox.faults.anomalies.push(parseSpike(OPT_OUT_SPIKE));
    const results = await checkAt('12:10');
    expect(results.find((r) => r.workspace === 'TARCH')?.result.outcome).toBe('paused');
    expect((await h.deps.alerts.settings('TARCH'))?.paused).toMatchObject({ reason: 'is_archived' });
    const dm = h.slack.messagesIn('DUADMIN').at(-1);
    expect(dm?.text).toMatch(/^Same-day alerts are paused: <#CAARCH> was archived/);
    expect(JSON.stringify(dm?.blocks)).toContain('contacts_alerts_settings');
    const tried = h.slack.callsTo('chat.postMessage').length;
    await checkAt('12:25');
    await checkAt('13:10');
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(tried);
  });
});
