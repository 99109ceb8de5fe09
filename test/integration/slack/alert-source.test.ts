import { afterEach, describe, expect, it } from 'vitest';
import { runAlertCheck } from '../../../src/alerts/check.js';
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
async function appWithAlerts(): Promise<AppHarness> {
  const app = await slackAppHarness({ now: '2026-11-30T10:10:00Z' });
  await app.deps.alerts.setSettings('T1', someAlertSettings('CALERT'));
  return app;
}

/** Seals T1's login under a key this app does not have (the app's key was changed since). */
async function sealUnderAnotherKey(app: AppHarness): Promise<void> {
  const elsewhere = new TellodyCredentialsRepository(app.deps.store, new SecretBox('0a'.repeat(32)));
  await elsewhere.set('T1', { username: 'demo', password: 'demo' }, 1);
}

describe('an alert check of a workspace Tellody cannot be asked for', () => {
  it.each([
    ['not-connected', 'no Tellody login was ever saved', async () => {}],
    ['login-unreadable', 'no key opens the saved login', sealUnderAnotherKey],
  ] as const)('records “%s” when %s, posts nothing and asks Tellody nothing', async (kind, _when, arrange) => {
    h = await appWithAlerts();
    await arrange(h);
    const logger = recordingLogger();
    expect(await runAlertCheck({ ...h.deps.jobs.alerts, logger: logger }, 'T1')).toMatchObject({ outcome: 'no-data' });
    expect((await h.deps.alerts.state('T1'))?.problem?.kind).toBe(kind);
    expect(logger.lines).toContain(`warn alerts T1: no check (${kind} )`);
    expect(h.slack.messages).toEqual([]);
    expect(h.sandbox.calls.get('/CampaignCloud/Report/ContactChart') ?? 0).toBe(0);
  });
});
