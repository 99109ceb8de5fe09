import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AlertRunner } from '../../../src/alerts/alert-runner.js';
import { DigestRunner } from '../../../src/digest/digest-runner.js';
import { sendDigestNow } from '../../../src/digest/run-digest.js';
import { SLACK_RETRIES, SlackClientPool } from '../../../src/slack/slack-client-pool.js';
import type { Episode } from '../../../src/store/alert-settings.js';
import { parseSpike } from '../../../src/tellody/sandbox/anomalies.js';
import { DIGEST_ACTIONS } from '../../../src/views/ids.js';
import { someAlertSettings } from '../../support/alert-settings.js';
import { aDigestSchedule } from '../../support/digest-schedule.js';
import { homeOf } from '../../support/home-tab.js';
import { recordingLogger } from '../../support/quiet-logger.js';
import { type AppHarness, slackAppHarness } from '../../support/slack-app-harness.js';
import type { StandInFailure } from '../../support/slack-standin.js';

let h: AppHarness;
const used: string[] = [];

beforeAll(async () => {
  h = await slackAppHarness({ env: { TELLODY_USERNAME: 'demo', TELLODY_PASSWORD: 'demo' } });
});
afterAll(() => h.close());
afterEach(async () => {
  for (const id of used.splice(0)) {
    await h.deps.digests.forget(id);
    await h.deps.alerts.forget(id);
  }
  h.sandbox.faults.anomalies.splice(0);
});

/** Monday 30 November 2026 in Athens (EET, UTC+2), at a local time. */
const monday = (local: string) => `2026-11-30T${local}:00+02:00`;
const WEEK = '2026-11-23';

async function digestFor(workspace: string, channel: string) {
  used.push(workspace);
  await h.deps.digests.setSchedule(workspace, aDigestSchedule(channel, { teamId: workspace }));
}

async function tickAt(local: string, deps = h.deps.jobs.digest) {
  h.clock.set(monday(local));
  return new DigestRunner(deps).tick();
}

const postsTriedIn = (channel: string) =>
  h.slack.callsTo('chat.postMessage').filter((call) => call.args.channel === channel).length;

/** The admins were told by direct message that the week may not have gone out, with Send now. */
function expectAdminsToldMayNotHaveGoneOut(channel: string) {
  const dm = h.slack.messagesIn('DUADMIN').at(-1);
  expect(dm?.text).toMatch(
    new RegExp(`^The weekly digest for the week of ${WEEK} may not have gone out: .* Look in <#${channel}>`),
  );
  expect(JSON.stringify(dm?.blocks)).toContain(DIGEST_ACTIONS.sendNow);
}

