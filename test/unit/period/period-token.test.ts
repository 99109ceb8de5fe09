import { describe, expect, it } from 'vitest';
import type { Weekday } from '../../../src/period/calendar.js';
import { resolvePeriod } from '../../../src/period/index.js';
import { periodFromToken, periodToken } from '../../../src/period/period-token.js';
import { PeriodError } from '../../../src/period/period-types.js';

/*
 * A period carried in a button's value (◀ ▶, Share, the granularity menu): a click rebuilds exactly
 * the period that was shown, whatever phrase made it; anything forged, damaged or misaligned is
 * refused with one plain sentence and asks Tellody for nothing.
 */

const now = Date.parse('2026-11-27T10:00:00Z');
const settings = (zone: string, weekStart: Weekday) => ({ zone, weekStart, now });
const NO_LONGER = 'That button no longer describes a period.';

describe('a period carried in a button', () => {
  it.each([
    ['last week', 'Europe/Athens', 1],
    ['this month so far', 'Asia/Kolkata', 0],
    ['Q3 2025 by week', 'Australia/Lord_Howe', 6],
    ['yesterday by hour', 'America/New_York', 1],
    ['last 3 days', 'Asia/Kathmandu', 1],
    ['2024', 'UTC', 1],
    ['year to date by month', 'Pacific/Chatham', 0],
  ] as const)('rebuilds “%s” in %s (weeks from day %i) exactly as shown', (phrase, zone, weekStart) => {
    const shown = resolvePeriod(phrase, settings(zone, weekStart));
    const token = periodToken(shown);
    expect(token.length).toBeLessThanOrEqual(150); // a menu option's value holds 150 characters
    expect(periodFromToken(token, now)).toEqual(shown);
  });

  it('rebuilds the period by another unit when the menu asks for one', () => {
    const shown = resolvePeriod('last week', settings('Europe/Athens', 1));
    const byHour = periodFromToken(periodToken(shown, 'hour'), now);
    expect(byHour).toEqual({ ...shown, unit: 'hour' });
  });

  const lastWeek = JSON.parse(periodToken(resolvePeriod('last week', settings('Europe/Athens', 1)))) as Record<
    string,
    unknown
  >;
  const forged = (change: Record<string, unknown>) => JSON.stringify({ ...lastWeek, ...change });

  it.each([
    ['not JSON', 'last week'],
    ['JSON of something else', '["week", 1]'],
    ['an empty value', ''],
    ['a step that is no step', forged({ s: 'fortnight' })],
    ['no periods at all', forged({ c: 0 })],
    ['a fractional count', forged({ c: 1.5 })],
    ['a unit that is no unit', forged({ u: 'minute' })],
    ['a zone that does not exist', forged({ z: 'Mars/Olympus' })],
    ['a week start past Saturday', forged({ w: 7 })],
    ['a start an hour after the week’s first instant', forged({ t: (lastWeek.t as number) + 3_600_000 })],
    ['a start before 1970', forged({ t: -1 })],
    ['a to-date flag that is neither', forged({ d: 2 })],
  ])('refuses %s, saying the button no longer describes a period', (_what, token) => {
    let refused: unknown;
    try {
      periodFromToken(token, now);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(PeriodError);
    expect(refused).toMatchObject({ code: 'unparseable', problem: NO_LONGER });
  });

  it('takes a week start from the token, not from anywhere else', () => {
    const sundays = forged({ w: 0, t: (lastWeek.t as number) - 86_400_000 });
    expect(periodFromToken(sundays, now)).toMatchObject({ weekStart: 0, start: (lastWeek.t as number) - 86_400_000 });
  });
});
