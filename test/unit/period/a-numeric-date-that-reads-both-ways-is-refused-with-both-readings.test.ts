import { describe, expect, it } from 'vitest';
import { resolvePeriod } from '../../../src/period/index.js';
import { refusalOf } from '../../support/period-refusal.js';

/*
 * "3/4" is 3 April in most of the world and 4 March in the US: both numbers could be the month,
 * so the phrase is refused with both readings, the month written as a word. Where only one
 * reading is a date ("3/25", "13/5") it is used; a zero is no day or month at all.
 */

const asked = { zone: 'Europe/Athens', weekStart: 1 as const, now: Date.parse('2026-03-16T10:00:00Z') };

describe('a numeric date either number of which could be the month', () => {
  it.each([
    ['1/2', '1 Feb', '2 Jan'],
    ['3/4', '3 Apr', '4 Mar'],
    ['5/6', '5 Jun', '6 May'],
    ['7/8', '7 Aug', '8 Jul'],
    ['9/10', '9 Oct', '10 Sep'],
    ['11/12', '11 Dec', '12 Nov'],
    ['12/3', '12 Mar', '3 Dec'],
    ['3/12', '3 Dec', '12 Mar'],
    ['01.12.2025', '1 Dec', '12 Jan'],
  ])('“%s” is refused: it could be %s or %s', (phrase, dayFirst, monthFirst) => {
    expect(refusalOf(phrase, asked)).toEqual({
      code: 'ambiguous-date',
      problem: `“${phrase}” could be ${dayFirst} or ${monthFirst}; write the month as a word, like “${dayFirst}”.`,
    });
  });
});

describe('a numeric date that reads both ways, inside a longer phrase', () => {
  it.each(['3/4 by day', '3/4 2025', 'since 3/4'])('“%s” is refused for its “3/4”', (phrase) => {
    expect(refusalOf(phrase, asked)).toEqual({
      code: 'ambiguous-date',
      problem: '“3/4” could be 3 Apr or 4 Mar; write the month as a word, like “3 Apr”.',
    });
  });
});

describe('a numeric date with one reading', () => {
  it.each([
    ['3/25', 'Tue 25 Mar 2025'],
    ['25/3', 'Tue 25 Mar 2025'],
    ['13/5', 'Tue 13 May 2025'],
    ['4/4', 'Fri 4 Apr 2025'],
  ])('“%s” is %s, the latest that has been', (phrase, range) => {
    expect(resolvePeriod(phrase, asked).range).toBe(range);
  });

  it.each(['0/5', '5/0'])('“%s” names no date, and is not called ambiguous', (phrase) => {
    expect(refusalOf(phrase, asked).code).toBe('unparseable');
  });
});
