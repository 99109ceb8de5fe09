import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppProcess } from '../support/app-process.js';
import { expectValidMessage, expectValidView } from '../support/block-kit.js';
import { builtAppWorld } from '../support/built-app-world.js';
import { freePort } from '../support/free-port.js';
import { startRedis } from '../support/redis-server.js';
import { type Json, sandboxTotals, totalsShown } from '../support/report-reading.js';
import { settingsValues } from '../support/slack-app-harness.js';
import type { slackRequests } from '../support/slack-requests.js';
import { startSlackStandIn } from '../support/slack-standin.js';
import { startSocketModeStandIn } from '../support/socket-mode-standin.js';

const SECRET = 'e2e-signing-secret';
const ENCRYPTION_KEY = 'e2'.repeat(32);
const ATHENS = { zone: 'Europe/Athens', weekStart: 1 as const };
/** A line of a stack trace, as Node prints them. */
const STACK_TRACE = /^\s+at \S|node:internal/m;

const world = builtAppWorld({ secret: SECRET, encryptionKey: ENCRYPTION_KEY });
const productionEnv = world.env;
const requestsTo = world.requestsTo;
const run = (env: Record<string, string>) => world.run(env);

const lastPost = async (id: string, count = 1) => (await world.slack.waitForPosts(id, count)).at(-1)?.body as Json;

/** `/contacts last week` answers with exactly the sandbox's numbers for last week. */
async function expectLastWeekFromSandbox(post: Json): Promise<void> {
  const expected = await sandboxTotals(world.sandbox.baseUrl, 'last week', { ...ATHENS, now: Date.now() });
  expectValidMessage(post as { text: string; blocks: Json[] });
  expect(post.response_type).toBe('ephemeral');
  expect(String(post.text)).toContain(expected.label);
  expect(totalsShown(post as { blocks: Json[] })).toEqual(expected.totals);
}

describe('the built app (node dist/index.js), over HTTP on a SQLite file', () => {
  let app: AppProcess;
  let requests: ReturnType<typeof slackRequests>;
  beforeAll(async () => {
    app = await run(productionEnv());
    requests = requestsTo(app);
  });

  it('says it is running, and answers /healthz', async () => {
    await app.waitForLog(/Contacts for Slack is running: HTTP on port \d+ \(\/slack\/events\), store sqlite/);
    const health = await fetch(`${app.base}/healthz`);
    expect(await health.json()).toEqual({ ok: true, store: 'sqlite' });
  });

  it('answers url_verification with the challenge', async () => {
    const body = JSON.stringify({ type: 'url_verification', challenge: 'e2e-challenge', token: 'x' });
    const result = await requests.send(body, 'application/json');
    expect(result.status).toBe(200);
    expect(result.text).toContain('e2e-challenge');
  });

  it('answers /contacts last week at the response_url with the sandbox’s own totals', async () => {
    const result = await requests.command('last week');
    expect(result).toMatchObject({ status: 200, text: '' });
    await expectLastWeekFromSandbox(await lastPost(result.id));
  });

  it('steps back a week when ◀ is clicked, replacing the message with the week before’s numbers', async () => {
    const report = await lastPost((await requests.command('last week')).id);
    const buttons = ((report.blocks as Json[]).find((b) => b.type === 'actions')?.elements ?? []) as Json[];
    const previous = buttons.find((b) => b.action_id === 'contacts_previous');
    expect(previous?.value).toEqual(expect.any(String));
    const click = await requests.click({ type: 'button', action_id: 'contacts_previous', value: previous?.value });
    expect(click.status).toBe(200);
    const stepped = await lastPost(click.id);
    expect(stepped.replace_original).toBe(true);
    const expected = await sandboxTotals(world.sandbox.baseUrl, '2 weeks ago', { ...ATHENS, now: Date.now() });
    expect(String(stepped.text)).toContain(expected.label.split(' · ').at(-1));
    expect(totalsShown(stepped as { blocks: Json[] })).toEqual(expected.totals);
  });

  it('publishes the Home tab when it is opened', async () => {
    const before = world.slack.callsTo('views.publish').length;
    const result = await requests.event({ type: 'app_home_opened', user: 'UUSER', channel: 'D1', tab: 'home' });
    expect(result.status).toBe(200);
    const publish = (await world.slack.waitForCalls('views.publish', before + 1)).at(-1);
    expect(publish?.args.user_id).toBe('UUSER');
    const view = publish?.args.view as { type: string; blocks: Json[] };
    expect(view.type).toBe('home');
    expectValidView(view);
    expect(JSON.stringify(view)).toContain('connected as `demo`');
  });

  it('survives signed bodies Bolt cannot handle, refusing them with 400 within Slack’s 3 s', async () => {
    for (const [body, type] of [
      ['payload=null', 'application/x-www-form-urlencoded'],
      ['null', 'application/json'],
      ['{"type":"event_callback","event":"x"}', 'application/json'],
    ] as const) {
      expect((await requests.send(body, type, { deadlineMs: 3000 })).status).toBe(400);
    }
    expect(app.child.exitCode).toBeNull();
    expect((await fetch(`${app.base}/healthz`)).status).toBe(200);
    await expectLastWeekFromSandbox(await lastPost((await requests.command('last week')).id));
  });

  it('answers a phrase as long as Slack lets anyone type with a kind “too long”, not a refusal of the request', async () => {
    for (const phrase of ['last week '.repeat(400), 'é'.repeat(40_000)]) {
      const result = await requests.command(phrase);
      expect(result).toMatchObject({ status: 200, text: '' });
      const answer = await lastPost(result.id);
      expect(answer.response_type).toBe('ephemeral');
      expect(String(answer.text)).toContain('That phrase is longer than 120 characters.');
    }
    expect((await requests.command('x'.repeat(40_001))).status).toBe(400);
  });

  it('refuses a request signed an hour ahead, and the same signed request sent twice', async () => {
    const ahead = await requests.command('last week', {}, { timestamp: Math.floor(Date.now() / 1000) + 3600 });
    expect(ahead.status).toBe(401);
    const body = JSON.stringify({ type: 'url_verification', challenge: 'once', token: 'x' });
    const timestamp = Math.floor(Date.now() / 1000);
    expect((await requests.send(body, 'application/json', { timestamp })).status).toBe(200);
    expect((await requests.send(body, 'application/json', { timestamp })).status).toBe(401);
  });

  it('wrote no stack trace to its log', () => {
    expect(app.logText()).not.toMatch(STACK_TRACE);
    expect(app.stdout()).not.toMatch(/\\n\s+at |node:internal/);
  });
});

