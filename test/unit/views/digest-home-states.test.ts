import { describe, expect, it } from 'vitest';
import type { DigestProblem, DigestSchedule, WeekRecord } from '../../../src/store/digest-schedules.js';
import type { buildDigestSection } from '../../../src/views/digest-section.js';
import { DIGEST_ACTIONS } from '../../../src/views/ids.js';
import { aDigestSchedule } from '../../support/digest-schedule.js';
import { digestSectionShown } from '../../support/home-sections.js';

/*
 * The Home tab's "Weekly digest" section as an admin (or anyone else) reads it, line by line, in
 * every state a week can be in. Times are in Athens (EET, UTC+2).
 */

const NOW = Date.parse('2026-11-27T10:00:00Z');
const at = (iso: string) => Date.parse(iso);
const schedule = (overrides: Partial<DigestSchedule> = {}) => aDigestSchedule('CMKT', overrides);
const week = (overrides: Partial<WeekRecord>): WeekRecord => ({
  week: '2026-11-16',
  occurrence: at('2026-11-23T07:00:00Z'),
  state: 'posted',
  attempts: 1,
  updatedAt: at('2026-11-23T07:05:00Z'),
  ...overrides,
});

const digestSection = (options: Partial<Parameters<typeof buildDigestSection>[0]>) =>
  digestSectionShown(NOW, { schedule: schedule(), ...options });

const ON = '*On* — Mondays at 09:00 EET, in <#CMKT>.';
const ADMIN_BUTTONS = ['[Edit digest]', '[Send now]', '[Preview]'];
const ONLY_ADMINS = 'Only workspace admins and owners, and the person who installed Contacts, can change the digest.';

describe('the digest section before anyone sets it up', () => {
  it('invites an admin to set it up with one primary button, and nothing else', () => {
    const shown = digestSection({ schedule: undefined });
    expect(shown.lines).toEqual([
      '# Weekly digest',
      'Not set up. Last week’s numbers can be posted to a channel every week, on a day and at a time you choose.',
      '[Set up digest]',
    ]);
    expect(shown.actionIds).toEqual([DIGEST_ACTIONS.settings]);
    expect(shown.blocks.at(-1)).toMatchObject({ elements: [{ style: 'primary' }] });
  });

  it('tells everyone else who can set it up, with no button', () => {
    const shown = digestSection({ schedule: undefined, canEdit: false });
    expect(shown.lines).toEqual([
      '# Weekly digest',
      'Not set up. Last week’s numbers can be posted to a channel every week, on a day and at a time you choose.',
      ONLY_ADMINS,
    ]);
    expect(shown.actionIds).toEqual([]);
  });
});

describe('the digest section once it is set up', () => {
  it('says when and where it goes, the next three times, the last post with its link, and offers three buttons', () => {
    const shown = digestSection({
      next: [at('2026-11-30T07:00:00Z'), at('2026-12-07T07:00:00Z'), at('2026-12-14T07:00:00Z')],
      last: week({ postedAt: at('2026-11-23T07:00:12Z'), permalink: 'https://acme.slack.com/p1' }),
    });
    expect(shown.lines).toEqual([
      '# Weekly digest',
      ON,
      'Next: Mon 30 Nov, 09:00 · Mon 7 Dec, 09:00 · Mon 14 Dec, 09:00',
      'Last posted Mon 23 Nov, 09:00 (the week of 2026-11-16) — <https://acme.slack.com/p1|see the message>.',
      ...ADMIN_BUTTONS,
    ]);
    expect(shown.actionIds).toEqual([DIGEST_ACTIONS.settings, DIGEST_ACTIONS.sendNow, DIGEST_ACTIONS.preview]);
    const buttons = (shown.blocks.at(-1) as { elements: { style?: string }[] }).elements;
    expect(buttons.map((b) => b.style)).toEqual([undefined, undefined, undefined]);
  });

  it('keeps the header, state, details and buttons in their own blocks, in reading order', () => {
    const shown = digestSection({ next: [at('2026-11-30T07:00:00Z')] });
    expect(shown.blocks.map((b) => b.block_id)).toEqual([
      'home_digest_header',
      'home_digest_state',
      'home_digest_details',
      'home_digest_actions',
    ]);
    const other = digestSection({ canEdit: false });
    expect(other.blocks.map((b) => b.block_id)).toEqual([
      'home_digest_header',
      'home_digest_state',
      'home_digest_note',
    ]);
  });

  it('shows a post without a link, dated when it was last updated if the posting time was not kept', () => {
    const shown = digestSection({ last: week({}) });
    expect(shown.lines).toContain('Last posted Mon 23 Nov, 09:05 (the week of 2026-11-16).');
  });

  it('says an idle digest is off, and where it would go when on', () => {
    const shown = digestSection({ schedule: schedule({ enabled: false, day: 3, time: '17:30' }) });
    expect(shown.lines).toEqual([
      '# Weekly digest',
      '*Off* — when on: Wednesdays at 17:30 EET, in <#CMKT>.',
      ...ADMIN_BUTTONS,
    ]);
  });

  it('shows a one-off notice under the details, and shows people who cannot edit that only admins can', () => {
    const shown = digestSection({ canEdit: false, notice: 'Preview sent to you under Messages.' });
    expect(shown.lines).toEqual(['# Weekly digest', ON, 'Preview sent to you under Messages.', ONLY_ADMINS]);
    expect(shown.actionIds).toEqual([]);
  });
});

