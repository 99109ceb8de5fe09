import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../../src/views/ids.js';
import { latestHome } from '../../support/home-tab.js';
import { expectLogged } from '../../support/log-lines.js';
import {
  type AppHarness,
  connectedAppHarness,
  settingsValues,
  slackAppHarness,
} from '../../support/slack-app-harness.js';

/** Slack's answer to a settings submission: '' when saved, else the errors by field. */
const errorsOf = (result: { text: string }): Record<string, string> =>
  result.text === '' ? {} : (JSON.parse(result.text) as { errors: Record<string, string> }).errors;

describe('the Tellody login in the settings form of a workspace that has one', () => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await connectedAppHarness();
  });
  afterAll(() => h.close());

  it('is kept when the admin leaves the username as it is and the password empty', async () => {
    const result = await h.submit(settingsValues({ zone: 'Europe/Berlin', username: 'demo' }), { team: 'T1' });
    expect(errorsOf(result)).toEqual({});
    expect(await h.deps.credentials.get('T1')).toEqual({ username: 'demo', password: 'demo' });
    expect(await h.deps.settings.get('T1')).toMatchObject({ zone: 'Europe/Berlin' });
  });

  it('is replaced only by a new password Tellody accepts: a wrong one typed for the same username is refused', async () => {
    const result = await h.submit(settingsValues({ username: 'demo', password: 'not-demo' }), { team: 'T1' });
    expect(errorsOf(result)).toEqual({ settings_tellody_password: 'Tellody refused this login: Bad credentials.' });
    expect(await h.deps.credentials.get('T1')).toEqual({ username: 'demo', password: 'demo' });
  });
});

describe('the Home tab published after a login is saved', () => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await slackAppHarness();
  });
  afterAll(() => h.close());

  it('shows the account connected and, to whoever was just found allowed to save, the editing controls', async () => {
    // Slack says UUSER is an admin when the submission is checked (and would say otherwise if asked again).
    h.slack.answerNext('users.info', { ok: true, user: { id: 'UUSER', is_admin: true } });
    const lookups = h.slack.callsTo('users.info').length;
    const published = h.slack.callsTo('views.publish').length;
    const result = await h.submit(settingsValues({ username: 'ny', password: 'ny-pass' }), {
      team: 'T2',
      user: 'UUSER',
    });
    expect(errorsOf(result)).toEqual({});
    const home = await latestHome(h, published);
    expect(home.user).toBe('UUSER');
    expect(home.text).toContain('*Tellody:* connected as `ny`');
    expect(home.text).toContain(ACTIONS.openSettings);
    expect(h.slack.callsTo('users.info').length).toBe(lookups + 1);
  });
});

describe('a new login Tellody is slow to check', () => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await slackAppHarness({ deadlines: { loginCheckMs: 300 } });
  });
  afterEach(() => {
    h.sandbox.faults.latencyMs = 0;
  });
  afterAll(() => h.close());

  it('is given up at the login-check deadline: the person is told Tellody could not be reached, nothing is saved', async () => {
    h.sandbox.faults.latencyMs = 1000;
    const result = await h.submit(settingsValues({ username: 'demo', password: 'demo' }), { team: 'T3' });
    expect(errorsOf(result)).toEqual({
      settings_tellody_password:
        'Tellody could not be reached to check this login. Nothing was saved; please try again.',
    });
    expect(await h.deps.credentials.get('T3')).toBeUndefined();
    expect(await h.deps.settings.get('T3')).toBeUndefined();
  });
});

describe('a fault of our own while checking a login', () => {
  let h: AppHarness;
  const logs: string[] = [];
  beforeAll(async () => {
    // A login-check deadline no timer can keep (a fraction of a millisecond): checking throws a RangeError, not a Tellody error.
    h = await slackAppHarness({ deadlines: { loginCheckMs: 0.5 }, logSink: (line) => logs.push(line) });
  });
  afterAll(() => h.close());

  it('is not blamed on Tellody: the person reads it went wrong on our side, the operator’s log says what', async () => {
    const result = await h.submit(settingsValues({ username: 'demo', password: 'demo' }), { team: 'T4' });
    expect(errorsOf(result)).toEqual({
      settings_week_start: 'Something went wrong on our side; nothing was saved. Please try again.',
    });
    await expectLogged(logs, 'settings submission failed: RangeError');
    expect(await h.deps.credentials.get('T4')).toBeUndefined();
  });
});
