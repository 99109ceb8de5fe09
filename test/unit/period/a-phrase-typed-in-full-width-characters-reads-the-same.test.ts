import { describe, expect, it } from 'vitest';
import { resolvePeriod } from '../../../src/period/index.js';

/*
 * A Japanese or Chinese keyboard types letters and digits full width ("Ｑ３ ２０２５") unless
 * switched back; they read as the same phrase as ordinary ones.
 */
describe('a phrase in full-width characters', () => {
  it.each([
    ['Ｑ３ ２０２５', 'Q3 2025'],
    ['ｌａｓｔ ｗｅｅｋ', 'last week'],
    ['last ７ days', 'last 7 days'],
    ['２０２５－１１', '2025-11'],
  ])('“%s” is the period “%s” names', (typed, plain) => {
    const settings = { zone: 'Asia/Tokyo', weekStart: 0 as const, now: Date.parse('2026-11-27T03:00:00Z') };
    const period = resolvePeriod(typed, settings);
    const expected = resolvePeriod(plain, settings);
    expect([period.start, period.end, period.label]).toEqual([expected.start, expected.end, expected.label]);
  });
});
