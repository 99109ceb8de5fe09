/**
 * Test-only entry: one app instance's scheduled jobs (the digest and the alert checks), built from
 * the real config and deps, with the clock pinned by DIGEST_TEST_NOW (ISO), the lease by
 * DIGEST_TEST_LEASE_MS and croner ticking every second instead of every minute or quarter hour.
 * Production never reads these: only this file does.
 * Prints "ready" on stdout once it ticks; logs on stderr; stops on SIGTERM.
 */
import { loadConfig } from '../../src/config.js';
import { composeApp } from '../../src/slack/compose.js';
import { SLACK_RETRIES } from '../../src/slack/slack-client-pool.js';
import { startJobs } from '../../src/slack/start-jobs.js';
import { capturedLog } from './log-lines.js';

const now = Date.parse(process.env.DIGEST_TEST_NOW ?? '');
if (!Number.isFinite(now)) throw new Error('DIGEST_TEST_NOW must be an ISO instant');
const leaseMs = Number(process.env.DIGEST_TEST_LEASE_MS ?? 60_000);

const { log } = capturedLog('info', (line) => process.stderr.write(`[${process.pid}] ${line}\n`));

const deps = composeApp(loadConfig(process.env), { clock: () => now, slackRetries: SLACK_RETRIES.fast, leaseMs, log });
const everySecond = '* * * * * *';
const scheduler = startJobs(deps, { digest: everySecond, alerts: everySecond });
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void scheduler
    .stop()
    .then(() => deps.store.close())
    .finally(() => process.exit(0));
});
