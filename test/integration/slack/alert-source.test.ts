import { afterEach, describe, expect, it } from 'vitest';
import { runAlertCheck } from '../../../src/alerts/check.js';
import { alertDeps } from '../../../src/slack/alert-deps.js';
import { SecretBox } from '../../../src/store/secret-box.js';
import { TellodyCredentialsRepository } from '../../../src/store/tellody-credentials.js';
import { someAlertSettings } from '../../support/alert-settings.js';
import { recordingLogger } from '../../support/quiet-logger.js';
import { type AppHarness, slackAppHarness } from '../../support/slack-app-harness.js';

let h: AppHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** An app whose workspace T1 has alerts set up in #alerts, on a Monday at 12:10 in Athens. */
async function appWithAlerts(env: Record<string, string> = {}): Promise<AppHarness> {
  const app = await slackAppHarness({ now: '2026-11-30T10:10:00Z', env });
  await app.deps.alerts.setSettings('T1', someAlertSettings('CALERT'));
  return app;
}

describe('an alert check of a workspace Tellody cannot be asked for', () => {
  it('records “not connected” when no Tellody login was ever saved, and posts nothing', async () => {
    h = await appWithAlerts();
    const logger = recordingLogger();
    expect(await runAlertCheck(alertDeps(h.deps, logger), 'T1')).toMatchObject({ outcome: 'no-data' });
    expect((await h.deps.alerts.state('T1'))?.problem?.kind).toBe('not-connected');
    expect(logger.lines).toContain('warn alerts T1: no check (not-connected )');
    expect(h.slack.messages).toEqual([]);
    expect(h.sandbox.calls.get('/CampaignCloud/Report/ContactChart') ?? 0).toBe(0);
  });

  it('records “login unreadable” when no key opens the saved login, asking Tellody nothing', async () => {
    h = await appWithAlerts();
    await new TellodyCredentialsRepository(h.deps.store, new SecretBox('0a'.repeat(32))).set(
      'T1',
      { username: 'demo', password: 'demo' },
      1,
    );
    const logger = recordingLogger();
    expect(await runAlertCheck(alertDeps(h.deps, logger), 'T1')).toMatchObject({ outcome: 'no-data' });
    expect((await h.deps.alerts.state('T1'))?.problem?.kind).toBe('login-unreadable');
    expect(logger.lines).toContain('warn alerts T1: no check (login-unreadable )');
    expect(h.slack.messages).toEqual([]);
    expect(h.sandbox.calls.get('/CampaignCloud/Report/ContactChart') ?? 0).toBe(0);
  });
});
