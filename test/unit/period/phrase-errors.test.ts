import { describe, expect, it } from 'vitest';
import type { Weekday } from '../../../src/period/calendar.js';
import { EXAMPLE_PHRASES, PeriodError, resolvePeriod } from '../../../src/period/index.js';

const settings = { zone: 'Europe/Athens', weekStart: 1 as Weekday, now: Date.parse('2026-11-27T10:00:00Z') };

function errorOf(phrase: string, overrides: Partial<typeof settings> = {}): PeriodError {
  try {
    resolvePeriod(phrase, { ...settings, ...overrides });
  } catch (error) {
    if (error instanceof PeriodError) return error;
    throw error;
  }
  throw new Error(`“${phrase}” resolved, but should not have`);
}

describe('phrases the resolver refuses, with a reason and two phrases that work', () => {
  it.each([
    ['next week', 'future', /hasn’t started yet/],
    ['tomorrow', 'future', /hasn’t started yet/],
    ['next Tuesday', 'future', /hasn’t started yet/],
    ['in 2 weeks', 'future', /hasn’t started yet/],
    ['help', 'unparseable', /couldn’t find a date or period in “help”/],
    ['purple elephants', 'unparseable', /purple elephants/],
    ['last week blah', 'leftover', /didn’t understand “blah”/],
    ['last wek', 'unparseable', /wek/],
    ['Nov 3 and Nov 10', 'several-periods', /more than one period/],
    ['today by day', 'unit-too-large', /needs a period longer than one day/],
    ['last week by week', 'unit-too-large', /longer than one week/],
    ['this month by month', 'unit-too-large', /longer than one month/],
    ['last 30 days by month', 'unit-too-large', /longer than one month/],
    ['this month by hour', 'too-many-buckets', /by hour covers at most 15 days/],
    ['2024 to 2025 by day', 'too-many-buckets', /by day/],
    ['2019 to 2025', 'too-long', /longer than 5 years/],
    ['last 100 months', 'too-long', /longer than 5 years/],
    ['1999', 'too-early', /2000/],
    ['by hour by day', 'conflicting-units', /more than one granularity/],
    ['x'.repeat(500), 'phrase-too-long', /longer than 120 characters/],
    ['last 0 days', 'unparseable', /last 0 days is no period/],
    ['3/11', 'ambiguous-date', /“3\/11” could be 3 Nov or 11 Mar/],
    ['from 2/3/2026 to 10/3/2026', 'ambiguous-date', /could be 2 Mar or 3 Feb/],
    ['this weekend', 'future', /hasn’t started yet/],
    ['February 30 2025', 'leftover', /didn’t understand “February 30”/],
  ])('“%s” → %s', (phrase, code, message) => {
    const error = errorOf(phrase);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    for (const example of EXAMPLE_PHRASES) expect(error.message).toContain(`“${example}”`);
  });

  it('refuses a zone it does not know and a week start out of range', () => {
    expect(errorOf('last week', { zone: 'Mars/Olympus' }).code).toBe('invalid-zone');
    expect(errorOf('last week', { zone: '' }).code).toBe('invalid-zone');
    expect(errorOf('last week', { weekStart: 7 as Weekday }).code).toBe('invalid-week-start');
  });

  it('the example phrases in every message do resolve', () => {
    for (const example of EXAMPLE_PHRASES) expect(() => resolvePeriod(example, settings)).not.toThrow();
  });

  it.each([
    '<script>alert(1)</script>',
    '\u0000\u0001',
    '🙂🙂🙂',
    '; DROP TABLE reports',
    '999999999999 days ago',
    'last 0 days',
    'Q5 2025',
    '2025-13-45',
    '%s%s%s',
  ])('never crashes on odd input: %j', (phrase) => {
    expect(() => resolvePeriod(phrase, settings)).toThrow(PeriodError);
  });
});

describe('what Slack escapes in a phrase is read as what the person typed', () => {
  it.each([
    ['&lt;last week&gt;', 'last week'],
    ['last week &gt;', 'last week'],
    ['&lt;Q3 2025&gt; by week', 'Q3 2025 by week'],
  ])('reads “%s” (Slack’s escape of angle brackets) as “%s”', (escaped, typed) => {
    expect(resolvePeriod(escaped, settings)).toEqual(resolvePeriod(typed, settings));
  });

  it('names the “&” a person typed, not Slack’s “&amp;”, when it cannot read it', () => {
    const error = errorOf('Q3 &amp; Q4');
    expect(error.message).toContain('I didn’t understand “&”.');
    expect(error.message).not.toContain('amp');
  });
});
