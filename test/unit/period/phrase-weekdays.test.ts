import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Weekday } from '../../../src/period/calendar.js';
import { resolvePeriod } from '../../../src/period/index.js';
import { checkProperty } from '../../support/checked-property.js';
import { refusalOf } from '../../support/period-refusal.js';
import { wholeDays } from '../../support/phrase-checks.js';
import { TEST_ZONES } from '../../support/zones.js';

const ZONE = 'Europe/Athens';
/** Wednesday 25 November 2026, noon in Athens; weeks from Monday unless a test says otherwise. */
const wednesday = (weekStart = 1) => ({
  zone: ZONE,
  weekStart: weekStart as Weekday,
  now: Date.parse('2026-11-25T10:00:00Z'),
});

describe('a weekday with “last”, “past”, “previous” or “prior” is the one before today', () => {
  it.each([
    ['Wednesday', '2026-11-25'],
    ['last Wednesday', '2026-11-18'],
    ['past Wednesday', '2026-11-18'],
    ['previous Wednesday', '2026-11-18'],
    ['prior Wednesday', '2026-11-18'],
    ['the previous Wednesday', '2026-11-18'],
    ['Previous wednesday by hour', '2026-11-18'],
    ['last Monday', '2026-11-23'],
    ['previous Tuesday', '2026-11-24'],
    ['prior Thursday', '2026-11-19'],
  ])('on Wednesday 25 November, “%s” is %s', (phrase, iso) => {
    const period = resolvePeriod(phrase, wednesday());
    expect([period.start, period.end]).toEqual(wholeDays(ZONE, iso, iso));
  });

  it('in any zone, on any day, the word before a weekday decides between today and a week ago', () => {
    const names = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
    const cases = fc.record({
      zone: fc.constantFrom(...TEST_ZONES),
      now: fc.integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') }),
      weekday: fc.integer({ min: 0, max: 6 }),
      word: fc.constantFrom('', 'last ', 'past ', 'previous ', 'prior '),
    });
    const checked = checkProperty(
      cases,
      ({ zone, now, weekday, word }) => {
        const period = resolvePeriod(`${word}${names[weekday]}`, { zone, weekStart: 1, now });
        const today = DateTime.fromMillis(now, { zone }).startOf('day');
        const back = (today.weekday - weekday + 7) % 7;
        const day = today.minus({ days: word === '' ? back : back || 7 });
        expect([period.start, period.end]).toEqual([day.startOf('day').toMillis(), day.endOf('day').toMillis()]);
      },
      { numRuns: 300 },
    );
    expect(checked).toBe(300);
  });

  it('“since previous Monday” runs from that Monday to the end of today', () => {
    const period = resolvePeriod('since previous Monday', wednesday());
    expect([period.start, period.end]).toEqual(wholeDays(ZONE, '2026-11-23', '2026-11-25'));
  });
});

describe('a weekday with “this” is the one in this week, by the workspace’s week start', () => {
  it.each([
    ['this Wednesday', 1, '2026-11-25'],
    ['this Monday', 1, '2026-11-23'],
    ['this Sunday', 0, '2026-11-22'],
    ['this Saturday', 6, '2026-11-21'],
  ])('on Wednesday 25 November, “%s” with weeks from day %i is %s', (phrase, weekStart, iso) => {
    const period = resolvePeriod(phrase, wednesday(weekStart));
    expect([period.start, period.end]).toEqual(wholeDays(ZONE, iso, iso));
  });

  it('“this Sunday” in a week from Monday has not come yet, and the person is told which day it is', () => {
    const error = refusalOf('this Sunday', wednesday(1));
    expect(error.code).toBe('future');
    expect(error.problem).toBe('Sun 29 Nov 2026 hasn’t started yet; reports look back.');
  });

  it('“next Monday” is the coming one, and the person is told it has not started', () => {
    const error = refusalOf('next Monday', wednesday(1));
    expect(error.code).toBe('future');
    expect(error.problem).toBe('Mon 30 Nov 2026 hasn’t started yet; reports look back.');
  });
});

describe('“previous” and “prior” are read only before a weekday, and only as a word of their own', () => {
  it.each([
    ['previous Nov 3', 'I didn’t understand “previous”.'],
    ['prior 3 Nov 2025', 'I didn’t understand “prior”.'],
    ['theprevious Monday', 'I didn’t understand “theprevious”.'],
  ])('“%s” is refused: %s', (phrase, problem) => {
    const error = refusalOf(phrase, wednesday());
    expect(error.code).toBe('leftover');
    expect(error.problem).toBe(problem);
  });
});

describe('each end of a weekday range keeps its own “last” or “this”', () => {
  it.each([
    ['last Monday to Wednesday', '2026-11-23', '2026-11-25'],
    ['previous Wednesday to Monday', '2026-11-18', '2026-11-23'],
    ['last Wednesday to this Monday', '2026-11-18', '2026-11-23'],
    ['prior Wednesday to Wednesday', '2026-11-18', '2026-11-25'],
    ['from Monday to this Wednesday', '2026-11-23', '2026-11-25'],
  ])('on Wednesday 25 November, “%s” is %s to %s', (phrase, first, last) => {
    const period = resolvePeriod(phrase, wednesday());
    expect([period.start, period.end]).toEqual(wholeDays(ZONE, first, last));
  });
});
