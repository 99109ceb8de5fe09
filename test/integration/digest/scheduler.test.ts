import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DigestRunner } from '../../../src/digest/digest-runner.js';
import { sendDigestNow } from '../../../src/digest/run-digest.js';
import type { DigestSchedule } from '../../../src/store/digest-schedules.js';
import { aDigestSchedule } from '../../support/digest-schedule.js';
import { recordingLogger } from '../../support/quiet-logger.js';
import { type AppHarness, slackAppHarness } from '../../support/slack-app-harness.js';

let h: AppHarness;
const used: string[] = [];

beforeAll(async () => {
  h = await slackAppHarness({
    env: { TELLODY_USERNAME: 'demo', TELLODY_PASSWORD: 'demo' },
    channels: {
      CPUB: { name: 'public-left', is_member: false },
      CARCH: { name: 'old', is_member: true },
      CPRIV: { name: 'secret', is_private: true, is_member: false },
    },
  });
});
afterAll(() => h.close());
afterEach(async () => {
  for (const id of used.splice(0)) await h.deps.digests.forget(id);
  h.sandbox.faults.errorRate = 0;
});

/** A workspace with a digest on Mondays at 09:00 (Athens, the default zone) in `channel`, set up a while ago. */
async function digestFor(workspace: string, channel: string, overrides: Partial<DigestSchedule> = {}) {
  used.push(workspace);
  await h.deps.digests.setSchedule(workspace, aDigestSchedule(channel, { teamId: workspace, ...overrides }));
}

function runner(logger = recordingLogger()) {
  return new DigestRunner({ ...h.deps.jobs.digest, logger: logger });
}

/** Monday 30 November 2026 in Athens (EET, UTC+2), at a local time. */
const monday = (local: string) => `2026-11-30T${local}:00+02:00`;

