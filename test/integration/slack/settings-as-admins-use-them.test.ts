import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, SETTINGS_FIELDS } from '../../../src/views/ids.js';
import { latestHome } from '../../support/home-tab.js';
import { type Answer, fillModal } from '../../support/modal-filling.js';
import { type AppHarness, slackAppHarness } from '../../support/slack-app-harness.js';

/*
 * Settings as an admin meets them: the modal the app builds is filled in the way Slack fills it
 * (the modal's own options, found by their text) and submitted; what changed is read where people
 * read it — the reports, the Home tab, the modal opened again.
 */

let h: AppHarness;
beforeAll(async () => {
  h = await slackAppHarness({
    users: {
      UADMIN: { tz: 'Europe/Athens', is_admin: true },
      UOWNER: { tz: 'Europe/Athens', is_owner: true },
      UUSER: { tz: 'Asia/Kolkata' },
    },
  });
});
afterAll(() => h.close());

type View = { blocks: Record<string, unknown>[] };
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Clicks Edit settings on the Home tab of `team` and returns the modal the app filled in. */
async function openSettingsModal(team: string, user = 'UADMIN'): Promise<View> {
  const before = h.slack.callsTo('views.update').length;
  await h.click(
    { type: 'button', action_id: ACTIONS.openSettings },
    { team, user, container: { type: 'view', view_id: 'V1' } },
  );
  const [update] = (await h.slack.waitForCalls('views.update', before + 1)).slice(-1);
  return update?.args.view as View;
}

/** Opens the modal, changes what `answers` says (by label), submits it; returns Slack's answer to the submission. */
async function saveSettings(team: string, answers: Record<string, Answer>, user = 'UADMIN') {
  const modal = await openSettingsModal(team, user);
  const result = await h.submit(fillModal(modal, answers), { team, user });
  return { status: result.status, answer: result.text ? JSON.parse(result.text) : null };
}

const lastPost = async (id: string) => (await h.slack.waitForPosts(id)).at(-1)?.body as { text: string };

/** "This week so far · Tue 24 – Mon 30 Nov 2026" (or "Wed 25 Nov – Tue 1 Dec 2026") → ["Tue", "Mon"]. */
function firstAndLastDay(text: string): [string, string] {
  const match = /(\w{3}) \d+(?: \w{3})? – (\w{3}) \d+ \w{3} \d{4}/.exec(text);
  if (!match?.[1] || !match[2]) throw new Error(`no week range in “${text}”`);
  return [match[1], match[2]];
}

async function homeTabOf(team: string, user = 'UADMIN'): Promise<string> {
  const before = h.slack.callsTo('views.publish').length;
  await h.event({ type: 'app_home_opened', user, channel: 'D1', tab: 'home', event_ts: '1.1' }, team);
  return (await latestHome(h, before)).text;
}

describe('the week start an admin picks in the settings modal', () => {
  it.each(DAYS)('makes weeks start on %s in reports, on Home and in the modal opened again', async (day) => {
    const team = `TWEEK${day.slice(0, 3).toUpperCase()}`;
    await h.deps.credentials.set(team, { username: 'demo', password: 'demo' }, h.clock.now());
    const saved = await saveSettings(team, { 'Weeks start on': day });
    expect(saved).toEqual({ status: 200, answer: null });

    const report = await lastPost((await h.command('this week', { team })).id);
    const previousDay = DAYS[(DAYS.indexOf(day) + 6) % 7] ?? '';
    expect(firstAndLastDay(report.text)).toEqual([day.slice(0, 3), previousDay.slice(0, 3)]);

    const home = await homeTabOf(team);
    expect(home).toContain('This week so far');
    expect(firstAndLastDay(home)).toEqual([day.slice(0, 3), previousDay.slice(0, 3)]);

    const again = await openSettingsModal(team);
    const menu = again.blocks.find((b) => b.block_id === SETTINGS_FIELDS.weekStart)?.element as {
      initial_option: { text: { text: string } };
    };
    expect(menu.initial_option.text.text).toBe(day);
  });
});

describe('who may change settings', () => {
  it('lets a workspace owner who is not an admin save settings', async () => {
    const saved = await saveSettings('TOWNER', { 'Report time zone': 'Asia/Tokyo' }, 'UOWNER');
    expect(saved).toEqual({ status: 200, answer: null });
    expect((await h.deps.settings.get('TOWNER'))?.zone).toBe('Asia/Tokyo');
  });

  it('refuses a member who is neither admin, owner nor installer, and changes nothing', async () => {
    const modal = await openSettingsModal('TMEMBER', 'UADMIN');
    const result = await h.submit(fillModal(modal, { 'Report time zone': 'Asia/Tokyo' }), {
      team: 'TMEMBER',
      user: 'UUSER',
    });
    expect(JSON.parse(result.text).response_action).toBe('errors');
    expect(await h.deps.settings.get('TMEMBER')).toBeUndefined();
  });
});

describe('the Tellody login in the settings modal', () => {
  it('saves nothing while Tellody cannot be reached to check a new login, and says so at the password', async () => {
    h.sandbox.faults.errorRate = 1;
    try {
      const saved = await saveSettings('TDOWN', { 'Tellody username': 'demo', 'Tellody password': 'demo' });
      expect(saved.answer?.response_action).toBe('errors');
      expect(saved.answer?.errors[SETTINGS_FIELDS.password]).toMatch(/could not be reached.*Nothing was saved/);
    } finally {
      h.sandbox.faults.errorRate = 0;
    }
    expect(await h.deps.credentials.get('TDOWN')).toBeUndefined();
    expect(await h.deps.settings.get('TDOWN')).toBeUndefined();
  });

  it('keeps the saved password when only the time zone changes, and reports still come', async () => {
    // Helsinki keeps Athens's clock, so the demo account (in Athens) answers either.
    const first = await saveSettings('TZONE', {
      'Report time zone': 'Europe/Helsinki',
      'Tellody username': 'demo',
      'Tellody password': 'demo',
    });
    expect(first).toEqual({ status: 200, answer: null });
    const second = await saveSettings('TZONE', { 'Report time zone': 'Europe/Athens' });
    expect(second).toEqual({ status: 200, answer: null });
    expect(await h.deps.credentials.get('TZONE')).toEqual({ username: 'demo', password: 'demo' });
    expect((await h.deps.settings.get('TZONE'))?.zone).toBe('Europe/Athens');
    const report = await lastPost((await h.command('last week', { team: 'TZONE' })).id);
    expect(report.text).toMatch(/^[\d,]+ new contacts/);
  });
});

describe('what the Home tab says about the saved Tellody login', () => {
  it('says Tellody refused it, and offers admins the way to enter it again', async () => {
    await h.deps.credentials.set('TREFUSED', { username: 'demo', password: 'not-demo' }, h.clock.now());
    const home = await homeTabOf('TREFUSED');
    expect(home).toContain('*Tellody:* Tellody refused the saved login — an admin should enter it again.');
    expect(home).toContain('Tellody refused this workspace’s login');
    expect(home).toContain(ACTIONS.connectTellody);
  });

  it('says Tellody could not be reached, without calling the login wrong', async () => {
    await h.deps.credentials.set('TAWAY', { username: 'demo', password: 'demo' }, h.clock.now());
    h.sandbox.faults.errorRate = 1;
    try {
      const home = await homeTabOf('TAWAY');
      expect(home).toContain('*Tellody:* Tellody could not be reached just now.');
      expect(home).not.toContain('refused');
    } finally {
      h.sandbox.faults.errorRate = 0;
    }
  });
});
