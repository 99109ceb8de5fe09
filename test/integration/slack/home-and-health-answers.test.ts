import { afterEach, describe, expect, it } from 'vitest';
import { someAlertSettings } from '../../support/alert-settings.js';
import { aCheckedDay } from '../../support/home-sections.js';
import { latestHome } from '../../support/home-tab.js';
import { type AppHarness, slackAppHarness } from '../../support/slack-app-harness.js';

let h: AppHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('/healthz', () => {
  it('answers JSON, said so in its Content-Type, for a load balancer or an operator’s curl', async () => {
    h = await slackAppHarness();
    const answer = await fetch(`${h.base}/healthz`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(await answer.json()).toEqual({ ok: true, store: 'sqlite' });
  });
});

describe('the alerts section of the Home tab on a new day', () => {
  it('does not show yesterday’s checks as today’s: the day’s first check has not run yet', async () => {
    h = await slackAppHarness({ now: '2026-11-30T10:10:00Z' }); // Monday 12:10 in Athens
    const yesterday = Date.parse('2026-11-29T21:45:00Z'); // Sunday 23:45 in Athens
    await h.deps.alerts.setSettings('T1', someAlertSettings('CMKT'));
    await h.deps.alerts.setState('T1', aCheckedDay(yesterday, { day: '2026-11-29' }));
    const before = h.slack.callsTo('views.publish').length;
    await h.event({ type: 'app_home_opened', user: 'UUSER', channel: 'D1', tab: 'home', event_ts: '1.1' });
    const { text } = await latestHome(h, before);
    expect(text).toContain('Same-day alerts');
    expect(text).not.toContain('nothing unusual');
    expect(text).not.toContain('Sun 29 Nov');

    // The same state dated today is shown.
    await h.deps.alerts.setState('T1', aCheckedDay(h.clock.now(), { day: '2026-11-30' }));
    const again = h.slack.callsTo('views.publish').length;
    await h.event({ type: 'app_home_opened', user: 'UUSER', channel: 'D1', tab: 'home', event_ts: '1.2' });
    expect((await latestHome(h, again)).text).toContain('nothing unusual');
  });
});
