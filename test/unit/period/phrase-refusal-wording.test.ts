import { describe, expect, it } from 'vitest';
import type { Weekday } from '../../../src/period/calendar.js';
import { refusalOf } from '../../support/period-refusal.js';

/** Said in Athens, weeks from Monday; by default on Friday 27 November 2026 at noon. */
const athens = (nowIso = '2026-11-27T10:00:00Z') => ({
  zone: 'Europe/Athens',
  weekStart: 1 as Weekday,
  now: Date.parse(nowIso),
});

describe('a phrase asking for two granularities names each one', () => {
  it.each([
    ['by hour by day', 'The phrase asks for more than one granularity (hour, day).'],
    ['hourly daily weekly', 'The phrase asks for more than one granularity (hour, day, week).'],
    ['last month per week by day', 'The phrase asks for more than one granularity (week, day).'],
  ])('“%s”: %s', (phrase, problem) => {
    const error = refusalOf(phrase, athens());
    expect(error.code).toBe('conflicting-units');
    expect(error.problem).toBe(problem);
  });
});

describe('a phrase with two periods quotes both and says how to make a range', () => {
  it.each([
    ['Nov 3 and Nov 10', 'I found more than one period (“Nov 3” and “Nov 10”); for a range, join them with “to”.'],
    ['last week and 2025', 'I found more than one period (“last week” and “2025”); for a range, join them with “to”.'],
    [
      'since Monday and Q3 2025',
      'I found more than one period (“since Monday” and “Q3 2025”); for a range, join them with “to”.',
    ],
    [
      'week of Nov 3 and last week',
      'I found more than one period (“week of Nov 3” and “last week”); for a range, join them with “to”.',
    ],
  ])('“%s”: %s', (phrase, problem) => {
    const error = refusalOf(phrase, athens());
    expect(error.code).toBe('several-periods');
    expect(error.problem).toBe(problem);
  });
});

describe('a word after a range or a “since”/“week of” date is still noticed', () => {
  it.each(['since Monday zebra', 'week of Nov 3 zebra', '2023 to 2025 zebra', 'between Q1 and Q3 2025 zebra'])(
    '“%s” is refused for “zebra”',
    (phrase) => {
      const error = refusalOf(phrase, athens());
      expect(error.code).toBe('leftover');
      expect(error.problem).toBe('I didn’t understand “zebra”.');
    },
  );
});

describe('29 February in a range whose other end has no year either', () => {
  it('is refused, since no year makes both ends certain', () => {
    const error = refusalOf('Feb 29 to Mar 3', athens('2026-03-10T10:00:00Z'));
    expect(error.code).toBe('leftover');
    expect(error.problem).toBe('I didn’t understand “Feb 29 to”.');
  });
});
