import { describe, expect, it } from 'vitest';
import { parseWeekday } from '../../../src/period/calendar.js';

/*
 * The week start (WEEK_START, the CLI's --week-start) may be typed short, but one letter names no
 * day for sure: "s" is Saturday or Sunday, "t" Tuesday or Thursday. Spaces typed around it do not
 * make it longer; they are ignored the same way for names that are long enough.
 */
describe('a week start typed with spaces around it', () => {
  it.each([
    ['s ', undefined],
    [' s', undefined],
    ['t  ', undefined],
    [' m ', undefined],
    ['sa ', 6],
    [' su', 0],
    [' th ', 4],
    ['TU  ', 2],
  ] as const)('“%s” is day %s', (typed, day) => {
    expect(parseWeekday(typed)).toBe(day);
  });
});