describe('the weekly digest, on time and exactly once', () => {
  it('posts at the time and not before, once, whatever the number of ticks and instances', async () => {
    await digestFor('TON', 'CON');
    h.clock.set(monday('08:59'));
    await runner().tick();
    expect(h.slack.messagesIn('CON')).toHaveLength(0);

    h.clock.set(monday('09:00'));
    await Promise.all([runner().tick(), runner().tick(), runner().tick()]);
    h.clock.set(monday('09:01'));
    await runner().tick();
    const posted = h.slack.messagesIn('CON');
    expect(posted).toHaveLength(1);
    expect(posted[0]?.text).toMatch(/^Weekly digest: .*new contacts.*Last week · Mon 23 – Sun 29 Nov 2026/);
    const record = await h.deps.digests.week('TON', '2026-11-23');
    expect(record).toMatchObject({ state: 'posted', channelId: 'CON', ts: posted[0]?.ts });
    expect(record?.permalink).toMatch(/^https:\/\/acme\.slack\.com\/archives\/CON\/p/);
  });

  it('posts a time the clocks skip at the first minute after the gap, and a time that happens twice once', async () => {
    await digestFor('TGAP', 'CGAP', { day: 0, time: '03:30', activeSince: Date.parse('2026-03-01T00:00:00Z') });
    h.clock.set('2026-03-29T00:59:00Z'); // 02:59 EET; the clocks then jump from 03:00 to 04:00 EEST
    await runner().tick();
    expect(h.slack.messagesIn('CGAP')).toHaveLength(0);
    h.clock.set('2026-03-29T01:00:00Z'); // 04:00 EEST
    await runner().tick();
    expect(h.slack.messagesIn('CGAP')).toHaveLength(1);

    await digestFor('TTWICE', 'CTWICE', { day: 0, time: '03:30', activeSince: Date.parse('2026-10-01T00:00:00Z') });
    h.clock.set('2026-10-25T00:30:00Z'); // the first 03:30 (EEST)
    await runner().tick();
    h.clock.set('2026-10-25T01:30:00Z'); // the second 03:30 (EET)
    await runner().tick();
    expect(h.slack.messagesIn('CTWICE')).toHaveLength(1);
  });

  it('is the /contacts last week view with a digest intro and a link into the app, and no Share button', async () => {
    await digestFor('TVIEW', 'CVIEW');
    h.clock.set(monday('09:00'));
    await runner().tick();
    const [message] = h.slack.messagesIn('CVIEW');
    const blocks = JSON.stringify(message?.blocks);
    expect(blocks).toContain('"block_id":"digest_intro"');
    expect(blocks).toContain('Weekly digest');
    expect(blocks).toContain('Mondays at 09:00 EET');
    expect(blocks).toContain('slack://app?team=TVIEW&id=A1&tab=home');
    expect(blocks).toContain('"block_id":"report_chart');
    expect(blocks).toContain('contacts_previous');
    expect(blocks).not.toContain('contacts_share');
  });

  it('catches up after the app was down at the time, within 24 hours', async () => {
    await digestFor('TCATCH', 'CCATCH');
    h.clock.set(monday('08:00'));
    await runner().tick();
    h.clock.set(monday('15:30')); // down from 08:00 to 15:30
    await runner().tick();
    expect(h.slack.messagesIn('CCATCH')).toHaveLength(1);
    expect(h.slack.messagesIn('CCATCH')[0]?.text).toContain('Mon 23 – Sun 29 Nov 2026');
  });

  it('records the week as missed after 24 hours, posts nothing, and Send now still can', async () => {
    await digestFor('TMISS', 'CMISS');
    h.clock.set('2026-12-01T09:00:00+02:00'); // Tuesday, 24 hours late
    await runner().tick();
    expect(h.slack.messagesIn('CMISS')).toHaveLength(0);
    expect(await h.deps.digests.week('TMISS', '2026-11-23')).toMatchObject({ state: 'missed' });
    await runner().tick();
    expect(h.slack.messagesIn('CMISS')).toHaveLength(0);
    expect(await sendDigestNow(h.deps.jobs.digest, 'TMISS')).toEqual({ outcome: 'posted' });
    expect(h.slack.messagesIn('CMISS')).toHaveLength(1);
    expect(h.slack.messagesIn('CMISS')[0]?.text).toContain('Mon 23 – Sun 29 Nov 2026');
  });

  it('waits for Tellody with backoff while it is down, then posts once, late; never a blank report', async () => {
    await digestFor('TOUT', 'COUT');
    h.sandbox.faults.errorRate = 1;
    h.clock.set(monday('09:00'));
    await runner().tick();
    expect(h.slack.messagesIn('COUT')).toHaveLength(0);
    const waiting = await h.deps.digests.week('TOUT', '2026-11-23');
    expect(waiting).toMatchObject({
      state: 'waiting',
      failingSince: Date.parse(monday('09:00')),
      nextAttemptAt: Date.parse(monday('09:05')),
      problem: { kind: 'tellody-unavailable' },
    });
    h.clock.set(monday('09:03'));
    const before = h.sandbox.calls.get('/CampaignCloud/Report/ContactChart') ?? 0;
    await runner().tick();
    expect(h.sandbox.calls.get('/CampaignCloud/Report/ContactChart') ?? 0).toBe(before); // not yet
    h.clock.set(monday('09:05'));
    await runner().tick();
    expect(await h.deps.digests.week('TOUT', '2026-11-23')).toMatchObject({
      attempts: 2,
      nextAttemptAt: Date.parse(monday('09:20')),
    });
    h.sandbox.faults.errorRate = 0;
    h.clock.set(monday('09:20'));
    await runner().tick();
    h.clock.set(monday('10:20'));
    await runner().tick();
    expect(h.slack.messagesIn('COUT')).toHaveLength(1);
    expect(await h.deps.digests.week('TOUT', '2026-11-23')).toMatchObject({
      state: 'posted',
      failingSince: Date.parse(monday('09:00')),
    });
  });

  it('gives up 24 hours after the time if Tellody stays down, and says why it was missed', async () => {
    await digestFor('TDOWN', 'CDOWN');
    h.sandbox.faults.errorRate = 1;
    h.clock.set(monday('09:00'));
    await runner().tick();
    h.clock.set('2026-12-01T09:00:00+02:00');
    await runner().tick();
    expect(await h.deps.digests.week('TDOWN', '2026-11-23')).toMatchObject({
      state: 'missed',
      failingSince: Date.parse(monday('09:00')),
      problem: { kind: 'tellody-unavailable' },
    });
    expect(h.slack.messagesIn('CDOWN')).toHaveLength(0);
  });

  it('pauses when the channel was archived, tells whoever set it up, and never retries by itself', async () => {
    await digestFor('TARCH', 'CARCH');
    (h.slack.channels.CARCH as { is_archived?: boolean }).is_archived = true;
    h.clock.set(monday('09:00'));
    const logger = recordingLogger();
    await runner(logger).tick();
    expect(h.slack.messagesIn('CARCH')).toHaveLength(0);
    expect((await h.deps.digests.schedule('TARCH'))?.paused).toMatchObject({ reason: 'is_archived' });
    const dm = h.slack.messagesIn('DUADMIN').at(-1);
    expect(dm?.text).toMatch(/weekly digest is paused: <#CARCH> was archived/);
    expect(JSON.stringify(dm?.blocks)).toContain('contacts_digest_settings');
    const postsTried = h.slack.callsTo('chat.postMessage').length;
    for (const local of ['09:05', '10:00', '20:00']) {
      h.clock.set(monday(local));
      await runner().tick();
    }
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(postsTried);
    expect(logger.lines.join('\n')).toContain('paused, is_archived');
  });

  it('joins a public channel it is not in, then posts', async () => {
    await digestFor('TJOIN', 'CPUB');
    h.clock.set(monday('09:00'));
    await runner().tick();
    expect(h.slack.callsTo('conversations.join').map((c) => c.args.channel)).toContain('CPUB');
    expect(h.slack.messagesIn('CPUB')).toHaveLength(1);
  });

  it('pauses for a private channel it is not in (it cannot join one)', async () => {
    await digestFor('TPRIV', 'CPRIV');
    h.clock.set(monday('09:00'));
    await runner().tick();
    expect(h.slack.messagesIn('CPRIV')).toHaveLength(0);
    expect((await h.deps.digests.schedule('TPRIV'))?.paused?.reason).toBe('channel_not_found');
  });

  it('honours Slack’s Retry-After, still posting once (a 5xx is not retried: see uncertain-posts.test.ts)', async () => {
    await digestFor('TRATE', 'CRATE');
    h.slack.failNext('chat.postMessage', { status: 429, retryAfter: 1 }, { status: 429, retryAfter: 1 });
    h.clock.set(monday('09:00'));
    await runner().tick();
    expect(h.slack.messagesIn('CRATE')).toHaveLength(1);
    expect(await h.deps.digests.week('TRATE', '2026-11-23')).toMatchObject({ state: 'posted' });
  });

  it('stops on a refused Tellody login, tells the admins, and does not retry', async () => {
    await digestFor('TLOGIN', 'CLOGIN');
    used.push('TLOGIN');
    await h.deps.credentials.set('TLOGIN', { username: 'demo', password: 'wrong' }, 0);
    h.clock.set(monday('09:00'));
    await runner().tick();
    expect(await h.deps.digests.week('TLOGIN', '2026-11-23')).toMatchObject({
      state: 'stopped',
      problem: { kind: 'tellody-credentials' },
    });
    expect(h.slack.messagesIn('DUADMIN').at(-1)?.text).toMatch(/Tellody refused the saved login/);
    const logins = h.sandbox.calls.get('/CampaignCloud/Login') ?? 0;
    h.clock.set(monday('10:00'));
    await runner().tick();
    expect(h.sandbox.calls.get('/CampaignCloud/Login') ?? 0).toBe(logins);
    expect(h.slack.messagesIn('CLOGIN')).toHaveLength(0);
    await h.deps.credentials.delete('TLOGIN');
  });

  it('keeps going for every other workspace when one fails', async () => {
    await digestFor('TGOOD1', 'CGOOD1');
    await digestFor('TBAD', 'CARCH2');
    await digestFor('TGOOD2', 'CGOOD2');
    h.slack.channels.CARCH2 = 'missing';
    h.clock.set(monday('09:00'));
    const results = await runner().tick();
    expect(Object.fromEntries(results.map((r) => [r.workspace, r.result.outcome]))).toMatchObject({
      TGOOD1: 'posted',
      TBAD: 'paused',
      TGOOD2: 'posted',
    });
  });
});