describe('a digest post whose fate is unknown', () => {
  it.each<[string, StandInFailure, number]>([
    ['Slack took it, then answered 500', { status: 500, afterDoing: true }, 1],
    ['Slack answered 503', { status: 503 }, 0],
    [
      'Slack answered internal_error (“some aspect of the operation may have succeeded”)',
      { error: 'internal_error' },
      0,
    ],
  ])(
    '%s: it is sent once, never again by itself, and the admins are told to look',
    async (_case, failure, inChannel) => {
      const [team, channel] = [
        `TUNSURE${inChannel}${failure.status ?? 0}`,
        `CUNSURE${inChannel}${failure.status ?? 0}`,
      ];
      await digestFor(team, channel);
      h.slack.failNext('chat.postMessage', failure);
      const [result] = await tickAt('09:00');
      expect(result?.result.outcome).toBe('uncertain');
      for (const local of ['09:05', '09:20', '10:20', '20:00']) await tickAt(local);
      expect(postsTriedIn(channel)).toBe(1);
      expect(h.slack.messagesIn(channel)).toHaveLength(inChannel);
      expect(await h.deps.digests.week(team, WEEK)).toMatchObject({
        state: 'uncertain',
        channelId: channel,
        problem: { kind: 'slack-unconfirmed' },
        sentAt: Date.parse(monday('09:00')),
      });
      expectAdminsToldMayNotHaveGoneOut(channel);
      const home = await homeOf(h, team);
      expect(home).toContain(`may not have gone out: Slack never confirmed the post`);
      expect(home).toContain(`look in <#${channel}>, and if it is not there, use *Send now*`);
      expect(home).toContain(DIGEST_ACTIONS.sendNow);
    },
  );

  it('a post Slack takes but is too slow to confirm is not sent again when the client gives up waiting', async () => {
    await digestFor('TSLOW', 'CSLOW');
    // A client that waits 300 ms per request (production: 30 s), retrying as production does.
    const pool = new SlackClientPool({
      slackApiUrl: h.slack.apiUrl,
      retry: SLACK_RETRIES.fast.jobs,
      fetch: h.deps.fetch,
      timeoutMs: 300,
      logger: recordingLogger(),
    });
    const deps = { ...h.deps.jobs.digest, slack: async () => pool.clientFor('xoxb-test-token') };
    h.slack.holdPostsIn('CSLOW', 1500);
    try {
      const [result] = await tickAt('09:00', deps);
      expect(result?.result.outcome).toBe('uncertain');
      await tickAt('09:10', deps);
    } finally {
      h.slack.holdPostsIn('CSLOW', undefined);
    }
    expect(postsTriedIn('CSLOW')).toBe(1);
    expect(h.slack.messagesIn('CSLOW')).toHaveLength(1);
    expect(await h.deps.digests.week('TSLOW', WEEK)).toMatchObject({
      state: 'uncertain',
      problem: { kind: 'slack-unconfirmed' },
    });
  });

  it('after an instance died mid-post, the next to claim the week never posts it again and tells the admins', async () => {
    await digestFor('TDEAD', 'CDEAD');
    // What the dead instance left: the week on its way to Slack, and a claim that has since lapsed.
    const sentAt = Date.parse(monday('09:00'));
    await h.deps.digests.setWeek('TDEAD', {
      week: WEEK,
      occurrence: sentAt,
      state: 'posting',
      attempts: 1,
      updatedAt: sentAt,
      channelId: 'CDEAD',
      sentAt,
    });
    const [result] = await tickAt('09:21');
    expect(result?.result.outcome).toBe('uncertain');
    for (const local of ['09:30', '12:00']) await tickAt(local);
    expect(postsTriedIn('CDEAD')).toBe(0);
    expect(await h.deps.digests.week('TDEAD', WEEK)).toMatchObject({
      state: 'uncertain',
      attempts: 1,
      sentAt,
      problem: { kind: 'interrupted' },
    });
    expectAdminsToldMayNotHaveGoneOut('CDEAD');
    expect(await homeOf(h, 'TDEAD')).toContain(
      'may not have gone out: The app stopped while Slack was taking the post.',
    );
  });

  it('Send now posts a week that may not have gone out, and the week is then posted', async () => {
    await digestFor('TAGAIN', 'CAGAIN');
    h.slack.failNext('chat.postMessage', { error: 'internal_error' });
    await tickAt('09:00');
    h.clock.set(monday('09:30'));
    expect(await sendDigestNow(h.deps.jobs.digest, 'TAGAIN')).toEqual({ outcome: 'posted' });
    expect(h.slack.messagesIn('CAGAIN')).toHaveLength(1);
    expect(await h.deps.digests.week('TAGAIN', WEEK)).toMatchObject({ state: 'posted', channelId: 'CAGAIN' });
  });

  it('a Send now that Slack refuses leaves the week as it was', async () => {
    await digestFor('TKEEP', 'CKEEP');
    h.slack.failNext('chat.postMessage', { error: 'internal_error' });
    await tickAt('09:00');
    const before = await h.deps.digests.week('TKEEP', WEEK);
    h.slack.failNext('chat.postMessage', { error: 'ratelimited' });
    h.clock.set(monday('09:30'));
    const sent = await sendDigestNow(h.deps.jobs.digest, 'TKEEP');
    expect(sent).toMatchObject({ outcome: 'retry-later', problem: { kind: 'slack-error', detail: 'ratelimited' } });
    expect(await h.deps.digests.week('TKEEP', WEEK)).toEqual(before);
  });

  it('a Send now Slack refuses in a week with nothing on record leaves nothing on record', async () => {
    await digestFor('TNONE', 'CNONE');
    h.slack.failNext('chat.postMessage', { error: 'ratelimited' });
    h.clock.set(monday('08:00'));
    await sendDigestNow(h.deps.jobs.digest, 'TNONE');
    expect(await h.deps.digests.week('TNONE', WEEK)).toBeUndefined();
    expect(await h.deps.digests.latestWeek('TNONE')).toBeUndefined();
    await tickAt('09:00');
    expect(h.slack.messagesIn('CNONE')).toHaveLength(1);
  });
});

