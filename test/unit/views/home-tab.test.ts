import { describe, expect, it } from 'vitest';
import type { UserInfo } from '../../../src/tellody/tellody-types.js';
import {
  buildFailureMessage,
  buildInternalErrorMessage,
  buildNotConnectedMessage,
} from '../../../src/views/error-messages.js';
import { buildHomeTab, type HomeTabOptions } from '../../../src/views/home-tab.js';
import { ACTIONS, HOME_QUICK_REPORTS } from '../../../src/views/ids.js';
import { expectValidView } from '../../support/block-kit.js';
import { actionIdsOf, linesOf } from '../../support/view-text.js';

const account = (creditsAvailable: number | null): UserInfo => ({
  username: 'demo',
  userId: 1,
  email: null,
  creditsAvailable,
  creditsSpent: null,
});

const home = (options: Partial<HomeTabOptions>) =>
  buildHomeTab({
    report: null,
    connection: { state: 'connected', account: account(1234) },
    zone: 'Europe/Athens',
    weekStart: 1,
    canEdit: true,
    ...options,
  });

const QUICK = ['# Contacts', '[Today]', '[This week]', '[Last week]', '[This month]'];

describe('the Home tab, as a person reads it', () => {
  it('shows an admin the quick reports, the report, the connection with its credits, then the settings to edit', () => {
    const report = {
      text: 'x',
      blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: 'The report' } }],
    };
    const view = home({ report, weekStart: 0, zone: 'Asia/Kolkata' });
    expectValidView(view);
    expect(linesOf(view)).toEqual([
      ...QUICK,
      'The report',
      '---',
      '*Tellody:* connected as `demo` · 1,234 credits available',
      '# Settings',
      '*Weeks start on*\nSunday',
      '*Report time zone*\nAsia/Kolkata',
      '*Tellody account*\n`demo`',
      '[Edit settings]',
    ]);
    expect(actionIdsOf(view)).toEqual([
      ...Object.keys(HOME_QUICK_REPORTS).map((key) => `${ACTIONS.homeQuick}${key}`),
      ACTIONS.openSettings,
    ]);
  });

  it('tells a member who may change the settings instead of offering to, and leaves out an unknown balance', () => {
    const view = home({ canEdit: false, connection: { state: 'connected', account: account(null) } });
    expect(linesOf(view).slice(QUICK.length)).toEqual([
      '---',
      '*Tellody:* connected as `demo`',
      '# Settings',
      '*Weeks start on*\nMonday',
      '*Report time zone*\nEurope/Athens',
      '*Tellody account*\n`demo`',
      'Only workspace admins and owners, and the person who installed Contacts, can change these.',
    ]);
    expect(actionIdsOf(view)).not.toContain(ACTIONS.openSettings);
  });

  it.each([
    [true, ['[Connect Tellody]']],
    [false, []],
  ])('offers to connect Tellody when it is not connected, only to those who may (may edit: %s)', (canEdit, offer) => {
    const view = home({ canEdit, connection: { state: 'not-connected' } });
    const lines = linesOf(view);
    const at = lines.indexOf('*Tellody:* not connected yet — reports need a Tellody account.');
    expect(lines.slice(at + 1, at + 1 + offer.length + 1)).toEqual([...offer, '# Settings']);
    expect(lines).toContain('*Tellody account*\nnone');
    expect(actionIdsOf(view).includes(ACTIONS.connectTellody)).toBe(canEdit);
  });

  it('says what is wrong with a failing login, in the person’s words, with the way to fix it for admins', () => {
    const view = home({ connection: { state: 'failing', problem: 'Tellody refused <the> login & more' } });
    const lines = linesOf(view);
    expect(lines).toContain('*Tellody:* Tellody refused &lt;the&gt; login &amp; more');
    expect(lines[lines.indexOf('*Tellody:* Tellody refused &lt;the&gt; login &amp; more') + 1]).toBe(
      '[Connect Tellody]',
    );
  });

  it('puts the weekly digest’s section after the connection and before the settings', () => {
    const digest = [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: 'Weekly digest' } }];
    const lines = linesOf(home({ digest }));
    expect(lines.indexOf('Weekly digest')).toBe(lines.indexOf('# Settings') - 1);
    expect(lines.indexOf('Weekly digest')).toBeGreaterThan(lines.indexOf('---'));
  });
});

describe('what people read when there is no report', () => {
  it.each([
    [
      { kind: 'tellody-credentials', detail: 'Bad <credentials>' },
      ':warning: Tellody refused this workspace’s login (“Bad &lt;credentials&gt;”).',
      'A workspace admin can enter the right Tellody username and password in the Contacts app’s Home tab, under Settings.',
    ],
    [
      { kind: 'tellody-unavailable', detail: 'timeout' },
      ':warning: Tellody isn’t answering right now, so there is no report this time.',
      'Nothing was changed. Please try again in a few minutes.',
    ],
    [
      { kind: 'tellody-rejected', detail: '400' },
      ':warning: Tellody turned down the request for this report.',
      'This usually means the workspace’s report time zone differs from the Tellody account’s: an admin can check it in the Contacts app’s Home tab, under Settings.',
    ],
    [
      { kind: 'tellody-garbled', detail: 'not JSON' },
      ':warning: Tellody sent back something I couldn’t read.',
      'Please try again in a few minutes; if it keeps happening, tell your Slack admin.',
    ],
    [
      { kind: 'login-unreadable', detail: 'no key' },
      ':warning: This workspace’s saved Tellody login can no longer be read (the app’s encryption key was changed), so there is no report.',
      'A workspace admin can enter it again in the Contacts app’s Home tab, under Settings. Nothing else was changed.',
    ],
  ] as const)('for %j: what happened, then what to do, and the same in the notification', (failure, said, hint) => {
    const message = buildFailureMessage(failure);
    expect(linesOf(message)).toEqual([said, hint]);
    expect(message.text).toBe(`${said.replace(':warning: ', '')} ${hint}`);
  });

  it.each(['tellody-unavailable', 'tellody-rejected', 'tellody-garbled'] as const)(
    'keeps the operator’s detail of %s out of what people read',
    (kind) => {
      const message = buildFailureMessage({ kind, detail: 'ECONNRESET at 10.0.0.7:443' });
      expect(JSON.stringify(message)).not.toMatch(/ECONNRESET|10\.0\.0\.7/);
    },
  );

  it('tells a workspace without Tellody, and anyone after a failure of ours, what to do next', () => {
    expect(linesOf(buildNotConnectedMessage())).toEqual([
      ':warning: This workspace isn’t connected to Tellody yet.',
      'A workspace admin can connect it in the Contacts app’s Home tab, under Settings.',
    ]);
    expect(linesOf(buildInternalErrorMessage())).toEqual([
      ':warning: Something went wrong on our side while making that report.',
      'Nothing was changed. Please try again.',
    ]);
  });
});
