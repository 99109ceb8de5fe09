import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Weekday } from '../../../src/period/calendar.js';
import { PeriodError, resolvePeriod } from '../../../src/period/index.js';

/*
 * Asked on Monday 16 March 2026: "Monday" is today (the latest Monday that has begun), "last
 * Monday" the one before today, "this Sunday" the Sunday of this week, which depends on the day
 * the workspace's week starts (yesterday from Sunday, next Sunday from Monday).
 */

const zone = 'Europe/Athens';

function resolved(phrase: string, weekStart: Weekday): string {
  const now = DateTime.fromISO('2026-03-16T12:00', { zone }).toMillis();
  try {
    const period = resolvePeriod(phrase, { zone, weekStart, now });
    const first = DateTime.fromMillis(period.start, { zone });
    expect(period.start).toBe(first.startOf('day').toMillis());
    expect(period.end + 1).toBe(first.plus({ days: 1 }).startOf('day').toMillis());
    return first.toISODate() ?? '';
  } catch (error) {
    if (error instanceof PeriodError) return error.code;
    throw error;
  }
}

describe('a weekday said on Monday 16 March 2026', () => {
  it.each([
    ['Monday', 1, '2026-03-16'],
    ['last Monday', 1, '2026-03-09'],
    ['past Monday', 1, '2026-03-09'],
    ['Friday', 1, '2026-03-13'],
    ['last Friday', 1, '2026-03-13'],
    ['this Monday', 1, '2026-03-16'],
    ['this Friday', 1, 'future'],
    ['this Sunday', 1, 'future'],
    ['this Sunday', 0, '2026-03-15'],
    ['Sunday', 1, '2026-03-15'],
  ] as const)('“%s” with weeks from day %i is %s', (phrase, weekStart, expected) => {
    expect(resolved(phrase, weekStart)).toBe(expected);
  });
});

describe('“next” and a weekday, said on Monday 16 March 2026', () => {
  it.each([
    ['next Tuesday', 2],
    ['next Friday', 5],
    ['next Sunday', 7],
    ['next Monday', 1],
  ] as const)('“%s” is refused as the future, naming the day Luxon finds', (phrase, weekday) => {
    const now = DateTime.fromISO('2026-03-16T12:00', { zone });
    // The first such weekday after today: a week on for today's own weekday.
    let day = now.plus({ days: 1 });
    while (day.weekday !== weekday) day = day.plus({ days: 1 });
    expect(() => resolvePeriod(phrase, { zone, weekStart: 1, now: now.toMillis() })).toThrow(
      `${day.toFormat('ccc d LLL yyyy')} hasn’t started yet; reports look back.`,
    );
  });
});
