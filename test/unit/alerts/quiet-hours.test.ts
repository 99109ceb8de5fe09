import { describe, expect, it } from 'vitest';
import { inQuietHours } from '../../../src/alerts/quiet-hours.js';

describe('quiet hours, by the workspace’s wall clock', () => {
  it.each([
    // now (UTC), quiet hours, zone, quiet?, why
    ['2026-11-30T21:30:00Z', { from: '22:00', to: '07:00' }, 'Europe/Athens', true, '23:30 EET, across midnight'],
    ['2026-11-30T04:59:00Z', { from: '22:00', to: '07:00' }, 'Europe/Athens', true, '06:59, still quiet'],
    ['2026-11-30T05:00:00Z', { from: '22:00', to: '07:00' }, 'Europe/Athens', false, '07:00: the end is not quiet'],
    ['2026-11-30T19:59:00Z', { from: '22:00', to: '07:00' }, 'Europe/Athens', false, '21:59'],
    ['2026-11-30T10:30:00Z', { from: '12:00', to: '14:00' }, 'Europe/Athens', true, 'a lunch break, 12:30'],
    ['2026-11-30T12:00:00Z', { from: '12:00', to: '14:00' }, 'Europe/Athens', false, '14:00'],
    ['2026-11-30T10:30:00Z', { from: '12:00', to: '12:00' }, 'Europe/Athens', false, 'the same time twice: none'],
    ['2026-11-30T10:30:00Z', undefined, 'Europe/Athens', false, 'none set (the default)'],
    ['2026-11-30T17:00:00Z', { from: '12:00', to: '14:00' }, 'America/New_York', true, '12:00 in New York'],
    ['2026-11-30T06:45:00Z', { from: '12:00', to: '14:00' }, 'Asia/Kathmandu', true, '12:30 at +05:45'],
  ])('%s with %j in %s: %s (%s)', (now, quiet, zone, expected, _why) => {
    expect(inQuietHours(Date.parse(now), quiet, zone)).toBe(expected);
  });
});
