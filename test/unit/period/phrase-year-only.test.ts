import { describe, expect, it } from 'vitest';
import type { Weekday } from '../../../src/period/calendar.js';
import { resolvePeriod } from '../../../src/period/index.js';
import { refusalOf } from '../../support/period-refusal.js';
import { wholeDays } from '../../support/phrase-checks.js';

const ZONE = 'Asia/Kolkata';
/** Friday 27 November 2026, in Kolkata. */
const november = () => ({ zone: ZONE, weekStart: 1 as Weekday, now: Date.parse('2026-11-27T10:00:00Z') });

describe('chrono’s phrases that name only a year, or only a month, are that whole year or month', () => {
  it.each([
    ['a yr ago', '2025-01-01', '2025-12-31'],
    ['1 year before', '2025-01-01', '2025-12-31'],
    ['a year earlier', '2025-01-01', '2025-12-31'],
    ['-1 year', '2025-01-01', '2025-12-31'],
    ['a yr ago by month', '2025-01-01', '2025-12-31'],
    ['3 mos ago', '2026-08-01', '2026-08-31'],
  ])('on 27 November 2026, “%s” runs from %s to %s', (phrase, first, last) => {
    const period = resolvePeriod(phrase, november());
    expect([period.start, period.end]).toEqual(wholeDays(ZONE, first, last));
  });

  it('“in a year” is next year, which has not started', () => {
    const error = refusalOf('in a year', november());
    expect(error.code).toBe('future');
    expect(error.problem).toBe('1 Jan – 31 Dec 2027 hasn’t started yet; reports look back.');
  });
});
