import { describe, expect, it } from 'vitest';
import { refusalOf } from '../../support/period-refusal.js';

/*
 * When a phrase cannot be used, the message quotes what was read, word for word: each period it
 * found (a joined range or "week of …" as one), each granularity asked for, each word left over,
 * so the person sees which part to change.
 */

describe('what a refusal quotes', () => {
  it.each([
    [
      'Nov 3 and Nov 10',
      'several-periods',
      'I found more than one period (“Nov 3” and “Nov 10”); for a range, join them with “to”.',
    ],
    [
      '2023 to 2025 and Q1',
      'several-periods',
      'I found more than one period (“2023 to 2025” and “Q1”); for a range, join them with “to”.',
    ],
    [
      'week of March 3 and Q1',
      'several-periods',
      'I found more than one period (“week of March 3” and “Q1”); for a range, join them with “to”.',
    ],
    [
      'since Monday and Q1',
      'several-periods',
      'I found more than one period (“since Monday” and “Q1”); for a range, join them with “to”.',
    ],
    ['by hour by day', 'conflicting-units', 'The phrase asks for more than one granularity (hour, day).'],
    ['daily by week', 'conflicting-units', 'The phrase asks for more than one granularity (day, week).'],
    ['Q1 to Q3 2025 blah', 'leftover', 'I didn’t understand “blah”.'],
    ['between Nov 3 and Nov 10 blah', 'leftover', 'I didn’t understand “blah”.'],
    ['week of March 3 blah', 'leftover', 'I didn’t understand “blah”.'],
    ['since Monday blah', 'leftover', 'I didn’t understand “blah”.'],
  ])('“%s” is refused (%s): %s', (phrase, code, problem) => {
    expect(refusalOf(phrase, { zone: 'Europe/Athens', weekStart: 1, now: Date.parse('2026-03-16T10:00:00Z') })).toEqual(
      { code, problem },
    );
  });
});
