import { type ChildProcess, spawn } from 'node:child_process';
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { TellodyClient } from '../../../src/tellody/client.js';
import { npmScript } from '../../support/npm-script.js';

let child: ChildProcess | undefined;
afterEach(() => {
  // npm runs tsx runs node: end the whole process group, not just npm.
  if (child?.pid) process.kill(-child.pid, 'SIGTERM');
  child = undefined;
});

/** Starts `npm run sandbox -- …` on a free port and returns its base URL from the line it prints. */
async function sandbox(...args: string[]): Promise<string> {
  child = spawn('npm', ['run', '--silent', 'sandbox', '--', '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the sandbox did not start')), 15_000);
    child?.stdout?.on('data', (chunk: Buffer) => {
      const url = chunk.toString().match(/http:\/\/127\.0\.0\.1:\d+\/CampaignCloud\//)?.[0];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    });
  });
}

describe('npm run sandbox', () => {
  it('serves the demo account in the zone it is given, and extra accounts in theirs', async () => {
    const base = await sandbox('--tz', 'America/New_York', '--account', 'acme:pw:Asia/Kolkata');
    const day = (zone: string) => {
      const from = DateTime.fromISO('2026-11-01', { zone }).startOf('day');
      return {
        from: from.toMillis(),
        to: from.plus({ days: 1 }).toMillis() - 1,
        unit: 'hour',
        window: 'day',
        dow: 0,
      } as const;
    };
    const demo = new TellodyClient({ baseUrl: base, credentials: { username: 'demo', password: 'demo' } });
    expect((await demo.contactChart(day('America/New_York'))).contactsAdded).toHaveLength(25); // New York falls back
    const acme = new TellodyClient({ baseUrl: base, credentials: { username: 'acme', password: 'pw' } });
    expect((await acme.contactChart(day('Asia/Kolkata'))).contactsAdded).toHaveLength(24);
    await expect(acme.contactChart(day('America/New_York'))).rejects.toThrow(/Asia\/Kolkata/);
  });

  it('injects a spike and an outage from the command line', async () => {
    const zone = 'Europe/Athens';
    const base = await sandbox(
      '--spike',
      'contactsBlocked:10x:from=2025-11-03T00:00:00+02:00',
      '--outage',
      'contactsAdded:from=2025-11-03T00:00:00+02:00:to=2025-11-04T00:00:00+02:00',
    );
    const day = (iso: string) => {
      const from = DateTime.fromISO(iso, { zone }).startOf('day');
      return {
        from: from.toMillis(),
        to: from.plus({ days: 1 }).toMillis() - 1,
        unit: 'hour',
        window: 'day',
        dow: 1,
      } as const;
    };
    const demo = new TellodyClient({ baseUrl: base, credentials: { username: 'demo', password: 'demo' } });
    const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
    const before = await demo.contactChart(day('2025-10-27'));
    const during = await demo.contactChart(day('2025-11-03'));
    expect(sum(during.contactsAdded)).toBe(0);
    expect(sum(before.contactsAdded)).toBeGreaterThan(0);
    expect(sum(during.contactsBlocked)).toBeGreaterThan(5 * Math.max(1, sum(before.contactsBlocked)));
    expect(sum((await demo.contactChart(day('2025-11-04'))).contactsAdded)).toBeGreaterThan(0);
  });

  it('turns the fault knobs on from the command line', async () => {
    const base = await sandbox('--error-rate', '1');
    expect((await fetch(`${base}RememberMeController/ping`)).status).toBe(503);
  });

  it.each([
    [['--tz', 'Nowhere/Land'], /not an IANA time zone/],
    [['--error-rate', '2'], /--error-rate must be a number from 0 to 1/],
    [['--account', 'no-colons'], /is not user:password:Zone\/Name/],
    [['--spike', 'contactsBlocked:lots:from=2026-11-30T09:00Z'], /--spike .* is not series:<factor>x:from=ISO/],
    [['--outage', 'contactsAdded:from=2026-11-30T09:00Z:to=2026-11-30T08:00Z'], /to= must come after from=/],
  ])('refuses %j with exit 2 and a message', async (args, message) => {
    const result = await npmScript('sandbox', ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
