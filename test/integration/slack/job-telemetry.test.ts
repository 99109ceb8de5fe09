import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertRunner } from '../../../src/alerts/alert-runner.js';
import { DigestRunner } from '../../../src/digest/digest-runner.js';
import { someAlertSettings } from '../../support/alert-settings.js';
import { aDigestSchedule } from '../../support/digest-schedule.js';
import { capturedLog } from '../../support/log-lines.js';
import { type AppHarness, slackAppHarness } from '../../support/slack-app-harness.js';

/*
 * Each scheduled job's run for a workspace is one log line (job, workspace, outcome, duration)
 * and one count: at info when it did something, at debug when there was nothing to do, so a
 * thousand workspaces looked at every minute do not bury the runs that posted.
 */

const log = capturedLog('debug');
let h: AppHarness;
beforeAll(async () => {
  h = await slackAppHarness({
    now: '2026-11-30T09:00:30+02:00', // a Monday, in the digest's minute
    env: { TELLODY_USERNAME: 'demo', TELLODY_PASSWORD: 'demo', LOG_LEVEL: 'debug' },
    log: log.log,
  });
});
afterAll(() => h.close());

const runs = () => log.records.filter((r) => r.msg === 'job run');
const count = async (name: string, outcome: string) =>
  (await h.deps.metrics.registry.getSingleMetric(name)?.get())?.values.find((v) => v.labels.outcome === outcome)?.value;

describe('a digest run', () => {
  it('is logged with its workspace, outcome and duration, and counted by outcome', async () => {
    await h.deps.digests.setSchedule('T1', aDigestSchedule('CDIGEST'));
    await new DigestRunner(h.deps.jobs.digest).tick();
    expect(h.slack.messagesIn('CDIGEST')).toHaveLength(1);
    expect(runs()).toEqual([
      expect.objectContaining({
        level: 'info',
        job: 'digest',
        workspace: 'T1',
        outcome: 'posted',
        durationMs: expect.any(Number),
      }),
    ]);
    expect(await count('contacts_digest_runs_total', 'posted')).toBe(1);
  });

  it('that finds nothing to do is logged at debug only, and counted', async () => {
    // Due again at once, as a settings save makes it: the run finds the week posted.
    await h.deps.digests.due.touch('T1');
    await new DigestRunner(h.deps.jobs.digest).tick();
    expect(runs().at(-1)).toMatchObject({ level: 'debug', job: 'digest', workspace: 'T1', outcome: 'not-due' });
    expect(await count('contacts_digest_runs_total', 'not-due')).toBe(1);
  });
});

describe('an alert check', () => {
  it('is logged and counted under its own name', async () => {
    await h.deps.alerts.setSettings('T1', someAlertSettings('CALERTS'));
    await new AlertRunner(h.deps.jobs.alerts).tick();
    const line = runs().at(-1);
    expect(line).toMatchObject({ job: 'alerts', workspace: 'T1', durationMs: expect.any(Number) });
    expect(await count('contacts_alert_checks_total', String(line?.outcome))).toBe(1);
  });
});
