import { describe, expect, it } from 'vitest';
import type { Weekday } from '../../../src/period/calendar.js';
import { resolvePeriod } from '../../../src/period/index.js';
import { wholeDays } from '../../support/phrase-checks.js';

const ZONE = 'America/New_York';
const asOf = (nowIso: string) => ({ zone: ZONE, weekStart: 0 as Weekday, now: Date.parse(nowIso) });

describe('a granularity beside a dash is the bucket size, never the end of a range', () => {
  it.each([
    ['last month - daily', '2026-10-01', '2026-10-31', 'day'],
    ['daily - last month', '2026-10-01', '2026-10-31', 'day'],
    ['Q3 2025 - by week', '2025-07-01', '2025-09-30', 'week'],
    ['hourly – yesterday', '2026-11-26', '2026-11-26', 'hour'],
    ['last week — by day', '2026-11-15', '2026-11-21', 'day'],
  ])('on 27 November 2026, “%s” is %s to %s by %s', (phrase, first, last, unit) => {
    const period = resolvePeriod(phrase, asOf('2026-11-27T17:00:00Z'));
    expect([period.start, period.end, period.unit]).toEqual([...wholeDays(ZONE, first, last), unit]);
  });
});

describe('two of our periods joined by a word are one range, first start to last end', () => {
  it.each([
    ['2023 to 2024', '2023-01-01', '2024-12-31'],
    ['between Q1 and Q3 2025', '2025-01-01', '2025-09-30'],
    ['from H1 2025 until last month', '2025-01-01', '2026-10-31'],
    ['2 weeks ago through last week', '2026-11-08', '2026-11-21'],
  ])('on 27 November 2026 (weeks from Sunday), “%s” is %s to %s', (phrase, first, last) => {
    const period = resolvePeriod(phrase, asOf('2026-11-27T17:00:00Z'));
    expect([period.start, period.end]).toEqual(wholeDays(ZONE, first, last));
  });
});

describe('“last weekend” is the last one that is over, even during a weekend', () => {
  it.each([
    ['last weekend', '2026-11-27T17:00:00Z', '2026-11-21', '2026-11-22'],
    ['last weekend', '2026-11-28T17:00:00Z', '2026-11-21', '2026-11-22'],
    ['past weekend', '2026-11-29T17:00:00Z', '2026-11-21', '2026-11-22'],
    ['previous weekend', '2026-11-30T17:00:00Z', '2026-11-28', '2026-11-29'],
    ['this weekend', '2026-11-28T17:00:00Z', '2026-11-28', '2026-11-29'],
  ])('“%s” said at %s is %s to %s', (phrase, now, first, last) => {
    const period = resolvePeriod(phrase, asOf(now));
    expect([period.start, period.end]).toEqual(wholeDays(ZONE, first, last));
  });
});