describe('a week that is still being retried', () => {
  it('says it waits for Tellody since the first failure, and when it tries next', () => {
    const shown = digestSection({
      last: week({
        state: 'waiting',
        failingSince: at('2026-11-23T07:01:00Z'),
        nextAttemptAt: at('2026-11-23T07:20:00Z'),
        problem: { kind: 'tellody-unavailable', detail: '503' },
      }),
    });
    expect(shown.lines).toEqual([
      '# Weekly digest',
      ON,
      ':hourglass_flowing_sand: Waiting for Tellody since Mon 23 Nov, 09:01; next try Mon 23 Nov, 09:20.',
      ...ADMIN_BUTTONS,
    ]);
  });

  it('says it waits for Slack when Slack failed, since the slot when no failure time was kept', () => {
    const shown = digestSection({
      last: week({ state: 'waiting', problem: { kind: 'slack-error', detail: 'ratelimited' } }),
    });
    expect(shown.lines).toContain(':hourglass_flowing_sand: Waiting for Slack since Mon 23 Nov, 09:00.');
    const unknown = digestSection({ last: week({ state: 'waiting' }) });
    expect(unknown.lines).toContain(':hourglass_flowing_sand: Waiting for Slack since Mon 23 Nov, 09:00.');
  });
});

const PROBLEMS: [DigestProblem, string][] = [
  [
    { kind: 'tellody-credentials', detail: 'Bad <credentials> & more' },
    'Tellody refused the saved login (“Bad &lt;credentials&gt; &amp; more”): an admin must enter it again under Settings.',
  ],
  [
    { kind: 'login-unreadable', detail: '' },
    'the saved Tellody login can no longer be read (the app’s encryption key was changed): an admin must enter it again under Settings.',
  ],
  [
    { kind: 'tellody-rejected', detail: '400' },
    'Tellody turned the report down — usually the report time zone differs from the Tellody account’s (Settings).',
  ],
  [
    { kind: 'not-connected', detail: '' },
    'this workspace is not connected to Tellody: an admin can connect it under Settings.',
  ],
  [{ kind: 'tellody-unavailable', detail: 'timeout' }, 'Tellody could not be reached.'],
  [{ kind: 'slack-auth', detail: 'invalid_auth' }, 'Slack no longer accepts the app’s token (was it removed?).'],
  [{ kind: 'slack-error', detail: '<!channel> too_many' }, 'Slack refused the message (&lt;!channel&gt; too_many).'],
];

describe('a week that stopped until an admin acts', () => {
  it.each(PROBLEMS)('leads the section with what stopped it (%j): “%s”', (problem, words) => {
    const shown = digestSection({ last: week({ state: 'stopped', problem }) });
    expect(shown.lines).toEqual([
      '# Weekly digest',
      `:warning: The digest for the week of 2026-11-16 was not posted: ${words} Then use *Send now*.`,
      ON,
      ...ADMIN_BUTTONS,
    ]);
    expect(shown.blocks[1]?.block_id).toBe('home_digest_banner');
  });

  it('says it was stopped when no reason was kept', () => {
    const shown = digestSection({ last: week({ state: 'stopped' }) });
    expect(shown.lines[1]).toBe(
      ':warning: The digest for the week of 2026-11-16 was not posted: it was stopped. Then use *Send now*.',
    );
  });
});

