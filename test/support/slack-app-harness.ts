import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { createSlackApp, startSlackApp } from '../../src/slack/app.js';
import type { AppParts } from '../../src/slack/app-parts.js';
import { composeApp } from '../../src/slack/compose.js';
import type { Deadlines } from '../../src/slack/deadlines.js';
import { SLACK_RETRIES } from '../../src/slack/slack-client-pool.js';
import type { AppLogger } from '../../src/telemetry/logger.js';
import { type SandboxAccount, startSandbox } from '../../src/tellody/sandbox/server.js';
import { manualClock } from './clock.js';
import { capturedLog } from './log-lines.js';
import { slackRequests } from './slack-requests.js';
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
  /** The app's logger, for tests that read its lines as the objects they are (see capturedLog). */
  readonly log?: AppLogger;
  /** Receives every log line the app writes (after redaction), as `[LEVEL] name msg` text. */
  readonly logSink?: (line: string) => void;
  /** Channels the Slack stand-in knows (see startSlackStandIn). */
  readonly channels?: Record<string, StandInChannel | 'missing'>;
  /** Tellody accounts besides demo/demo and ny/ny-pass. */
  readonly accounts?: readonly SandboxAccount[];
  /** How long people wait for what (the production ones unless given). */
  readonly deadlines?: Partial<Deadlines>;
  /** How long the scheduled jobs' claims hold (each job's own lease unless given). */
  readonly leaseMs?: number;
}

/** The whole app as Slack would meet it: Bolt over real HTTP, a SQLite file, the Tellody sandbox, the Slack stand-in. */
export async function slackAppHarness(options: AppHarnessOptions = {}) {
  const clock = manualClock(options.now ?? '2026-11-27T10:00:00Z');
  const sandbox = await startSandbox({
    now: clock.now,
    accounts: [
      { username: 'demo', password: 'demo', zone: 'Europe/Athens', seed: 1, creditsAvailable: 90, creditsSpent: 10 },
      { username: 'ny', password: 'ny-pass', zone: 'America/New_York', seed: 7, creditsAvailable: 5 },
      ...(options.accounts ?? []),
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
  const deps: AppParts = composeApp(config, {
    clock: clock.now,
    slackRetries: SLACK_RETRIES.fast,
    ...(options.deadlines ? { deadlines: options.deadlines } : {}),
    ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
    ...(options.logSink ? { log: capturedLog(config.LOG_LEVEL, options.logSink).log } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  const running = await startSlackApp(createSlackApp(deps), 0);
  const base = `http://127.0.0.1:${running.port}`;
  const events = `${base}/slack/events`;
  const requests = slackRequests({ events, secret: SIGNING_SECRET, responseUrl: slack.responseUrl });
  return {
    clock,
    sandbox,
    slack,
    deps,
    base,
    events,
    ...requests,
    async close() {
      await running.stop();
      await deps.store.close();
      await deps.http.close();
      await slack.close();
      await sandbox.close();
    },
  };
}

export type AppHarness = Awaited<ReturnType<typeof slackAppHarness>>;

/** The harness with workspace T1 connected to the sandbox's demo account (its own saved login). */
export async function connectedAppHarness(options: AppHarnessOptions = {}): Promise<AppHarness> {
  const h = await slackAppHarness(options);
  await h.deps.credentials.set('T1', { username: 'demo', password: 'demo' }, h.clock.now());
  return h;
}

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

/** An alerts modal submission's `state.values`, keyed by the stable block and action ids. */
export function alertsValues(fields: {
  measures?: readonly string[];
  channel?: string;
  sensitivity?: string;
  quietFrom?: string | null;
  quietTo?: string | null;
}) {
  return {
    alerts_measures: {
      measures: {
        type: 'checkboxes',
        selected_options: (fields.measures ?? ['contactsBlocked', 'contactsAdded']).map((value) => ({ value })),
      },
    },
    alerts_channel: { channel: { type: 'conversations_select', selected_conversation: fields.channel ?? null } },
    alerts_sensitivity: {
      sensitivity: { type: 'static_select', selected_option: { value: fields.sensitivity ?? 'normal' } },
    },
    alerts_quiet_from: { from: { type: 'timepicker', selected_time: fields.quietFrom ?? null } },
    alerts_quiet_to: { to: { type: 'timepicker', selected_time: fields.quietTo ?? null } },
  };
}
