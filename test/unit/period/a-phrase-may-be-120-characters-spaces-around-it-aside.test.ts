import { describe, expect, it } from 'vitest';
import { resolvePeriod } from '../../../src/period/index.js';
import { refusalOf } from '../../support/period-refusal.js';

/*
 * A phrase may run to 120 characters; a longer one is no period phrase and is refused before
 * any parsing. Spaces around it, or several in a row, are not counted.
 */

const settings = { zone: 'Europe/Athens', weekStart: 1 as const, now: Date.parse('2026-11-27T10:00:00Z') };
/** "please please … the the … last week": words the resolver passes over, 120 characters in all. */
const longest = `${'please '.repeat(13)}${'the '.repeat(5)}last week`;

describe('the length of a phrase', () => {
  it('accepts 120 characters, with spaces around them or doubled inside', () => {
    expect(longest).toHaveLength(120);
    const lastWeek = resolvePeriod('last week', settings);
    expect(resolvePeriod(longest, settings)).toEqual(lastWeek);
    expect(resolvePeriod(`   ${longest}\n`, settings)).toEqual(lastWeek);
    expect(resolvePeriod(longest.replace('the ', 'the   '), settings)).toEqual(lastWeek);
  });

  it('refuses 121 characters before reading them', () => {
    expect(refusalOf(`${longest}s`, settings)).toEqual({
      code: 'phrase-too-long',
      problem: 'That phrase is longer than 120 characters.',
    });
  });
});
