import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TellodyClient } from '../../../src/tellody/client.js';
import {
  TellodyBadRequestError,
  TellodyCredentialsError,
  TellodyResponseError,
  TellodyUnavailableError,
} from '../../../src/tellody/errors.js';
import { type Sandbox, startSandbox } from '../../../src/tellody/sandbox/server.js';
import { RETRY_POLICIES } from '../../../src/tellody/transport.js';
import { manualClock } from '../../support/clock.js';

// 21 July 2015 in Europe/Athens, the docs' own sample.
const JULY_21 = { from: 1437426000000, to: 1437512399999, unit: 'hour', window: 'day', dow: 0 } as const;

let sandbox: Sandbox;
const clock = manualClock('2026-11-27T10:00:00Z');

beforeEach(async () => {
  clock.set('2026-11-27T10:00:00Z');
  sandbox = await startSandbox({ now: clock.now });
});
afterEach(() => sandbox.close());

function client(overrides: Partial<ConstructorParameters<typeof TellodyClient>[0]> = {}) {
  return new TellodyClient({
    baseUrl: sandbox.baseUrl,
    credentials: { username: 'demo', password: 'demo' },
    retry: RETRY_POLICIES.fast,
    ...overrides,
  });
}

const logins = () => sandbox.calls.get('/CampaignCloud/login') ?? 0;

describe('TellodyClient against the sandbox', () => {
  it('pings, logs in, pings again and returns a validated chart', async () => {
    const tellody = client();
    const chart = await tellody.contactChart(JULY_21, { expectedBuckets: 24 });
    expect(chart.contactsServed).toHaveLength(24);
    expect(chart.contactsServed.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(sandbox.calls.get('/CampaignCloud/RememberMeController/ping')).toBe(2);
    expect(logins()).toBe(1);
  });

  it('reads the account from UserInfo', async () => {
    const info = await client().userInfo();
    expect(info).toMatchObject({ username: 'demo', creditsAvailable: 90, creditsSpent: 10 });
  });

  it('reuses one session across many calls', async () => {
    const tellody = client();
    for (let i = 0; i < 5; i++) await tellody.contactChart(JULY_21);
    await tellody.userInfo();
    expect(logins()).toBe(1);
    expect(tellody.loginCount).toBe(1);
  });

  it('shares a single login among 20 concurrent calls', async () => {
    const tellody = client();
    const charts = await Promise.all(Array.from({ length: 20 }, () => tellody.contactChart(JULY_21)));
    expect(charts).toHaveLength(20);
    expect(new Set(charts.map((c) => JSON.stringify(c))).size).toBe(1);
    expect(logins()).toBe(1);
  });

  it('logs in again once when the session has expired, and the call succeeds', async () => {
    sandbox.faults.sessionTtlSeconds = 60;
    const tellody = client();
    await tellody.contactChart(JULY_21);
    clock.advance(61_000);
    await tellody.contactChart(JULY_21);
    expect(logins()).toBe(2);
  });

  it('re-logs in once for 20 concurrent calls that find the session expired', async () => {
    sandbox.faults.sessionTtlSeconds = 60;
    const tellody = client();
    await tellody.userInfo();
    clock.advance(61_000);
    await Promise.all(Array.from({ length: 20 }, () => tellody.contactChart(JULY_21)));
    expect(logins()).toBe(2);
  });

  it('gives up after one re-login when Tellody keeps refusing the session', async () => {
    sandbox.faults.sessionTtlSeconds = 1;
    clock.tickEveryRead(2_000); // every session is over before its first call
    const error = await client()
      .contactChart(JULY_21)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TellodyUnavailableError);
    expect((error as TellodyUnavailableError).reason).toBe('session-rejected');
    expect(logins()).toBe(2);
  });

  it("turns bad credentials into a typed error carrying Tellody's cause and message", async () => {
    const error = await client({ credentials: { username: 'demo', password: 'wrong-secret' } })
      .userInfo()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TellodyCredentialsError);
    expect(error).toMatchObject({ tellodyCause: 'badCredentials', tellodyMessage: 'Bad credentials' });
    expect(String((error as Error).message)).not.toContain('wrong-secret');
  });

  it('verifyCredentials logs in now and reports refusal', async () => {
    await expect(client().verifyCredentials()).resolves.toBeUndefined();
    await expect(client({ credentials: { username: 'nobody', password: 'x' } }).verifyCredentials()).rejects.toThrow(
      TellodyCredentialsError,
    );
  });

  it('times out a slow Tellody with an unavailable error', async () => {
    sandbox.faults.latencyMs = 300;
    const error = await client({ timeoutMs: 50 })
      .userInfo()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TellodyUnavailableError);
    expect((error as TellodyUnavailableError).reason).toBe('timeout');
  });

  it('retries a 5xx by its policy and then reports Tellody unavailable', async () => {
    sandbox.faults.errorRate = 1;
    const error = await client()
      .userInfo()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TellodyUnavailableError);
    expect(error).toMatchObject({ reason: 'server-error', status: 503 });
    expect(sandbox.calls.get('/CampaignCloud/RememberMeController/ping')).toBe(1 + RETRY_POLICIES.fast.retries);
  });

  it('reports a dropped connection as a network failure', async () => {
    sandbox.faults.dropRate = 1;
    const error = await client({ retry: RETRY_POLICIES.none })
      .userInfo()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'unavailable', reason: 'network' });
  });

  it('rejects malformed JSON as an unexpected response', async () => {
    const tellody = client();
    await tellody.userInfo();
    sandbox.faults.malformedRate = 1;
    await expect(tellody.contactChart(JULY_21)).rejects.toThrow(TellodyResponseError);
  });

  it('rejects a chart whose length is not the window’s bucket count', async () => {
    await expect(client().contactChart(JULY_21, { expectedBuckets: 23 })).rejects.toThrow(/24 buckets.*expected 23/);
  });

  it('turns a 400 into a bad-request error with Tellody’s message', async () => {
    const error = await client()
      .contactChart({ ...JULY_21, to: JULY_21.to - 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TellodyBadRequestError);
    expect((error as Error).message).toMatch(/first and last millisecond/);
  });

  it('never puts a password, cookie or token in an error', async () => {
    const secrets = ['demo-password-123'];
    const failures = [
      client({ credentials: { username: 'demo', password: secrets[0] ?? '' } }).userInfo(),
      (async () => {
        sandbox.faults.errorRate = 1;
        return client({ credentials: { username: 'demo', password: 'demo' } }).userInfo();
      })(),
    ];
    for (const failure of failures) {
      const error = (await failure.catch((e: unknown) => e)) as Error;
      const text = `${error.message} ${JSON.stringify(error)} ${error.stack}`;
      expect(text).not.toMatch(/JSESSIONID|X-XSRF-TOKEN:|demo-password-123/);
    }
  });
});
