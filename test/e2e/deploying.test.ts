import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppProcess, startBuiltApp } from '../support/app-process.js';
import { startRedis } from '../support/redis-server.js';

/*
 * What an operator meets when deploying the built app: a store that would vanish (a Heroku
 * dyno's disk), Heroku's Key-Value Store with its self-signed TLS certificate, and a shared
 * Tellody login offered to every workspace that installs.
 */

const STACK_TRACE = /^\s+at \S|node:internal/m;
const BASE = {
  SLACK_SIGNING_SECRET: 'deploying-secret',
  SLACK_BOT_TOKEN: 'xoxb-deploying',
  ENCRYPTION_KEY: 'de'.repeat(32),
  LOG_LEVEL: 'info',
};

let redis: Awaited<ReturnType<typeof startRedis>>;
const started: AppProcess[] = [];
beforeAll(async () => {
  redis = await startRedis({ tls: true });
});
afterAll(async () => {
  await Promise.all(started.map((app) => app.stop('SIGKILL')));
  await redis.stop();
});

async function run(env: Record<string, string>, waitForHealth = true): Promise<AppProcess> {
  const app = await startBuiltApp({ env: { ...BASE, ...env }, waitForHealth });
  started.push(app);
  return app;
}

/** Starts the built app expecting it to refuse; returns what it said, checked to be free of stack traces. */
async function refusal(env: Record<string, string>): Promise<string> {
  const app = await run(env, false);
  expect((await app.exited).code).toBe(1);
  expect(app.stderr()).not.toMatch(STACK_TRACE);
  return app.stderr().trim();
}

describe('on Heroku', () => {
  it('refuses to keep state on the dyno’s disk, saying why and what to set', async () => {
    const said = await refusal({ DYNO: 'web.1' });
    expect(said).toContain('this is a Heroku dyno, whose disk is wiped at every restart');
    expect(said).toContain('REDIS_URL');
    expect(said).toContain('STORE_URL=sqlite:///');
  });

  it('runs on the Key-Value Store Heroku attaches (REDIS_URL over TLS, a self-signed certificate)', async () => {
    const app = await run({ DYNO: 'web.1', REDIS_URL: redis.url });
    expect(await (await fetch(`${app.base}/healthz`)).json()).toEqual({ ok: true, store: 'redis' });
  });

  it('runs on a SQLite file when STORE_URL says so, accepting the loss', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'contacts-dyno-')), 'contacts.sqlite');
    const app = await run({ DYNO: 'web.1', STORE_URL: `sqlite://${file}` });
    expect(await (await fetch(`${app.base}/healthz`)).json()).toEqual({ ok: true, store: 'sqlite' });
  });

  it('verifies a Redis certificate anywhere else, and names the setting to check when it cannot', async () => {
    const said = await refusal({ REDIS_URL: redis.url });
    expect(said.split('\n')).toHaveLength(1);
    expect(said).toMatch(
      /^Contacts for Slack cannot start: the store at rediss:\/\/127\.0\.0\.1:\d+ cannot be used: its TLS certificate cannot be verified \([A-Z_]+\)\. Check REDIS_URL\.$/,
    );
  });
});

describe('a shared Tellody login with many workspaces', () => {
  const oauth = { SLACK_BOT_TOKEN: '', SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 'c', SLACK_STATE_SECRET: 's' };
  const shared = { TELLODY_USERNAME: 'acme', TELLODY_PASSWORD: 'acme-password' };

  it('is refused at start-up without the list of workspaces it serves, naming the risk and the variable', async () => {
    const said = await refusal({ ...oauth, ...shared, STORE_URL: 'memory:' });
    expect(said).toContain('would show that Tellody account to every workspace that installs the app');
    expect(said).toContain('TELLODY_SHARED_LOGIN_WORKSPACES');
    expect(said).not.toContain('acme-password');
  });

  it('starts when the list is given', async () => {
    const app = await run({ ...oauth, ...shared, STORE_URL: 'memory:', TELLODY_SHARED_LOGIN_WORKSPACES: 'T1' });
    expect((await fetch(`${app.base}/healthz`)).status).toBe(200);
  });
});