describe('the built app, when a workspace uninstalls', () => {
  it('leaves neither its login nor the sealed password readable in the SQLite file or its -wal', async () => {
    const env = productionEnv();
    const app = await run(env);
    const requests = requestsTo(app);
    const saved = await requests.submit(settingsValues({ username: 'demo', password: 'demo' }), { team: 'TGONE' });
    expect(saved).toMatchObject({ status: 200, text: '' });
    const db = String(env.STORE_URL).slice('sqlite://'.length);
    const bytes = () =>
      [db, `${db}-wal`]
        .filter((file) => existsSync(file))
        .map((file) => readFileSync(file).toString('latin1'))
        .join('');
    const sealed = /"password":"(v1\.[A-Za-z0-9_.-]+)"/.exec(bytes())?.[1] ?? 'no sealed password found';
    expect(bytes()).toContain('"username":"demo"');
    expect((await requests.event({ type: 'app_uninstalled' }, 'TGONE')).status).toBe(200);
    for (let i = 0; i < 100 && bytes().includes(sealed); i++) await new Promise((r) => setTimeout(r, 50));
    expect(bytes()).not.toContain(sealed);
    expect(bytes()).not.toContain('"username":"demo"');
  });

  it('escapes a mention typed after the command, so the reply pings nobody', async () => {
    const app = await run(productionEnv());
    const requests = requestsTo(app);
    const post = await lastPost((await requests.command('<!channel> ＜@U123＞')).id);
    expect(JSON.stringify(post)).not.toMatch(/<[@#!]/);
  });
});

describe('the built app in Socket Mode', () => {
  it('connects with the app-level token, acks a /contacts envelope and answers at its response_url', async () => {
    const socket = await startSocketModeStandIn();
    const socketSlack = await startSlackStandIn({ socketUrl: socket.url });
    try {
      const app = await run(productionEnv({ SLACK_APP_TOKEN: 'xapp-1-e2e', SLACK_API_URL: socketSlack.apiUrl }));
      await socket.connection;
      await app.waitForLog('Contacts for Slack is running: Socket Mode, store sqlite');
      socket.sendCommand('e2e-env', 'last week', socketSlack.responseUrl('socket-e2e'));
      await socket.waitForAck('e2e-env');
      const [post] = await socketSlack.waitForPosts('socket-e2e');
      await expectLastWeekFromSandbox(post?.body ?? {});
    } finally {
      await socketSlack.close();
      await socket.close();
    }
  });
});

describe('the built app on Redis', () => {
  it('keeps its state in a real redis-server and serves /contacts from it', async () => {
    const redis = await startRedis();
    try {
      const app = await run(productionEnv({ STORE_URL: redis.url }));
      expect(await (await fetch(`${app.base}/healthz`)).json()).toEqual({ ok: true, store: 'redis' });
      const requests = requestsTo(app);
      await expectLastWeekFromSandbox(await lastPost((await requests.command('last week')).id));
    } finally {
      await redis.stop();
    }
  });
});

describe('stopping on SIGTERM', () => {
  it('stops taking requests, still answers the command in flight, closes the store and exits 0', async () => {
    const app = await run(productionEnv());
    const requests = requestsTo(app);
    await lastPost((await requests.command('last week')).id); // logged in to Tellody
    world.sandbox.faults.latencyMs = 1500;
    try {
      const inFlight = await requests.command('5 weeks ago');
      expect(inFlight.status).toBe(200);
      app.child.kill('SIGTERM');
      await app.waitForLog('SIGTERM: taking no new requests; finishing 1 in flight');
      await expect(fetch(`${app.base}/healthz`, { keepalive: false })).rejects.toThrow();
      const answer = await lastPost(inFlight.id);
      expect(String(answer.text)).toMatch(/New contacts|new contacts/);
      expect(await app.exited).toEqual({ code: 0, signal: null });
      await app.waitForLog(/stopped\n$/);
    } finally {
      world.sandbox.faults.latencyMs = 0;
    }
  });
});

/** Starts the built app expecting it to fail; its stderr must be exactly one line, with no stack trace. */
async function startupFailure(env: Record<string, string>): Promise<string> {
  const app = await world.run(env, false);
  expect((await app.exited).code).toBe(1);
  const stderr = app.stderr();
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(STACK_TRACE);
  return stderr.trim();
}

describe('a start-up that cannot work says why in one line', () => {
  it('names an unreachable Redis without its password', async () => {
    const port = await freePort();
    const line = await startupFailure(productionEnv({ STORE_URL: `redis://:hunter2@127.0.0.1:${port}` }));
    expect(line).toBe(
      `Contacts for Slack cannot start: the store at redis://:***@127.0.0.1:${port} cannot be used: nothing is listening there (connection refused); is Redis running? Check STORE_URL.`,
    );
  });

  it('names a SQLite path that cannot be written', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'contacts-e2e-')), 'a-file');
    writeFileSync(file, 'not a folder');
    const line = await startupFailure(productionEnv({ STORE_URL: `sqlite://${file}/contacts.sqlite` }));
    expect(line).toMatch(
      /^Contacts for Slack cannot start: the store at sqlite:\/\/.+ cannot be used: .+\. Check STORE_URL\.$/,
    );
  });

  it.each([
    ['over HTTP', {}],
    ['in Socket Mode (its health server)', { SLACK_APP_TOKEN: 'xapp-1-e2e' }],
  ])('names a port already in use %s', async (_mode, extra) => {
    const port = await freePort();
    const blocker: Server = createServer().listen(port, '0.0.0.0');
    await new Promise((resolve) => blocker.once('listening', resolve));
    try {
      const line = await startupFailure(productionEnv({ PORT: String(port), ...extra }));
      expect(line).toBe(
        `Contacts for Slack cannot start: port ${port} is already in use. Stop what is using it, or set PORT to a free port.`,
      );
    } finally {
      blocker.close();
    }
  });

  it('lists every missing setting at once', async () => {
    const app = await world.run({ LOG_LEVEL: 'info' }, false);
    expect((await app.exited).code).toBe(1);
    expect(app.stderr()).toContain('SLACK_SIGNING_SECRET is required in HTTP mode');
    expect(app.stderr()).toContain('ENCRYPTION_KEY is required');
    expect(app.stderr()).not.toMatch(STACK_TRACE);
  });

  it('says to build first when npm start runs before npm run build', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'contacts-nobuild-'));
    const root = new URL('../../', import.meta.url).pathname;
    mkdirSync(join(dir, 'scripts'));
    copyFileSync(join(root, 'package.json'), join(dir, 'package.json'));
    copyFileSync(join(root, 'scripts/require-build.mjs'), join(dir, 'scripts/require-build.mjs'));
    const result = await promisify(execFile)('npm', ['start'], { cwd: dir }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('Contacts for Slack is not built yet: run npm run build first');
    expect(result.stderr).not.toMatch(STACK_TRACE);
  });
});
