import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { windowAround } from '../../../src/period/calendar.js';
import { periodToken, resolvePeriod } from '../../../src/period/index.js';
import { MEASURES } from '../../../src/report/report-types.js';
import { workspaceKey } from '../../../src/store/keys.js';
import { TellodyClient } from '../../../src/tellody/client.js';
import { count, MEASURE_NAMES } from '../../../src/views/format.js';
import { ACTIONS, BLOCKS } from '../../../src/views/ids.js';
import { expectValidMessage, expectValidView } from '../../support/block-kit.js';
import { totalsShown } from '../../support/report-reading.js';
import { slackSignature } from '../../support/signed-request.js';
import { type AppHarness, settingsValues, slackAppHarness } from '../../support/slack-app-harness.js';
import { linesOf } from '../../support/view-text.js';

let h: AppHarness;
const NOW = Date.parse('2026-11-27T10:00:00Z');

beforeAll(async () => {
  h = await slackAppHarness();
  await h.deps.credentials.set('T1', { username: 'demo', password: 'demo' }, NOW);
});
afterAll(async () => {
  // Whatever was typed or clicked above, the app never asked Tellody for something it would refuse.
  expect(h.sandbox.statuses.get(400) ?? 0).toBe(0);
  await h.close();
});

type Message = {
  text: string;
  blocks: Record<string, unknown>[];
  response_type?: string;
  replace_original?: boolean;
  delete_original?: boolean;
};
const lastPost = async (id: string, count = 1) => (await h.slack.waitForPosts(id, count)).at(-1)?.body as Message;
const actionsOf = (message: Message) =>
  (message.blocks.find((b) => b.type === 'actions')?.elements as Record<string, unknown>[] | undefined) ?? [];

