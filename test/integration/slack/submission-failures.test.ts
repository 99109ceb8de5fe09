import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CALLBACKS } from '../../../src/views/ids.js';
import { expectLogged } from '../../support/log-lines.js';
import { startRedis } from '../../support/redis-server.js';
import { type AppHarness, settingsValues, slackAppHarness } from '../../support/slack-app-harness.js';
import { linesOf } from '../../support/view-text.js';

/** Slack gives up on an answer after 3 s: an answer not in by then has failed. */
const SLACK_DEADLINE = { deadlineMs: 3000 };
const MAYBE_SAVED =
  'Something went wrong on our side while saving: part of it may have been saved. Please open the settings again to check.';

describe('a settings submission whose save fails half-way', () => {
  it('tells the person part of it may have been saved, logs why, and keeps the settings stored before', async () => {
    const redis = await startRedis();
    const logs: string[] = [];
    const app = await slackAppHarness({ env: { STORE_URL: redis.url }, logSink: (line) => logs.push(line) });
    try {
      const first = await app.submit(settingsValues({ weekStart: 1, zone: 'Europe/Athens' }), {}, CALLBACKS.settings);
      expect(first).toEqual({ status: 200, text: '' });
      // Redis full: it still reads, but refuses every write.
      expect(await redis.cli('CONFIG', 'SET', 'maxmemory', '1')).toBe('OK');
      const values = settingsValues({ weekStart: 0, zone: 'America/New_York' });
      const result = await app.submit(values, {}, CALLBACKS.settings, SLACK_DEADLINE);
      expect(result.status).toBe(200);
      expect(JSON.parse(result.text)).toEqual({
        response_action: 'errors',
        errors: { settings_week_start: MAYBE_SAVED },
      });
      await expectLogged(logs, 'settings submission (saving) failed: ');
      await redis.cli('CONFIG', 'SET', 'maxmemory', '0');
      expect(await app.deps.settings.get('T1')).toMatchObject({ weekStart: 1, zone: 'Europe/Athens' });
    } finally {
      await app.close().catch(() => {});
      await redis.stop();
    }
  });
});

describe('a settings submission whose checks outlast Slack’s answer', () => {
  let h: AppHarness;
  const logs: string[] = [];
  beforeAll(async () => {
    // The checks get 300 ms before Slack is answered "checking…"; users.info then takes longer than that.
    h = await slackAppHarness({ deadlines: { submissionMs: 300 }, logSink: (line) => logs.push(line) });
  });
  afterEach(() => {
    h.slack.slowDown('users.info', 0);
    logs.length = 0;
  });
  afterAll(() => h.close());

  /** Settings `fields` submitted by `who`, with Slack's 3 s to answer. */
  const submitSettings = (who: { team: string; user?: string }, fields: Parameters<typeof settingsValues>[0]) =>
    h.submit(settingsValues(fields), who, CALLBACKS.settings, SLACK_DEADLINE);

  it('turns the modal into the refusal, in words, when someone who may not change settings submits', async () => {
    h.slack.slowDown('users.info', 900);
    const before = h.slack.callsTo('views.update').length;
    const result = await submitSettings({ user: 'UUSER', team: 'T7' }, { zone: 'Europe/Berlin' });
    expect(JSON.parse(result.text)).toMatchObject({ response_action: 'update' });
    expect(linesOf(JSON.parse(result.text).view)).toEqual(['Checking the Tellody login…']);
    const [update] = (await h.slack.waitForCalls('views.update', before + 1)).slice(-1);
    const view = update?.args.view as { title: { text: string }; blocks: unknown[] };
    expect(update?.args.view_id).toBe('V1');
    expect(view.title.text).toBe('Contacts settings');
    expect(linesOf(view)).toEqual([
      ':warning: Only workspace admins and owners, and whoever installed Contacts, can change settings.',
    ]);
    expect(await h.deps.settings.get('T7')).toBeUndefined();
  });

  it('still saves and shows Home when the modal can no longer be told (closed meanwhile), and logs that', async () => {
    h.slack.slowDown('users.info', 900);
    h.slack.failNext('views.update', { error: 'not_found' });
    const published = h.slack.callsTo('views.publish').length;
    const result = await submitSettings({ team: 'T8' }, { weekStart: 0, zone: 'Europe/Berlin' });
    expect(JSON.parse(result.text)).toMatchObject({ response_action: 'update' });
    const [home] = (await h.slack.waitForCalls('views.publish', published + 1)).slice(-1);
    expect(home?.args.user_id).toBe('UADMIN');
    expect(await h.deps.settings.get('T8')).toMatchObject({ weekStart: 0, zone: 'Europe/Berlin' });
    await expectLogged(logs, 'settings submission (telling the person) failed: ');
  });

  it('keeps what was saved, and logs it, when the Home tab cannot be published afterwards', async () => {
    h.slack.failNext('views.publish', { error: 'internal_error' });
    const published = h.slack.callsTo('views.publish').length;
    const result = await submitSettings({ team: 'T9' }, { weekStart: 3, zone: 'Asia/Tokyo' });
    expect(result.status).toBe(200);
    await h.slack.waitForCalls('views.publish', published + 1);
    await expectLogged(logs, 'settings submission (afterwards) failed: ');
    expect(await h.deps.settings.get('T9')).toMatchObject({ weekStart: 3, zone: 'Asia/Tokyo' });
  });
});
