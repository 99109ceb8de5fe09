import { beforeAll, describe, expect, it } from 'vitest';
import type { AppProcess } from '../support/app-process.js';
import { builtAppWorld } from '../support/built-app-world.js';
import { sampleOf, scrape } from '../support/metrics-text.js';
import { settingsValues } from '../support/slack-app-harness.js';
import type { slackRequests } from '../support/slack-requests.js';
import { startSlackStandIn } from '../support/slack-standin.js';
import { startSocketModeStandIn } from '../support/socket-mode-standin.js';

/*
 * What an operator sees of the built app: JSON log lines on stdout (one per Slack request, with
 * its kind, id, workspace, outcome and duration; nothing secret) and Prometheus metrics at
 * GET /metrics behind METRICS_TOKEN.
 */

const SECRET = 'operating-signing-secret';
const TOKEN = 'metrics-token-0123456789abcdef';
const BOT_TOKEN = 'xoxb-operating-bot-token-123';

const world = builtAppWorld({ secret: SECRET, encryptionKey: 'a1'.repeat(32) });
const requestsTo = world.requestsTo;

/** The built app as production runs it, with metrics on and its own bot token. */
const run = (extra: Record<string, string> = {}) =>
  world.run(world.env({ SLACK_BOT_TOKEN: BOT_TOKEN, METRICS_TOKEN: TOKEN, ...extra }));

