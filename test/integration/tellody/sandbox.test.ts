import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucketStarts, type Calendar, floorTo, windowAround } from '../../../src/period/calendar.js';
import { TellodyClient } from '../../../src/tellody/client.js';
import { type Sandbox, startSandbox } from '../../../src/tellody/sandbox/server.js';
import type { ChartUnit, ChartWindow, ContactChart } from '../../../src/tellody/tellody-types.js';
import { RETRY_POLICIES } from '../../../src/tellody/transport.js';
import { manualClock } from '../../support/clock.js';
import { rawSession } from '../../support/raw-tellody.js';

const NOW = '2026-11-27T10:00:00Z';
const clock = manualClock(NOW);
let sandbox: Sandbox;
let tellody: TellodyClient;

beforeAll(async () => {
  sandbox = await startSandbox({
    now: clock.now,
    accounts: [
      { username: 'demo', password: 'demo', zone: 'Europe/Athens', seed: 1 },
      { username: 'ny', password: 'ny-pass', zone: 'America/New_York', seed: 7 },
    ],
  });
  tellody = new TellodyClient({
    baseUrl: sandbox.baseUrl,
    credentials: { username: 'demo', password: 'demo' },
    retry: RETRY_POLICIES.fast,
  });
});
afterAll(() => sandbox.close());

const athens = (weekStart: Calendar['weekStart'] = 1): Calendar => ({ zone: 'Europe/Athens', weekStart });
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

async function chartOf(at: string, window: ChartWindow, unit: ChartUnit, cal = athens()): Promise<ContactChart> {
  const { from, to } = windowAround(Date.parse(at), window, cal);
  return tellody.contactChart({ from, to, unit, window, dow: cal.weekStart });
}

