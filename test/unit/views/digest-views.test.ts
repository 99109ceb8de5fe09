import { describe, expect, it } from 'vitest';
import type { DigestSchedule, WeekRecord } from '../../../src/store/digest-schedules.js';
import { zoneAbbreviation } from '../../../src/views/digest-format.js';
import { buildDigestModal, readDigestInput } from '../../../src/views/digest-modal.js';
import { buildDigestPausedNotice, buildDigestStoppedNotice } from '../../../src/views/digest-notices.js';
import type { buildDigestSection } from '../../../src/views/digest-section.js';
import { DIGEST_ACTIONS } from '../../../src/views/ids.js';
import { expectValidMessage, expectValidView } from '../../support/block-kit.js';
import { aDigestSchedule } from '../../support/digest-schedule.js';
import { digestSectionShown } from '../../support/home-sections.js';
import { digestValues } from '../../support/slack-app-harness.js';

const NOW = Date.parse('2026-11-27T10:00:00Z');
const text = (blocks: unknown) => JSON.stringify(blocks);

describe('reading the digest form', () => {
  it('reads channel, weekday, time and on/off by their stable ids', () => {
    expect(readDigestInput(digestValues({ channel: 'C123', day: 'wednesday', time: '17:30' }))).toEqual({
      ok: true,
      channelId: 'C123',
      day: 3,
      time: '17:30',
      enabled: true,
    });
    expect(readDigestInput(digestValues({ channel: 'G9AB', on: false }))).toMatchObject({ ok: true, enabled: false });
  });

  it.each([
    [{ channel: undefined }, 'digest_channel'],
    [{ channel: 'not a channel' }, 'digest_channel'],
    [{ channel: 'C1X', day: 'someday' }, 'digest_day'],
    [{ channel: 'C1X', time: '25:00' }, 'digest_time'],
    [{ channel: 'C1X', time: null }, 'digest_time'],
  ])('answers %j inline at %s', (fields, block) => {
    const input = readDigestInput(digestValues(fields));
    expect(input.ok ? [] : Object.keys(input.errors)).toEqual([block]);
  });
});

describe('the digest modal', () => {
  it('is a valid view, prefilled, and says which zone the time is in', () => {
    const modal = buildDigestModal({
      channelId: 'C1',
      day: 5,
      time: '16:45',
      enabled: false,
      zone: 'America/New_York',
      now: NOW,
    });
    expectValidView(modal);
    expect(text(modal)).toContain('"initial_conversation":"C1"');
    expect(text(modal)).toContain('"initial_time":"16:45"');
    expect(text(modal)).toContain(
      '"initial_option":{"text":{"type":"plain_text","text":"Friday","emoji":true},"value":"friday"}',
    );
    expect(text(modal)).not.toContain('initial_options');
    expect(text(modal)).toContain('America/New_York (EST)');
  });
});

describe('zone names', () => {
  it.each([
    ['Europe/Athens', '2026-11-27T10:00:00Z', 'EET'],
    ['Europe/Athens', '2026-07-01T10:00:00Z', 'EEST'],
    ['America/New_York', '2026-07-01T10:00:00Z', 'EDT'],
    ['Australia/Lord_Howe', '2026-11-27T10:00:00Z', 'LHDT'],
    ['Asia/Kolkata', '2026-11-27T10:00:00Z', 'IST'],
    ['Asia/Tokyo', '2026-11-27T10:00:00Z', 'GMT+9'],
    ['UTC', '2026-11-27T10:00:00Z', 'UTC'],
  ])('%s at %s is %s', (zone, at, name) => {
    expect(zoneAbbreviation(zone, Date.parse(at))).toBe(name);
  });
});

const schedule = (overrides: Partial<DigestSchedule> = {}) => aDigestSchedule('CMKT', overrides);
const week = (overrides: Partial<WeekRecord>): WeekRecord => ({
  week: '2026-11-16',
  occurrence: Date.parse('2026-11-23T07:00:00Z'),
  state: 'posted',
  attempts: 1,
  updatedAt: Date.parse('2026-11-23T07:00:00Z'),
  ...overrides,
});
const section = (options: Partial<Parameters<typeof buildDigestSection>[0]>) =>
  text(digestSectionShown(NOW, options).blocks);

describe('the Home tab’s digest section', () => {
  it('invites admins to set it up, and shows others that only admins can', () => {
    const admin = section({});
    expect(admin).toContain('Not set up');
    expect(admin).toContain(DIGEST_ACTIONS.settings);
    expect(admin).not.toContain(DIGEST_ACTIONS.sendNow);
    const other = section({ canEdit: false, schedule: schedule() });
    expect(other).not.toContain(DIGEST_ACTIONS.settings);
    expect(other).toContain('can change the digest');
  });

  it('says when and where it goes, the next three times, and links the last message', () => {
    const next = [
      Date.parse('2026-11-30T07:00:00Z'),
      Date.parse('2026-12-07T07:00:00Z'),
      Date.parse('2026-12-14T07:00:00Z'),
    ];
    const shown = section({
      schedule: schedule(),
      next,
      last: week({ postedAt: Date.parse('2026-11-23T07:00:12Z'), permalink: 'https://x/p1' }),
    });
    expect(shown).toContain('*On* — Mondays at 09:00 EET, in <#CMKT>.');
    expect(shown).toContain('Next: Mon 30 Nov, 09:00 · Mon 7 Dec, 09:00 · Mon 14 Dec, 09:00');
    expect(shown).toContain('Last posted Mon 23 Nov, 09:00 (the week of 2026-11-16) — <https://x/p1|see the message>.');
    for (const id of Object.values(DIGEST_ACTIONS)) expect(shown).toContain(id);
  });

  it('says what went wrong: waiting for Tellody, stopped on a refused login, missed, paused', () => {
    const waiting = section({
      schedule: schedule(),
      last: week({
        state: 'waiting',
        failingSince: Date.parse('2026-11-23T07:00:00Z'),
        nextAttemptAt: Date.parse('2026-11-23T07:20:00Z'),
        problem: { kind: 'tellody-unavailable', detail: '503' },
      }),
    });
    expect(waiting).toContain('Waiting for Tellody since Mon 23 Nov, 09:00; next try Mon 23 Nov, 09:20.');
    const stopped = section({
      schedule: schedule(),
      last: week({ state: 'stopped', problem: { kind: 'tellody-credentials', detail: 'Bad credentials' } }),
    });
    expect(stopped).toContain('home_digest_banner');
    expect(stopped).toContain('Tellody refused the saved login');
    const missed = section({ schedule: schedule(), last: week({ state: 'missed' }) });
    expect(missed).toContain('was missed: it could not go out within 24 hours (the app was not running)');
    const paused = section({ schedule: schedule({ paused: { reason: 'is_archived', at: NOW } }) });
    expect(paused).toContain('The digest is paused: <#CMKT> was archived');
    expect(paused).toContain('*Paused*');
  });
});

describe('notices to admins', () => {
  it('say what happened and offer the fix', () => {
    const paused = buildDigestPausedNotice({ channelId: 'CMKT', reason: 'not_in_channel' });
    expectValidMessage(paused);
    expect(text(paused.blocks)).toContain(DIGEST_ACTIONS.settings);
    const stopped = buildDigestStoppedNotice({
      problem: { kind: 'tellody-credentials', detail: 'Bad credentials' },
      week: '2026-11-23',
    });
    expectValidMessage(stopped);
    expect(stopped.text).toContain('week of 2026-11-23');
    expect(text(stopped.blocks)).toContain('contacts_open_settings');
  });
});