/** The one `slack request` line logged for a request, once its work is done. */
async function requestLine(app: AppProcess, matches: (record: Record<string, unknown>) => boolean) {
  for (let i = 0; i < 250; i++) {
    const found = app.records().filter((r) => r.msg === 'slack request' && matches(r));
    if (found.length > 0) {
      expect(found).toHaveLength(1);
      return found[0] as Record<string, unknown>;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no such request line:\n${app.logText()}`);
}

describe('the built app’s log', () => {
  let app: AppProcess;
  let requests: ReturnType<typeof slackRequests>;
  beforeAll(async () => {
    app = await run();
    requests = requestsTo(app);
  });

  it('is one JSON object a line on stdout, each with its time, level and message', async () => {
    await app.waitForLog('Contacts for Slack is running');
    const lines = app.stdout().trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const record = JSON.parse(line) as Record<string, unknown>;
      expect(record).toMatchObject({ level: expect.any(String), msg: expect.any(String) });
      expect(Number.isNaN(Date.parse(String(record.time)))).toBe(false);
    }
    expect(app.records().find((r) => String(r.msg).startsWith('Contacts for Slack is running'))).toMatchObject({
      mode: 'http',
      store: 'sqlite',
      port: app.port,
    });
  });

  it('logs a command once its answer is posted: kind, id, workspace, outcome and how long it took', async () => {
    const sent = await requests.command('last week', { team: 'TLOGGED' });
    await world.slack.waitForPosts(sent.id);
    const line = await requestLine(app, (r) => r.workspace === 'TLOGGED');
    expect(line).toMatchObject({ level: 'info', kind: 'command', id: '/contacts', outcome: 'ok' });
    expect(line.durationMs).toEqual(expect.any(Number));
  });

  it('says how each request ended: a phrase it cannot read is refused, a tampered click is answered still', async () => {
    await world.slack.waitForPosts((await requests.command('by fortnight', { team: 'TREFUSED' })).id);
    expect(await requestLine(app, (r) => r.workspace === 'TREFUSED')).toMatchObject({ outcome: 'refused' });
    await requests.click({ type: 'button', action_id: 'contacts_previous', value: 'tampered' }, { team: 'TCLICK' });
    expect(await requestLine(app, (r) => r.workspace === 'TCLICK')).toMatchObject({
      kind: 'action',
      id: 'contacts_previous',
      outcome: 'refused',
    });
  });

  it('logs a request the guard refused once, as rejected, with no workspace taken from an untrusted body', async () => {
    const before = app.records().filter((r) => r.outcome === 'rejected').length;
    const forged = await requests.command('last week', { team: 'TFORGED' }, { timestamp: 1 });
    expect(forged.status).toBe(401);
    await app.waitForLog('refused a request to the Slack endpoint (401): timestamp too old');
    const rejected = app.records().filter((r) => r.outcome === 'rejected');
    expect(rejected).toHaveLength(before + 1);
    expect(rejected.at(-1)).toMatchObject({ level: 'warn', kind: 'unknown', status: 401 });
    expect(rejected.at(-1)).not.toHaveProperty('workspace');
  });
});

describe('the built app’s metrics', () => {
  let app: AppProcess;
  let requests: ReturnType<typeof slackRequests>;
  beforeAll(async () => {
    app = await run();
    requests = requestsTo(app);
  });

  it('are refused without the bearer token, or with another', async () => {
    expect((await fetch(`${app.base}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${app.base}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.status).toBe(401);
    const basic = await fetch(`${app.base}/metrics`, { headers: { Authorization: `Basic ${TOKEN}` } });
    expect(basic.status).toBe(401);
  });

  it('count requests, answer times, Tellody calls and the report cache, with the process’s own numbers', async () => {
    const before = await scrape(app.base, TOKEN);
    expect(sampleOf(before, 'contacts_slack_requests_total', { kind: 'command', outcome: 'ok' })).toBe(0);
    expect(sampleOf(before, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(sampleOf(before, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    for (const name of ['contacts_digest_runs_total', 'contacts_alert_checks_total', 'contacts_store_errors_total']) {
      expect(before).toContain(`# TYPE ${name} counter`);
    }
    for (let i = 0; i < 2; i++)
      await world.slack.waitForPosts((await requests.command('3 weeks ago', { team: 'TM' })).id);
    const after = await scrape(app.base, TOKEN);
    expect(sampleOf(after, 'contacts_slack_requests_total', { kind: 'command', outcome: 'ok' })).toBe(2);
    expect(sampleOf(after, 'contacts_answer_seconds_count', { kind: 'command' })).toBe(2);
    expect(sampleOf(after, 'contacts_tellody_requests_total', { outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(sampleOf(after, 'contacts_tellody_request_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(sampleOf(after, 'contacts_report_cache_total', { result: 'miss' })).toBeGreaterThanOrEqual(1);
    expect(sampleOf(after, 'contacts_report_cache_total', { result: 'hit' })).toBeGreaterThanOrEqual(1);
    expect(sampleOf(after, 'contacts_store_errors_total')).toBe(0);
  });

  it('never label a series with a workspace or a phrase', async () => {
    await world.slack.waitForPosts((await requests.command('the week of 2 march', { team: 'TSECRETTEAM' })).id);
    const text = await scrape(app.base, TOKEN);
    expect(text).not.toContain('TSECRETTEAM');
    expect(text).not.toContain('march');
  });

  it('count Tellody failing, as it fails', async () => {
    world.sandbox.faults.errorRate = 1;
    try {
      await world.slack.waitForPosts((await requests.command('9 weeks ago', { team: 'TDOWN' })).id);
    } finally {
      world.sandbox.faults.errorRate = 0;
    }
    const text = await scrape(app.base, TOKEN);
    expect(sampleOf(text, 'contacts_tellody_requests_total', { outcome: 'server_error' })).toBeGreaterThanOrEqual(1);
    expect(sampleOf(text, 'contacts_slack_requests_total', { kind: 'command', outcome: 'unavailable' })).toBe(1);
  });

  it('are not served at all when no token is set', async () => {
    const without = await run({ METRICS_TOKEN: '' });
    expect((await fetch(`${without.base}/metrics`)).status).toBe(404);
  });

  it('are served on PORT in Socket Mode too', async () => {
    const socket = await startSocketModeStandIn();
    const socketSlack = await startSlackStandIn({ socketUrl: socket.url });
    try {
      const socketApp = await run({ SLACK_APP_TOKEN: 'xapp-1-ops', SLACK_API_URL: socketSlack.apiUrl });
      await socket.connection;
      expect((await fetch(`${socketApp.base}/metrics`)).status).toBe(401);
      expect(sampleOf(await scrape(socketApp.base, TOKEN), 'process_resident_memory_bytes')).toBeGreaterThan(0);
    } finally {
      await socketSlack.close();
      await socket.close();
    }
  });
});

describe('the built app’s log at debug level', () => {
  it('holds neither a password typed into the settings form nor the bot token, whoever wrote the line', async () => {
    const app = await run({ LOG_LEVEL: 'debug' });
    const requests = requestsTo(app);
    const password = 'Typed-Pa55word-Nobody-Sees';
    await requests.submit(settingsValues({ username: 'demo', password }), { team: 'TDEBUG' });
    await world.slack.waitForPosts((await requests.command('last week', { team: 'TDEBUG' })).id);
    await app.waitForLog('slack request');
    expect(app.stdout()).toContain('"level":"debug"');
    expect(app.stdout()).not.toContain(password);
    expect(app.stdout()).not.toContain(BOT_TOKEN);
    expect(app.stdout()).not.toContain('demo","password');
  });
});
