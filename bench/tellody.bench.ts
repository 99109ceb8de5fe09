import { windowAround } from '../src/period/calendar.js';
import { TellodyClient } from '../src/tellody/client.js';
import { startSandbox } from '../src/tellody/sandbox/server.js';
import { measure } from './harness.js';

export async function benchTellody(): Promise<void> {
  const now = Date.parse('2026-11-27T10:00:00Z');
  const sandbox = await startSandbox({ now: () => now });
  const cal = { zone: 'Europe/Athens', weekStart: 1 } as const;
  const client = new TellodyClient({ baseUrl: sandbox.baseUrl, credentials: { username: 'demo', password: 'demo' } });
  try {
    const week = windowAround(Date.parse('2026-11-18T12:00:00Z'), 'week', cal);
    await measure('tellody: client → sandbox, a week by day over HTTP', () =>
      client.contactChart({ ...week, unit: 'day', window: 'week', dow: 1 }),
    );
    const year = windowAround(Date.parse('2025-06-01T00:00:00Z'), 'year', cal);
    await measure('tellody: client → sandbox, a year by day over HTTP', () =>
      client.contactChart({ ...year, unit: 'day', window: 'year', dow: 1 }),
    );
    console.log(`tellody: logins for all of the above: ${client.loginCount}`);
  } finally {
    await sandbox.close();
  }
}