describe('sandbox data', () => {
  it('cuts a day into 24 hourly buckets, a spring-forward day into 23 and a fall-back day into 25', async () => {
    expect((await chartOf('2026-07-21T12:00:00Z', 'day', 'hour')).contactsAdded).toHaveLength(24);
    expect((await chartOf('2026-03-29T12:00:00Z', 'day', 'hour')).contactsAdded).toHaveLength(23);
    expect((await chartOf('2026-10-25T12:00:00Z', 'day', 'hour')).contactsAdded).toHaveLength(25);
  });

  it('makes a week by day exactly the sum of its days by hour', async () => {
    const cal = athens(0);
    const { from, to } = windowAround(Date.parse('2026-10-21T12:00:00Z'), 'week', cal);
    const week = await tellody.contactChart({ from, to, unit: 'day', window: 'week', dow: 0 });
    const days = bucketStarts(from, to + 1, 'day', cal);
    for (const [i, dayStart] of days.entries()) {
      const day = await tellody.contactChart({
        ...windowAround(dayStart, 'day', cal),
        unit: 'hour',
        window: 'day',
        dow: 0,
      });
      for (const series of ['contactsAdded', 'groupsAdded', 'contactsServed', 'contactsBlocked'] as const) {
        expect(sum(day[series])).toBe(week[series][i]);
      }
    }
  });

  it('makes a month by week add up to the same month by day, partial weeks included', async () => {
    const byWeek = await chartOf('2026-02-10T12:00:00Z', 'month', 'week');
    const byDay = await chartOf('2026-02-10T12:00:00Z', 'month', 'day');
    expect(byDay.contactsServed).toHaveLength(28);
    expect(byWeek.contactsServed.length).toBeGreaterThanOrEqual(4);
    expect(sum(byWeek.contactsServed)).toBe(sum(byDay.contactsServed));
    expect(sum(byWeek.contactsBlocked)).toBe(sum(byDay.contactsBlocked));
  });

  it('makes a year by month add up to the same year by day', async () => {
    const byMonth = await chartOf('2024-06-01T00:00:00Z', 'year', 'month');
    const byDay = await chartOf('2024-06-01T00:00:00Z', 'year', 'day');
    expect(byMonth.contactsAdded).toHaveLength(12);
    expect(byDay.contactsAdded).toHaveLength(366);
    expect(sum(byMonth.contactsAdded)).toBe(sum(byDay.contactsAdded));
  });

  it('has quiet nights, busier weekdays than Sundays, and nothing after now', async () => {
    const today = await chartOf(NOW, 'day', 'hour');
    const hourNow = 12; // 10:00Z is 12:00 in Athens
    expect(sum(today.contactsServed.slice(hourNow + 1))).toBe(0);
    expect(sum(today.contactsServed.slice(0, 5))).toBeLessThan(sum(today.contactsServed.slice(9, 12)));
    const week = await chartOf('2026-11-18T12:00:00Z', 'week', 'day');
    expect(week.contactsServed[6]).toBeLessThan(week.contactsServed[1] ?? 0);
  });

  it('answers the same request the same way after a restart', async () => {
    const other = await startSandbox({ now: clock.now });
    try {
      const again = new TellodyClient({ baseUrl: other.baseUrl, credentials: { username: 'demo', password: 'demo' } });
      const { from, to } = windowAround(Date.parse('2019-05-05T00:00:00Z'), 'month', athens());
      const request = { from, to, unit: 'day', window: 'month', dow: 1 } as const;
      expect(await again.contactChart(request)).toEqual(await tellody.contactChart(request));
    } finally {
      await other.close();
    }
  });

  it('gives each account its own zone and its own data', async () => {
    const ny = new TellodyClient({ baseUrl: sandbox.baseUrl, credentials: { username: 'ny', password: 'ny-pass' } });
    const nyCal: Calendar = { zone: 'America/New_York', weekStart: 0 };
    const nyDay = windowAround(Date.parse('2026-11-01T12:00:00Z'), 'day', nyCal); // New York falls back
    const chart = await ny.contactChart({ ...nyDay, unit: 'hour', window: 'day', dow: 0 });
    expect(chart.contactsAdded).toHaveLength(25);
    const athensWeek = windowAround(Date.parse('2026-11-18T12:00:00Z'), 'week', athens());
    const a = await tellody.contactChart({ ...athensWeek, unit: 'day', window: 'week', dow: 1 });
    const error = await ny.contactChart({ ...athensWeek, unit: 'day', window: 'week', dow: 1 }).catch((e: Error) => e);
    expect(String(error)).toMatch(/America\/New_York/); // an Athens week is not a New York week
    const nyWeek = windowAround(Date.parse('2026-11-18T12:00:00Z'), 'week', { zone: 'America/New_York', weekStart: 1 });
    const b = await ny.contactChart({ ...nyWeek, unit: 'day', window: 'week', dow: 1 });
    expect(b).not.toEqual(a);
  });

  it('has no activity before 2015', async () => {
    const chart = await chartOf('2014-06-01T00:00:00Z', 'year', 'month');
    expect(sum(chart.contactsAdded) + sum(chart.contactsServed)).toBe(0);
  });
});