describe('a same-day alert whose fate is unknown', () => {
  const OPT_OUT_SPIKE = `contactsBlocked:4x:from=${monday('09:00')}`;

  async function alertsFor(workspace: string, channel: string) {
    used.push(workspace);
    await h.deps.alerts.setSettings(workspace, someAlertSettings(channel, { teamId: workspace }));
  }

  async function checkAt(local: string) {
    h.clock.set(monday(local));
    return new AlertRunner(h.deps.jobs.alerts).tick();
  }

  it('after its check died mid-post, is never posted again that day, closes without a reply, and Home says so', async () => {
    await alertsFor('TADEAD', 'CADEAD');
    h.sandbox.faults.anomalies.push(parseSpike(OPT_OUT_SPIKE));
    const openedAt = Date.parse(monday('11:05'));
    const episode: Episode = {
      measure: 'contactsBlocked',
      openedAt,
      hour: 11,
      channelId: 'CADEAD',
      ts: '',
      summary: 'Opt-outs are 4.0× a usual Monday by 11:00',
    };
    await h.deps.alerts.setState('TADEAD', {
      day: '2026-11-30',
      checkedSlot: Math.floor(openedAt / (15 * 60_000)),
      checkedAt: openedAt,
      episodes: {},
      posting: { kind: 'alert', at: openedAt, episode },
    });
    await checkAt('12:10');
    await checkAt('12:25');
    expect(postsTriedIn('CADEAD')).toBe(0);
    expect((await h.deps.alerts.state('TADEAD'))?.episodes.contactsBlocked).toMatchObject({ uncertain: true, ts: '' });
    const home = await homeOf(h, 'TADEAD');
    expect(home).toContain('Open: Opt-outs are 4.0× a usual Monday by 11:00');
    expect(home).toContain('it may not have gone out (Slack never confirmed it), and it is not sent again');
    h.sandbox.faults.anomalies.splice(0);
    await checkAt('13:10');
    expect(postsTriedIn('CADEAD')).toBe(0); // no “back to normal” into a thread nobody knows
    expect((await h.deps.alerts.state('TADEAD'))?.episodes.contactsBlocked).toMatchObject({ closedHour: 13 });
  });

  it('that Slack took and then answered 500 is not posted again at the next checks', async () => {
    await alertsFor('TA500', 'CA500');
    h.sandbox.faults.anomalies.push(parseSpike(OPT_OUT_SPIKE));
    h.slack.failNext('chat.postMessage', { status: 500, afterDoing: true });
    const [first] = await checkAt('12:10');
    expect(first?.result.outcome).toBe('uncertain');
    await checkAt('12:25');
    await checkAt('12:40');
    expect(postsTriedIn('CA500')).toBe(1);
    expect(h.slack.messagesIn('CA500')).toHaveLength(1);
    expect((await h.deps.alerts.state('TA500'))?.posting).toBeUndefined();
  });
});
