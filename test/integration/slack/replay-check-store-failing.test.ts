import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore } from '../../../src/store/open-store.js';
import { startGuardServer } from '../../support/guard-server.js';
import { capturedLog } from '../../support/log-lines.js';
import { postToSlackApp } from '../../support/signed-request.js';

const SECRET = 'replay-test-secret';
const logger = capturedLog('warn');
let guard: Awaited<ReturnType<typeof startGuardServer>>;

beforeAll(async () => {
  // A real SQLite store, closed: every claim fails at once, as a store that broke mid-run would.
  const store = openStore(`sqlite://${join(mkdtempSync(join(tmpdir(), 'contacts-replay-')), 'contacts.sqlite')}`);
  await store.ready();
  await store.close();
  guard = await startGuardServer({ signingSecret: SECRET, claims: store.claims, log: logger.log });
});
afterAll(() => guard.close());

it('lets a signed request through when the store fails the replay check, telling operators why', async () => {
  const body = JSON.stringify({ type: 'url_verification', challenge: 'c' });
  const result = await postToSlackApp(guard.url, SECRET, body, 'application/json');
  expect(result).toEqual({ status: 200, text: 'admitted' });
  expect(logger.lines).toEqual([
    '[WARN] contacts could not check a Slack request for replay; let through: Error: SQLITE_MISUSE: Database is closed',
  ]);
});