describe('sandbox protocol and errors', () => {
  const july21 = { from: 1437426000000, to: 1437512399999, unit: 'hour', window: 'day', dow: 0 };

  it('answers a report or UserInfo without a session with 401', async () => {
    const raw = rawSession(sandbox.baseUrl);
    expect((await raw.chart(july21)).status).toBe(401);
    expect((await raw.send('UserInfo', { token: await raw.ping() })).status).toBe(401);
  });

  it('answers a wrong XSRF token with 403, and the pre-login token after login too', async () => {
    const raw = rawSession(sandbox.baseUrl);
    const before = await raw.ping();
    expect((await raw.login()).status).toBe(200);
    expect((await raw.chart(july21, 'not-the-token')).status).toBe(403);
    expect((await raw.chart(july21, before)).status).toBe(403);
    expect((await raw.chart(july21)).status).toBe(200);
  });

  it('refuses login with a wrong token before looking at credentials', async () => {
    const raw = rawSession(sandbox.baseUrl);
    await raw.ping();
    const body = new URLSearchParams({ username: 'demo', password: 'demo' });
    const headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
    expect((await raw.send('login', { method: 'POST', body, headers, token: 'forged' })).status).toBe(403);
  });

  it('answers bad credentials with 401 and the documented body', async () => {
    const response = await rawSession(sandbox.baseUrl).login('demo', 'nope');
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ 'access-denied': true, cause: 'badCredentials', message: 'Bad credentials' });
  });

  it.each([
    ['an unknown unit', { ...july21, unit: 'minute' }, /unit/],
    ['an unknown window', { ...july21, window: 'decade' }, /window/],
    ['a unit not smaller than the window', { ...july21, unit: 'day' }, /cannot be split/],
    ['from after to', { ...july21, from: july21.to + 1 }, /after/],
    ['a non-numeric from', { ...july21, from: '1437426000000' }, /epoch/],
    ['a missing dow', { from: july21.from, to: july21.to, unit: 'hour', window: 'day' }, /dow/],
    ['a dow out of range', { ...july21, dow: 7 }, /dow/],
    ['a window not aligned to the zone', { ...july21, from: july21.from + 3_600_000 }, /first and last/],
    ['a body that is not JSON', '{"from": 1', /JSON/],
    ['an array body', [1, 2], /object/],
  ])('answers %s with 400 and a message', async (_what, body, message) => {
    const raw = rawSession(sandbox.baseUrl);
    await raw.login();
    const response = await raw.chart(body);
    expect(response.status).toBe(400);
    expect((response.body as { message: string }).message).toMatch(message);
  });

  it('follows the docs’ sample: 21 July 2015 by hour in Athens has 24 buckets', async () => {
    const raw = rawSession(sandbox.baseUrl);
    await raw.login();
    const response = await raw.chart(july21);
    expect(response.status).toBe(200);
    expect((response.body as ContactChart).contactsAdded).toHaveLength(24);
    expect(floorTo(july21.from, 'day', athens(0))).toBe(july21.from);
  });

  it('runs Tellody’s three documented Python samples verbatim, in order, with exactly their requests', async () => {
    const script = new URL('../../support/tellody_docs_samples.py', import.meta.url).pathname;
    const logged = sandbox.log.length;
    const { stdout } = await promisify(execFile)('python3', [script, sandbox.baseUrl, 'demo', 'demo', 'n']);
    const [login = '', balance = '', report = ''] = stdout.split(/^### .*$/m).slice(1);
    expect(login.trim()).toBe("{'status': 'success', 'message': 'You have logged in with success.'}");
    const user = JSON.parse(balance.replace('Retrieving user info...', '')) as Record<string, unknown>;
    expect(user).toMatchObject({ username: 'demo', creditsAvailable: expect.any(Number) });
    const chart = JSON.parse(report) as ContactChart;
    for (const series of Object.values(chart)) expect(series).toHaveLength(24);
    // Get Balance reads UserInfo with the session cookie and no XSRF header: a GET, so no token is needed.
    const base = new URL(sandbox.baseUrl).pathname;
    expect(sandbox.log.slice(logged).map((entry) => entry.replace(base, ''))).toEqual([
      'GET RememberMeController/ping 200',
      'POST login 200',
      'GET RememberMeController/ping 200',
      'POST login 200',
      'GET UserInfo 200',
      'GET RememberMeController/ping 200',
      'POST Report/ContactChart 200',
    ]);
  });

  it('still refuses a state-changing call without the session’s XSRF token, and lets a GET through', async () => {
    const raw = rawSession(sandbox.baseUrl);
    await raw.login();
    expect((await raw.send('UserInfo')).status).toBe(200);
    const headers = { 'Content-Type': 'application/json' };
    const noToken = await raw.send('Report/ContactChart', { method: 'POST', body: JSON.stringify(july21), headers });
    expect(noToken.status).toBe(403);
  });
});
