import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TellodyCredentialsError, TellodyUnavailableError } from '../../../src/tellody/errors.js';
import { type Sandbox, startSandbox } from '../../../src/tellody/sandbox/server.js';
import { TellodyPool } from '../../../src/tellody/tellody-pool.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({
    accounts: [
      { username: 'demo', password: 'demo', zone: 'Europe/Athens', seed: 1 },
      { username: 'ny', password: 'ny-pass', zone: 'America/New_York', seed: 7 },
    ],
  });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.faults.latencyMs = 0;
});

const pool = () => new TellodyPool(sandbox.baseUrl, { fetch });
const demo = { username: 'demo', password: 'demo' };
const logins = () => sandbox.log.filter((line) => /login/i.test(line)).length;

describe('the Tellody pool, as workspaces and admins meet it', () => {
  it('logs in once for every workspace that shares a login', async () => {
    const tellody = pool();
    const before = logins();
    await tellody.clientFor(demo).userInfo();
    const afterFirst = logins();
    expect(afterFirst).toBeGreaterThan(before);
    await tellody.clientFor({ ...demo }).userInfo();
    await tellody.clientFor({ username: 'demo', password: 'demo' }).userInfo();
    expect(logins()).toBe(afterFirst);
  });

  it('gives each account its own session: two usernames see their own accounts', async () => {
    const tellody = pool();
    expect((await tellody.clientFor(demo).userInfo()).username).toBe('demo');
    expect((await tellody.clientFor({ username: 'ny', password: 'ny-pass' }).userInfo()).username).toBe('ny');
    expect((await tellody.clientFor(demo).userInfo()).username).toBe('demo');
  });

  it('gives a fresh session after the password changes: a wrong password then the right one is let in', async () => {
    const tellody = pool();
    await expect(tellody.clientFor({ username: 'demo', password: 'old-pass' }).userInfo()).rejects.toBeInstanceOf(
      TellodyCredentialsError,
    );
    expect((await tellody.clientFor(demo).userInfo()).username).toBe('demo');
    await expect(tellody.clientFor({ username: 'demo', password: 'demo2' }).userInfo()).rejects.toBeInstanceOf(
      TellodyCredentialsError,
    );
  });

  it('keeps a client with a short deadline to the one call that asked for it', async () => {
    const tellody = pool();
    const pooled = tellody.clientFor(demo);
    sandbox.faults.latencyMs = 300;
    // The login check gives Tellody only a moment; it must not reuse (nor replace) the pooled client.
    await expect(tellody.clientFor(demo, { timeoutMs: 50 }).userInfo()).rejects.toBeInstanceOf(TellodyUnavailableError);
    expect(tellody.clientFor(demo)).toBe(pooled);
    expect((await tellody.clientFor(demo).userInfo()).username).toBe('demo');
    expect(tellody.clientFor(demo, { timeoutMs: 50 })).not.toBe(tellody.clientFor(demo, { timeoutMs: 50 }));
  });

  it('forgets every session once it holds a thousand logins, and keeps them all until then', () => {
    const tellody = pool();
    const login = (i: number) => ({ username: `user-${i}`, password: 'pw' });
    const first = tellody.clientFor(login(0));
    for (let i = 1; i < 1000; i++) tellody.clientFor(login(i));
    expect(tellody.clientFor(login(0))).toBe(first);
    expect(tellody.clientFor(login(999))).toBe(tellody.clientFor(login(999)));
    const newest = tellody.clientFor(login(1000));
    expect(tellody.clientFor(login(1000))).toBe(newest);
    expect(tellody.clientFor(login(0))).not.toBe(first);
  });

  it('asks Tellody through the fetch it was given (the deployment’s HTTP agent), not another', async () => {
    const asked: string[] = [];
    const recording: typeof fetch = (input, init) => {
      asked.push(String(input));
      return fetch(input, init);
    };
    await new TellodyPool(sandbox.baseUrl, { fetch: recording }).clientFor(demo).userInfo();
    expect(asked).toContainEqual(expect.stringContaining('UserInfo'));
  });
});
