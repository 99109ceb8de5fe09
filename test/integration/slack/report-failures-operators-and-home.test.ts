import { afterEach, describe, expect, it } from 'vitest';
import { SecretBox } from '../../../src/store/secret-box.js';
import { TellodyCredentialsRepository } from '../../../src/store/tellody-credentials.js';
import { ACTIONS, CALLBACKS, DIGEST_ACTIONS } from '../../../src/views/ids.js';
import { answerTo, homeOf } from '../../support/home-tab.js';
import { expectLogged } from '../../support/log-lines.js';
import {
  type AppHarness,
  type AppHarnessOptions,
  digestValues,
  slackAppHarness,
} from '../../support/slack-app-harness.js';

let h: AppHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** An app on a new ENCRYPTION_KEY whose workspace T1 saved its Tellody login under the old one. */
async function appAfterKeyChange(lines: string[], options: AppHarnessOptions = {}) {
  const app = await appLoggingTo(lines, { ...options, env: { ENCRYPTION_KEY: '0b'.repeat(32) } });
  await new TellodyCredentialsRepository(app.deps.store, new SecretBox('0a'.repeat(32))).set(
    'T1',
    { username: 'demo', password: 'demo' },
    1,
  );
  return app;
}

/** The app at warn level, writing its lines into `lines`. */
async function appLoggingTo(lines: string[], options: AppHarnessOptions = {}) {
  const app = await slackAppHarness({
    ...options,
    env: { LOG_LEVEL: 'warn', ...options.env },
    logSink: (line) => lines.push(line),
  });
  h = app;
  return app;
}

describe('a report that fails, as the operator reads it', () => {
  it('is one warning naming the workspace, the kind of failure and Tellody’s words', async () => {
    const lines: string[] = [];
    const app = await appLoggingTo(lines);
    await app.deps.credentials.set('TREFUSED', { username: 'demo', password: 'not-demo' }, app.clock.now());
    expect(await answerTo(app, 'last week', 'TREFUSED')).toContain('refused');
    await expectLogged(lines, '[WARN] contacts report for TREFUSED failed: tellody-credentials: Bad credentials');
  });

  it('is no warning at all when the report is made', async () => {
    const lines: string[] = [];
    const app = await appLoggingTo(lines);
    await app.deps.credentials.set('TFINE', { username: 'demo', password: 'demo' }, app.clock.now());
    expect(await answerTo(app, 'last week', 'TFINE')).toMatch(/^[\d,]+ new contacts/);
    expect(lines.filter((line) => line.includes('report for'))).toEqual([]);
  });

  it('tells people and admins the login must be entered again when the key was changed', async () => {
    const app = await appAfterKeyChange([]);
    expect(await answerTo(app, 'last week', 'T1')).toContain('saved Tellody login can no longer be read');
    expect(await homeOf(app, 'T1')).toContain(
      '*Tellody:* This workspace’s saved Tellody login can no longer be read (the app’s encryption key was changed), so there is no report. An admin must enter it again.',
    );
  });
});

describe('a digest sent for a workspace whose login cannot be read', () => {
  it('tells the operator that no encryption key opens the saved password', async () => {
    const lines: string[] = [];
    const app = await appAfterKeyChange(lines, { channels: { CMKT: { name: 'marketing', is_member: true } } });
    const saved = await app.submit(digestValues({ channel: 'CMKT' }), { user: 'UADMIN' }, CALLBACKS.digest);
    expect(saved.status).toBe(200);
    await app.click(
      { type: 'button', action_id: DIGEST_ACTIONS.sendNow },
      { user: 'UADMIN', container: { type: 'view', view_id: 'V1' } },
    );
    await expectLogged(lines, ': login-unreadable no encryption key opens the saved password');
    expect(app.slack.messagesIn('CMKT')).toHaveLength(0);
  });
});

describe('the Home tab of a workspace with no Tellody account', () => {
  it('says it is not connected yet and asks Tellody nothing', async () => {
    const app = await appLoggingTo([]);
    const asked = app.sandbox.log.length;
    const home = await homeOf(app, 'TNEW');
    expect(home).toContain('*Tellody:* not connected yet — reports need a Tellody account.');
    expect(home).not.toContain('This week so far');
    expect(app.sandbox.log.length).toBe(asked);
  });
});

describe('the Home tab while Tellody is slow', () => {
  it('says it is waiting for Tellody until the account and report come', async () => {
    const app = await appLoggingTo([], { deadlines: { fetchingNoticeMs: 200, answerMs: 1000 } });
    await app.deps.credentials.set('T1', { username: 'demo', password: 'demo' }, app.clock.now());
    app.sandbox.faults.latencyMs = 1500;
    const before = app.slack.callsTo('views.publish').length;
    await app.event({ type: 'app_home_opened', user: 'UADMIN', channel: 'D1', tab: 'home' });
    const views = (await app.slack.waitForCalls('views.publish', before + 3, 20_000))
      .slice(before)
      .map((p) => JSON.stringify(p.args.view));
    expect(views).toHaveLength(3);
    expect(views[0]).toContain('*Tellody:* waiting for Tellody…');
    expect(views[0]).toContain('Fetching from Tellody');
    expect(views[1]).toContain('*Tellody:* waiting for Tellody…');
    expect(views[1]).toContain('Tellody is slow right now');
    expect(views[2]).not.toContain('waiting for Tellody');
    expect(views[2]).toContain('connected as `demo`');
  });
});

describe('the chart of a report', () => {
  it('comes from the deployment’s own QuickChart host', async () => {
    const app = await appLoggingTo([], { env: { QUICKCHART_HOST: 'https://charts.example.org' } });
    await app.deps.credentials.set('TCHART', { username: 'demo', password: 'demo' }, app.clock.now());
    const [post] = await app.slack.waitForPosts((await app.command('last week', { team: 'TCHART' })).id);
    const images = JSON.stringify(post?.body.blocks).match(/"image_url":"[^"]*"/g) ?? [];
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(/^"image_url":"https:\/\/charts\.example\.org\/chart\?/);
  });
});

describe('the Home tab of a connected workspace', () => {
  it('shows this week’s report for the person alone: no button to share it in a channel', async () => {
    const app = await appLoggingTo([]);
    await app.deps.credentials.set('THOME', { username: 'demo', password: 'demo' }, app.clock.now());
    const home = await homeOf(app, 'THOME');
    expect(home).toContain('This week so far');
    expect(home).toContain('connected as `demo`');
    expect(home).not.toContain(ACTIONS.share);
    // The same report asked for in a channel may be shared.
    const [post] = await app.slack.waitForPosts((await app.command('this week', { team: 'THOME' })).id);
    expect(JSON.stringify(post?.body.blocks)).toContain(ACTIONS.share);
  });

  it('says Tellody could not be reached, in those words, when it is down', async () => {
    const app = await appLoggingTo([]);
    await app.deps.credentials.set('TDOWN', { username: 'demo', password: 'demo' }, app.clock.now());
    app.sandbox.faults.errorRate = 1;
    const home = await homeOf(app, 'TDOWN');
    expect(home).toContain('*Tellody:* Tellody could not be reached just now.');
    expect(home).not.toContain('refused');
  });
});
