import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { createSlackApp, startSlackApp } from '../../src/slack/app.js';
import { buildDeps } from '../../src/slack/build-deps.js';
import type { SlackDeps } from '../../src/slack/deps.js';
import { startSandbox } from '../../src/tellody/sandbox/server.js';
import { manualClock } from './clock.js';
import { form, payload, postToSlackApp, type SignOptions } from './signed-request.js';
import { type StandInChannel, type StandInUser, startSlackStandIn } from './slack-standin.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const ENCRYPTION_KEY = '0f'.repeat(32);

export interface AppHarnessOptions {
  readonly env?: Record<string, string>;
  readonly users?: Record<string, StandInUser>;
  readonly oauth?: Record<string, unknown>;
  readonly now?: string;
  /** Socket Mode: where apps.connections.open sends the app. */
  readonly socketUrl?: string;
  /** Receives every log line the app writes (after redaction). */
  readonly logSink?: (line: string) => void;
  /** Channels the Slack stand-in knows (see startSlackStandIn). */
  readonly channels?: Record<string, StandInChannel | 'missing'>;
}

/** The whole app as Slack would meet it: Bolt over real HTTP, a SQLite file, the Tellody sandbox, the Slack stand-in. */
export async function slackAppHarness(options: AppHarnessOptions = {}) {
  const clock = manualClock(options.now ?? '2026-11-27T10:00:00Z');
  const sandbox = await startSandbox({
    now: clock.now,
    accounts: [
      { username: 'demo', password: 'demo', zone: 'Europe/Athens', seed: 1, creditsAvailable: 90, creditsSpent: 10 },
      { username: 'ny', password: 'ny-pass', zone: 'America/New_York', seed: 7, creditsAvailable: 5 },
    ],
  });
  const slack = await startSlackStandIn({
    users: options.users ?? { UADMIN: { tz: 'Europe/Athens', is_admin: true }, UUSER: { tz: 'Asia/Kolkata' } },
    ...(options.oauth ? { oauth: options.oauth } : {}),
    ...(options.socketUrl ? { socketUrl: options.socketUrl } : {}),
    ...(options.channels ? { channels: options.channels } : {}),
  });
  const dir = mkdtempSync(join(tmpdir(), 'contacts-app-'));
  const config = loadConfig({
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_API_URL: slack.apiUrl,
    TELLODY_BASE_URL: sandbox.baseUrl,
    STORE_URL: `sqlite://${join(dir, 'contacts.sqlite')}`,
    ENCRYPTION_KEY,
    QUICKCHART_HOST: 'https://quickchart.io',
    LOG_LEVEL: 'error',
    ...options.env,
  });
  // The digest's own Slack clients retry twice, quickly (a 429's Retry-After is still honoured).
  const deps: SlackDeps = buildDeps(config, { now: clock.now, slackRetries: 2 });
  const running = await startSlackApp(
    createSlackApp(deps, { retries: 0, ...(options.logSink ? { logSink: options.logSink } : {}) }),
    0,
  );
  const base = `http://127.0.0.1:${running.port}`;
  const events = `${base}/slack/events`;
  let counter = 0;
  const send = (body: string, contentType: string, sign: SignOptions = {}) =>
    postToSlackApp(events, SIGNING_SECRET, body, contentType, sign);
  return {
    clock,
    sandbox,
    slack,
    deps,
    base,
    events,
    send,
    /** `/contacts <text>` from a user of a team; returns the HTTP answer and the response_url id. */
    async command(text: string, who: { team?: string; user?: string } = {}, sign: SignOptions = {}) {
      const id = `cmd-${++counter}`;
      const body = form({
        command: '/contacts',
        text,
        team_id: who.team ?? 'T1',
        team_domain: 'acme',
        user_id: who.user ?? 'UUSER',
        user_name: 'pat',
        channel_id: 'C1',
        channel_name: 'marketing',
        response_url: slack.responseUrl(id),
        trigger_id: `trigger-${counter}`,
        api_app_id: 'A1',
        is_enterprise_install: 'false',
      });
      return { id, ...(await send(body, 'application/x-www-form-urlencoded', sign)) };
    },
    /** A block_actions click on one element, with its own response_url. */
    async click(
      action: Record<string, unknown>,
      who: { team?: string; user?: string; container?: Record<string, unknown> } = {},
    ) {
      const id = `act-${++counter}`;
      const body = payload({
        type: 'block_actions',
        team: { id: who.team ?? 'T1', domain: 'acme' },
        user: { id: who.user ?? 'UUSER', team_id: who.team ?? 'T1' },
        api_app_id: 'A1',
        trigger_id: `trigger-${counter}`,
        response_url: slack.responseUrl(id),
        container: who.container ?? { type: 'message', message_ts: '1.2', channel_id: 'C1', is_ephemeral: true },
        channel: { id: 'C1' },
        actions: [{ block_id: 'report_actions', action_ts: '1.3', ...action }],
      });
      return { id, ...(await send(body, 'application/x-www-form-urlencoded')) };
    },
    async submit(
      values: Record<string, unknown>,
      who: { team?: string; user?: string } = {},
      callbackId = 'contacts_settings',
    ) {
      const body = payload({
        type: 'view_submission',
        team: { id: who.team ?? 'T1', domain: 'acme' },
        user: { id: who.user ?? 'UADMIN', team_id: who.team ?? 'T1' },
        api_app_id: 'A1',
        view: {
          id: 'V1',
          type: 'modal',
          callback_id: callbackId,
          state: { values },
          hash: 'h',
          team_id: who.team ?? 'T1',
        },
      });
      return send(body, 'application/x-www-form-urlencoded');
    },
    async event(event: Record<string, unknown>, team = 'T1') {
      const body = JSON.stringify({
        type: 'event_callback',
        team_id: team,
        api_app_id: 'A1',
        event,
        event_id: `Ev${++counter}`,
        event_time: Math.floor(Date.now() / 1000),
        authorizations: [{ team_id: team, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
      });
      return send(body, 'application/json');
    },
    async close() {
      await running.stop();
      await deps.store.close();
      await slack.close();
      await sandbox.close();
    },
  };
}

export type AppHarness = Awaited<ReturnType<typeof slackAppHarness>>;

/** A view_submission's `state.values` for the settings modal. */
export function settingsValues(fields: { weekStart?: number; zone?: string; username?: string; password?: string }) {
  return {
    settings_week_start: {
      settings_week_start: { type: 'static_select', selected_option: { value: String(fields.weekStart ?? 1) } },
    },
    settings_zone: { settings_zone: { type: 'plain_text_input', value: fields.zone ?? 'Europe/Athens' } },
    settings_tellody_username: {
      settings_tellody_username: { type: 'plain_text_input', value: fields.username ?? null },
    },
    settings_tellody_password: {
      settings_tellody_password: { type: 'plain_text_input', value: fields.password ?? null },
    },
  };
}

/** A digest modal submission's `state.values`, keyed by the stable block and action ids. */
export function digestValues(fields: { channel?: string; day?: string; time?: string | null; on?: boolean }) {
  return {
    digest_channel: { channel: { type: 'conversations_select', selected_conversation: fields.channel ?? null } },
    digest_day: { day: { type: 'static_select', selected_option: { value: fields.day ?? 'monday' } } },
    digest_time: { time: { type: 'timepicker', selected_time: fields.time === undefined ? '09:00' : fields.time } },
    digest_enabled: {
      enabled: { type: 'checkboxes', selected_options: fields.on === false ? [] : [{ value: 'on' }] },
    },
  };
}
