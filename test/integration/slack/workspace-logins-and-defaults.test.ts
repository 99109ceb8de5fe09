import { afterEach, describe, expect, it } from 'vitest';
import { resolvePeriod } from '../../../src/period/index.js';
import { loadWorkspace, sourceOf } from '../../../src/slack/workspace.js';
import { startSandbox } from '../../../src/tellody/sandbox/server.js';
import { TellodyPool } from '../../../src/tellody/tellody-pool.js';
import { ACTIONS } from '../../../src/views/ids.js';
import { answerTo, homeOf } from '../../support/home-tab.js';
import { expectLogged } from '../../support/log-lines.js';
import { fillModal } from '../../support/modal-filling.js';
import { type AppHarness, type AppHarnessOptions, slackAppHarness } from '../../support/slack-app-harness.js';

let h: AppHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function app(options: AppHarnessOptions = {}) {
  h = await slackAppHarness(options);
  return h;
}

type View = { blocks: Record<string, unknown>[] };

async function settingsModalOf(a: AppHarness, team: string): Promise<View> {
  const before = a.slack.callsTo('views.update').length;
  await a.click(
    { type: 'button', action_id: ACTIONS.openSettings },
    { team, user: 'UADMIN', container: { type: 'view', view_id: 'V1' } },
  );
  const [update] = (await a.slack.waitForCalls('views.update', before + 1)).slice(-1);
  return update?.args.view as View;
}

describe('workspaces on different Tellody accounts', () => {
  it('each see their own account’s numbers for the same settled period, never the other’s', async () => {
    // Two accounts in the same zone: the same period is the very same question to Tellody.
    const a = await app({ accounts: [{ username: 'other', password: 'other-pass', zone: 'Europe/Athens', seed: 5 }] });
    await a.deps.credentials.set('TDEMO', { username: 'demo', password: 'demo' }, a.clock.now());
    await a.deps.credentials.set('TOTHER', { username: 'other', password: 'other-pass' }, a.clock.now());
    const demo = await answerTo(a, '2 weeks ago', 'TDEMO');
    const other = await answerTo(a, '2 weeks ago', 'TOTHER');
    expect(demo).toMatch(/^[\d,]+ new contacts/);
    expect(other).toMatch(/^[\d,]+ new contacts/);
    expect(other).not.toBe(demo);
    expect(await answerTo(a, '2 weeks ago', 'TDEMO')).toBe(demo);
  });
});

describe('a workspace that moves to another Tellody account', () => {
  it('sees the new account’s numbers for a period it already asked about, not the old account’s', async () => {
    const a = await app({ accounts: [{ username: 'other', password: 'other-pass', zone: 'Europe/Athens', seed: 5 }] });
    await a.deps.credentials.set('TMOVE', { username: 'demo', password: 'demo' }, a.clock.now());
    const before = await answerTo(a, '2 weeks ago', 'TMOVE');
    await a.deps.credentials.set('TMOVE', { username: 'other', password: 'other-pass' }, a.clock.now());
    const after = await answerTo(a, '2 weeks ago', 'TMOVE');
    expect(after).toMatch(/^[\d,]+ new contacts/);
    expect(after).not.toBe(before);
  });

  it('shows its own username in the settings form, ready to be kept', async () => {
    const a = await app();
    await a.deps.credentials.set('TOWN', { username: 'demo', password: 'demo' }, a.clock.now());
    expect(JSON.stringify(await settingsModalOf(a, 'TOWN'))).toContain('"initial_value":"demo"');
  });
});

describe('a workspace on the deployment’s Tellody login (TELLODY_USERNAME/PASSWORD)', () => {
  const deployment = { env: { TELLODY_USERNAME: 'ny', TELLODY_PASSWORD: 'ny-pass' } };

  it('is connected to it, but its settings form does not show the deployment’s username', async () => {
    const a = await app(deployment);
    expect(await homeOf(a, 'TDEPLOY')).toContain('connected as `ny`');
    const modal = JSON.stringify(await settingsModalOf(a, 'TDEPLOY'));
    expect(modal).not.toContain('"initial_value":"ny"');
  });

  it('keeps using it, saving no login of its own, when an admin changes only the time zone', async () => {
    const a = await app(deployment);
    const modal = await settingsModalOf(a, 'TDEPLOY');
    const saved = await a.submit(fillModal(modal, { 'Report time zone': 'America/New_York' }), {
      team: 'TDEPLOY',
      user: 'UADMIN',
    });
    expect(saved.status).toBe(200);
    expect(saved.text).toBe('');
    expect((await a.deps.settings.get('TDEPLOY'))?.zone).toBe('America/New_York');
    expect(await a.deps.credentials.get('TDEPLOY')).toBeUndefined();
    expect(await answerTo(a, 'last week', 'TDEPLOY')).toMatch(/^[\d,]+ new contacts/);
  });
});

describe('a workspace that has chosen no settings', () => {
  it('reports in the deployment’s default zone and week start', async () => {
    const a = await app({ env: { DEFAULT_TIMEZONE: 'America/New_York', DEFAULT_WEEK_START: 'wednesday' } });
    const home = await homeOf(a, 'TDEFAULTS');
    expect(home).toContain('*Weeks start on*\\nWednesday');
    expect(home).toContain('*Report time zone*\\nAmerica/New_York');
  });
});

describe('a stored Tellody login the app cannot make sense of (not a key problem)', () => {
  it('is not passed off as unreadable or as no login: the person is told it went wrong, the operator why', async () => {
    const logs: string[] = [];
    const a = await app({ env: { LOG_LEVEL: 'warn' }, logSink: (line) => logs.push(line) });
    await a.deps.store.keyv.set('ws:TODD:tellody', { username: 'demo' });
    const answer = await answerTo(a, 'last week', 'TODD');
    expect(answer).toMatch(/^Something went wrong on our side/);
    await expectLogged(logs, '[ERROR] contacts /contacts failed: ZodError: ');
  });
});

describe('a deployment moved to another Tellody (a new TELLODY_BASE_URL, the same store)', () => {
  it('shows the new Tellody’s numbers for a login of the same name, not what the old one answered', async () => {
    const a = await app();
    const elsewhere = await startSandbox({
      now: a.clock.now,
      accounts: [{ username: 'demo', password: 'demo', zone: 'Europe/Athens', seed: 9 }],
    });
    try {
      await a.deps.credentials.set('TMOVED', { username: 'demo', password: 'demo' }, a.clock.now());
      const workspace = await loadWorkspace(a.deps, 'TMOVED');
      const period = resolvePeriod('2 weeks ago', { ...workspace.settings, now: a.clock.now() });
      const before = await a.deps.reports.message(workspace.id, sourceOf(a.deps, workspace), period);
      const moved = { ...a.deps, tellody: new TellodyPool(elsewhere.baseUrl, { fetch }) };
      const after = await a.deps.reports.message(workspace.id, sourceOf(moved, workspace), period);
      expect(before.text).toMatch(/^[\d,]+ new contacts/);
      expect(after.text).toMatch(/^[\d,]+ new contacts/);
      expect(after.text).not.toBe(before.text);
      expect(elsewhere.calls.get('/CampaignCloud/Report/ContactChart')).toBeGreaterThan(0);
    } finally {
      await elsewhere.close();
    }
  });
});