describe('a week that was missed', () => {
  it.each(PROBLEMS)(
    'says it could not go out within 24 hours, and why in brackets with no stray full stop (%j)',
    (problem, words) => {
      const shown = digestSection({ last: week({ state: 'missed', problem }) });
      expect(shown.lines).toEqual([
        '# Weekly digest',
        ON,
        `:warning: The digest for the week of 2026-11-16 was missed: it could not go out within 24 hours (${words.replace(/\.$/, '')}). Admins can *Send now*.`,
        ...ADMIN_BUTTONS,
      ]);
    },
  );

  it('ends the bracketed reason without its own full stop, keeping full stops inside Tellody’s words', () => {
    const problem: DigestProblem = { kind: 'tellody-credentials', detail: 'Account locked. Call support' };
    const shown = digestSection({ last: week({ state: 'missed', problem }) });
    expect(shown.lines[2]).toBe(
      ':warning: The digest for the week of 2026-11-16 was missed: it could not go out within 24 hours (Tellody refused the saved login (“Account locked. Call support”): an admin must enter it again under Settings). Admins can *Send now*.',
    );
  });

  it('blames the app not running when no attempt failed', () => {
    const shown = digestSection({ last: week({ state: 'missed' }) });
    expect(shown.lines[2]).toBe(
      ':warning: The digest for the week of 2026-11-16 was missed: it could not go out within 24 hours (the app was not running). Admins can *Send now*.',
    );
  });
});

describe('a paused digest', () => {
  it.each([
    ['is_archived', 'was archived'],
    ['channel_not_found', 'can no longer be found (deleted, or private without @contacts in it)'],
    ['not_in_channel', 'no longer has @contacts in it (a private channel needs `/invite @contacts`)'],
  ] as const)('says the channel %s and that it will not retry by itself', (reason, words) => {
    const shown = digestSection({ schedule: schedule({ paused: { reason, at: NOW } }) });
    expect(shown.lines).toEqual([
      '# Weekly digest',
      `:double_vertical_bar: The digest is paused: <#CMKT> ${words}. Edit the digest to pick a channel; it will not retry by itself.`,
      '*Paused* — Mondays at 09:00 EET, in <#CMKT>.',
      ...ADMIN_BUTTONS,
    ]);
    expect(shown.blocks[1]?.block_id).toBe('home_digest_banner');
  });

  it('still lists a stopped week under the pause, as the pause is what to fix first', () => {
    const shown = digestSection({
      schedule: schedule({ paused: { reason: 'is_archived', at: NOW } }),
      last: week({ state: 'stopped', problem: { kind: 'tellody-unavailable', detail: '' } }),
    });
    expect(shown.lines).toEqual([
      '# Weekly digest',
      ':double_vertical_bar: The digest is paused: <#CMKT> was archived. Edit the digest to pick a channel; it will not retry by itself.',
      '*Paused* — Mondays at 09:00 EET, in <#CMKT>.',
      ':warning: The digest for the week of 2026-11-16 was not posted: Tellody could not be reached. Then use *Send now*.',
      ...ADMIN_BUTTONS,
    ]);
  });
});

describe('a stopped week when the digest is no longer set up', () => {
  it('still leads with what stopped it, above the invitation to set it up', () => {
    const shown = digestSection({
      schedule: undefined,
      last: week({ state: 'stopped', problem: { kind: 'not-connected', detail: '' } }),
    });
    expect(shown.lines).toEqual([
      '# Weekly digest',
      ':warning: The digest for the week of 2026-11-16 was not posted: this workspace is not connected to Tellody: an admin can connect it under Settings. Then use *Send now*.',
      'Not set up. Last week’s numbers can be posted to a channel every week, on a day and at a time you choose.',
      '[Set up digest]',
    ]);
  });
});