describe('request signing', () => {
  it('signs exactly as Slack’s published example', () => {
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(slackSignature('8f742231b10e8888abcd99yyyzzz85a5', 1531420618, body)).toBe(
      'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
    );
  });

  it.each([
    ['unsigned', { unsigned: true }],
    ['stale (six minutes old)', { timestamp: Math.floor(Date.now() / 1000) - 360 }],
    ['signed with the wrong secret', { secret: 'not-the-secret' }],
  ])('refuses a %s request with 401 and does nothing', async (_what, sign) => {
    const before = h.slack.posts.length;
    const chartsBefore = h.sandbox.calls.get('/CampaignCloud/Report/ContactChart') ?? 0;
    const result = await h.command('last week', {}, sign);
    expect(result.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.slack.posts.length).toBe(before);
    expect(h.sandbox.calls.get('/CampaignCloud/Report/ContactChart') ?? 0).toBe(chartsBefore);
  });

  it('answers url_verification with the challenge', async () => {
    const result = await h.send(
      JSON.stringify({ type: 'url_verification', challenge: 'c-123', token: 'x' }),
      'application/json',
    );
    expect(result.status).toBe(200);
    expect(result.text).toContain('c-123');
  });

  it('serves /healthz while the store answers', async () => {
    const response = await fetch(`${h.base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, store: 'sqlite' });
  });
});

describe('/contacts', () => {
  it('acks at once and answers privately with last week’s numbers, exactly the sandbox’s', async () => {
    const result = await h.command('last week');
    expect(result.status).toBe(200);
    expect(result.text).toBe('');
    const message = await lastPost(result.id);
    expect(message.response_type).toBe('ephemeral');
    expectValidMessage(message);
    const client = new TellodyClient({
      baseUrl: h.sandbox.baseUrl,
      credentials: { username: 'demo', password: 'demo' },
    });
    const week = windowAround(Date.parse('2026-11-18T12:00:00Z'), 'week', { zone: 'Europe/Athens', weekStart: 1 });
    const chart = await client.contactChart({ ...week, unit: 'day', window: 'week', dow: 1 });
    const sandboxTotals = Object.fromEntries(MEASURES.map((m) => [m, chart[m].reduce((a, b) => a + b, 0)]));
    // Each number beside its own measure's name, in the fields and in the notification text alike.
    expect(totalsShown(message)).toEqual(sandboxTotals);
    for (const measure of MEASURES) {
      expect(message.text).toContain(`${count(sandboxTotals[measure] ?? -1)} ${MEASURE_NAMES[measure].toLowerCase()}`);
    }
    expect(message.text).toContain('Last week · Mon 16 – Sun 22 Nov 2026');
  });

  it('shows the help for “help” and for a phrase it cannot read, saying what was wrong', async () => {
    const help = await lastPost((await h.command('help')).id);
    expectValidMessage(help);
    expect(help.text).toContain('/contacts last week');
    const wrong = await lastPost((await h.command('last wek please')).id);
    expectValidMessage(wrong);
    expect(wrong.text).toContain('wek');
    const future = await lastPost((await h.command('next month')).id);
    expect(future.text).toMatch(/hasn’t started yet/);
  });

  it.each(['help', 'HELP', '?', '-h', '--help', '  help  '])(
    'answers “%s” with the help, in the workspace’s calendar',
    async (text) => {
      const charts = h.sandbox.calls.get('/CampaignCloud/Report/ContactChart') ?? 0;
      const help = await lastPost((await h.command(text)).id);
      expect(help.response_type).toBe('ephemeral');
      expect(help.text).toContain('/contacts last week');
      expect(linesOf(help).at(-1)).toBe(
        'Reports use *Europe/Athens* and weeks start on *Monday* (an admin can change both in the app’s Home tab).',
      );
      expect(h.sandbox.calls.get('/CampaignCloud/Report/ContactChart') ?? 0).toBe(charts);
    },
  );

  it('never calls Tellody with a bad request or answers with a stack trace, whatever is typed', async () => {
    for (const text of ['<@U123> 💥', 'x'.repeat(3000), '2019 to 2025 by hour', '"; DROP TABLE', '\u0000']) {
      const message = await lastPost((await h.command(text)).id);
      expectValidMessage(message);
      expect(JSON.stringify(message)).not.toMatch(/at \w+ \(|node_modules|Error:/);
    }
    expect(h.sandbox.statuses.get(400) ?? 0).toBe(0);
  });

  it('explains a Tellody outage instead of a report', async () => {
    h.sandbox.faults.errorRate = 1;
    try {
      const message = await lastPost((await h.command('Q1 2024')).id);
      expectValidMessage(message);
      expect(message.text).toMatch(/Tellody isn’t answering/);
    } finally {
      h.sandbox.faults.errorRate = 0;
    }
  });

  it('tells a workspace without Tellody how to connect', async () => {
    const message = await lastPost((await h.command('last week', { team: 'T404' })).id);
    expect(message.text).toMatch(/isn’t connected to Tellody yet/);
  });
});

describe('buttons', () => {
  it('steps to the previous period in place', async () => {
    const first = await lastPost((await h.command('last week')).id);
    const previous = actionsOf(first).find((e) => e.action_id === ACTIONS.previous);
    const click = await h.click({ type: 'button', action_id: ACTIONS.previous, value: previous?.value });
    expect(click.status).toBe(200);
    const replaced = await lastPost(click.id);
    expect(replaced.replace_original).toBe(true);
    expect(replaced.text).toContain('2 weeks ago · Mon 9 – Sun 15 Nov 2026');
    expectValidMessage(replaced);
  });

  it('changes the granularity to the one picked from the report’s own menu', async () => {
    const first = await lastPost((await h.command('last week')).id);
    const offered = actionsOf(first).find((e) => e.action_id === ACTIONS.granularity) as
      | { options: { text: { text: string } }[] }
      | undefined;
    const byHour = offered?.options.find((o) => o.text.text === 'By hour');
    expect(byHour).toBeDefined();
    const click = await h.click({ type: 'static_select', action_id: ACTIONS.granularity, selected_option: byHour });
    const replaced = await lastPost(click.id);
    expect(replaced.replace_original).toBe(true);
    // The menu offers "By hour" whatever is shown: what changed is the report's own unit.
    const contextLine = JSON.stringify(replaced.blocks.find((b) => String(b.block_id).startsWith(BLOCKS.context)));
    expect(contextLine).toMatch(/"text":"By hour · Compared with/);
    expect(JSON.stringify(replaced.blocks)).toMatch(/Busiest hour: \*\w{3} \d+ Nov, \d\d:00\*/);
    const menu = actionsOf(replaced).find((e) => e.action_id === ACTIONS.granularity) as
      | { initial_option: { text: { text: string } } }
      | undefined;
    expect(menu?.initial_option.text.text).toBe('By hour');
  });

  it('shares in the channel without buttons, and removes the private copy', async () => {
    const period = resolvePeriod('last week', { zone: 'Europe/Athens', weekStart: 1, now: NOW });
    const click = await h.click({ type: 'button', action_id: ACTIONS.share, value: periodToken(period) });
    const [shared, removal] = (await h.slack.waitForPosts(click.id, 2)).map((p) => p.body as Message);
    expect(shared?.response_type).toBe('in_channel');
    expect(shared?.replace_original).toBe(false);
    expect(actionsOf(shared as Message)).toEqual([]);
    expect(removal).toEqual({ delete_original: true });
  });

  it('refuses a forged or broken button value without calling Tellody', async () => {
    const before = h.sandbox.calls.get('/CampaignCloud/Report/ContactChart') ?? 0;
    for (const value of [
      '{"s":"week","c":1,"t":1794780000001,"d":0,"u":"day","z":"Europe/Athens","w":1}',
      'garbage',
      '{"s":"year","c":1,"t":0,"d":0,"u":"hour","z":"Europe/Athens","w":1}',
    ]) {
      const click = await h.click({ type: 'button', action_id: ACTIONS.previous, value });
      const answer = await lastPost(click.id);
      expect(answer.text).toMatch(/no longer describes a period|2000|points/);
    }
    expect(h.sandbox.calls.get('/CampaignCloud/Report/ContactChart') ?? 0).toBe(before);
  });
});

describe('App Home', () => {
  it('publishes this week so far, the Tellody account and the settings', async () => {
    const before = h.slack.callsTo('views.publish').length;
    await h.event({ type: 'app_home_opened', user: 'UUSER', channel: 'D1', tab: 'home', event_ts: '1.1' });
    const [call] = (await h.slack.waitForCalls('views.publish', before + 1)).slice(-1);
    const view = call?.args.view as { type: string; blocks: Record<string, unknown>[] };
    expect(call?.args.user_id).toBe('UUSER');
    expect(view.type).toBe('home');
    expectValidView(view);
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('This week so far');
    expect(text).toContain('connected as `demo`');
    expect(text).toContain('90 credits available');
    expect(text).toContain('Only workspace admins'); // UUSER is not an admin: settings read-only
    expect(text).not.toContain(ACTIONS.openSettings);
  });

  it('shows admins an Edit button, and a quick button opens that report in the Home tab', async () => {
    const before = h.slack.callsTo('views.publish').length;
    await h.click(
      { type: 'button', action_id: `${ACTIONS.homeQuick}this_month` },
      { user: 'UADMIN', container: { type: 'view', view_id: 'V1' } },
    );
    const [call] = (await h.slack.waitForCalls('views.publish', before + 1)).slice(-1);
    const text = JSON.stringify(call?.args.view);
    expect(text).toContain('This month so far');
    expect(text).toContain(ACTIONS.openSettings);
  });

  it('steps back through periods inside the Home tab itself', async () => {
    const before = h.slack.callsTo('views.publish').length;
    const thisWeek = resolvePeriod('this week', { zone: 'Europe/Athens', weekStart: 1, now: NOW });
    const previous = resolvePeriod('last week', { zone: 'Europe/Athens', weekStart: 1, now: NOW });
    expect(thisWeek.start).toBeGreaterThan(previous.start);
    const click = await h.click(
      { type: 'button', action_id: ACTIONS.previous, value: periodToken(previous) },
      { container: { type: 'view', view_id: 'V1' } },
    );
    const [call] = (await h.slack.waitForCalls('views.publish', before + 1)).slice(-1);
    expect(JSON.stringify(call?.args.view)).toContain('Contacts · Last week');
    expect(h.slack.postsTo(click.id)).toEqual([]);
  });

  it('opens the settings modal straight after ack, then fills it in', async () => {
    await h.click(
      { type: 'button', action_id: ACTIONS.openSettings },
      { user: 'UADMIN', container: { type: 'view', view_id: 'V1' } },
    );
    const [open] = await h.slack.waitForCalls('views.open');
    expect(open?.args.trigger_id).toMatch(/^trigger-/);
    const [update] = (await h.slack.waitForCalls('views.update')).slice(-1);
    expectValidView(update?.args.view as { blocks: unknown[] });
    expect(JSON.stringify(update?.args.view)).toContain('contacts_settings');
  });
});

describe('connecting Tellody', () => {
  it('opens the same settings modal from the Connect button', async () => {
    const before = h.slack.callsTo('views.open').length;
    await h.click(
      { type: 'button', action_id: ACTIONS.connectTellody },
      { team: 'T404', user: 'UADMIN', container: { type: 'view', view_id: 'V9' } },
    );
    await h.slack.waitForCalls('views.open', before + 1);
    const [update] = (await h.slack.waitForCalls('views.update')).slice(-1);
    expect(JSON.stringify(update?.args.view)).toContain('settings_tellody_password');
  });
});

describe('settings', () => {
  it('answers bad input inline and changes nothing', async () => {
    const result = await h.submit(settingsValues({ zone: 'Mars/Olympus' }));
    expect(JSON.parse(result.text)).toMatchObject({
      response_action: 'errors',
      errors: { settings_zone: expect.stringContaining('Mars/Olympus') },
    });
    expect(await h.deps.settings.get('T1')).toBeUndefined();
  });

  it('refuses a non-admin’s forged submission and changes nothing', async () => {
    const result = await h.submit(settingsValues({ weekStart: 0, zone: 'Asia/Kolkata' }), { user: 'UUSER' });
    expect(JSON.parse(result.text).response_action).toBe('errors');
    expect(await h.deps.settings.get('T1')).toBeUndefined();
  });

  it('checks new Tellody credentials with a real login, and refuses wrong ones inline', async () => {
    const result = await h.submit(settingsValues({ username: 'demo', password: 'wrong' }), { team: 'T2' });
    expect(JSON.parse(result.text)).toMatchObject({
      errors: { settings_tellody_password: expect.stringContaining('Bad credentials') },
    });
    expect(await h.deps.credentials.get('T2')).toBeUndefined();
  });

  it('saves good settings, stores the password encrypted, and republishes Home', async () => {
    const before = h.slack.callsTo('views.publish').length;
    const result = await h.submit(
      settingsValues({ weekStart: 0, zone: 'America/New_York', username: 'ny', password: 'ny-pass' }),
      { team: 'T2' },
    );
    expect(result.status).toBe(200);
    expect(result.text).toBe('');
    expect(await h.deps.settings.get('T2')).toMatchObject({
      weekStart: 0,
      zone: 'America/New_York',
      updatedBy: 'UADMIN',
    });
    expect(await h.deps.credentials.get('T2')).toEqual({ username: 'ny', password: 'ny-pass' });
    expect(JSON.stringify(await h.deps.store.keyv.get(workspaceKey('T2', 'tellody')))).not.toContain('ny-pass');
    const [publish] = (await h.slack.waitForCalls('views.publish', before + 1)).slice(-1);
    const home = JSON.stringify(publish?.args.view);
    expect(home).toContain('America/New_York');
    expect(home).toContain('connected as `ny`');
    expect(home).toContain(ACTIONS.openSettings);
  });

  it('gives two workspaces in one process their own zone, week start and data', async () => {
    const athens = await lastPost((await h.command('last week', { team: 'T1' })).id);
    const newYork = await lastPost((await h.command('last week', { team: 'T2' })).id);
    expect(athens.text).toContain('Mon 16 – Sun 22 Nov 2026');
    expect(newYork.text).toContain('Sun 15 – Sat 21 Nov 2026');
    expect(JSON.stringify(newYork.blocks)).toContain('America/New_York');
    const nyClient = new TellodyClient({
      baseUrl: h.sandbox.baseUrl,
      credentials: { username: 'ny', password: 'ny-pass' },
    });
    const week = windowAround(Date.parse('2026-11-18T12:00:00Z'), 'week', { zone: 'America/New_York', weekStart: 0 });
    const chart = await nyClient.contactChart({ ...week, unit: 'day', window: 'week', dow: 0 });
    expect(newYork.text).toContain(`${count(chart.contactsServed.reduce((a, b) => a + b, 0))} contacts served`);
  });
});

describe('uninstalling', () => {
  it('forgets the workspace’s settings and credentials on app_uninstalled', async () => {
    await h.deps.settings.set('T3', { weekStart: 1, zone: 'UTC', updatedAt: 1 });
    await h.deps.credentials.set('T3', { username: 'demo', password: 'demo' }, 1);
    const result = await h.event({ type: 'app_uninstalled' }, 'T3');
    expect(result.status).toBe(200);
    for (let i = 0; i < 50 && (await h.deps.settings.get('T3')); i++) await new Promise((r) => setTimeout(r, 20));
    expect(await h.deps.settings.get('T3')).toBeUndefined();
    expect(await h.deps.credentials.get('T3')).toBeUndefined();
  });

  it('forgets the workspace when its bot token is revoked', async () => {
    await h.deps.settings.set('T4', { weekStart: 1, zone: 'UTC', updatedAt: 1 });
    await h.event({ type: 'tokens_revoked', tokens: { bot: ['UBOT'] } }, 'T4');
    for (let i = 0; i < 50 && (await h.deps.settings.get('T4')); i++) await new Promise((r) => setTimeout(r, 20));
    expect(await h.deps.settings.get('T4')).toBeUndefined();
  });
});
