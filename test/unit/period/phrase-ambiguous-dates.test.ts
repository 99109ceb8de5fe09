import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Weekday } from '../../../src/period/calendar.js';
import { resolvePeriod } from '../../../src/period/index.js';
import { checkProperty } from '../../support/checked-property.js';
import { refusalOf } from '../../support/period-refusal.js';

/** Friday 27 November 2026, noon in New York. */
const asked = () => ({ zone: 'America/New_York', weekStart: 0 as Weekday, now: Date.parse('2026-11-27T17:00:00Z') });

/** The month's English short name, from Luxon rather than from the code under test. */
const monthName = (month: number) => DateTime.fromObject({ month }, { locale: 'en-US' }).toFormat('LLL');

/** What the person is told for "a/b", both read as numbers, with the day-first reading suggested. */
function question(text: string, a: number, b: number): string {
  const dayFirst = `${a} ${monthName(b)}`;
  const monthFirst = `${b} ${monthName(a)}`;
  return `“${text}” could be ${dayFirst} or ${monthFirst}; write the month as a word, like “${dayFirst}”.`;
}

describe('a numeric date that reads two ways is asked about, naming both months', () => {
  it('every pair of different numbers from 1 to 12 is refused with both readings spelled out', () => {
    let refused = 0;
    for (let a = 1; a <= 12; a++) {
      for (let b = 1; b <= 12; b++) {
        if (a === b) continue;
        const error = refusalOf(`${a}/${b}`, asked());
        expect(error.code).toBe('ambiguous-date');
        expect(error.problem).toBe(question(`${a}/${b}`, a, b));
        refused++;
      }
    }
    expect(refused).toBe(132);
  });

  it('the refusal quotes the date as typed, with its year and leading zeros, wherever it is in the phrase', () => {
    const phrase = fc.record({
      a: fc.integer({ min: 1, max: 12 }),
      b: fc.integer({ min: 1, max: 12 }),
      padA: fc.boolean(),
      padB: fc.boolean(),
      separator: fc.constantFrom('/', '.'),
      year: fc.constantFrom('', '2025', '2024', '26'),
      before: fc.constantFrom('', 'from ', 'show me '),
      after: fc.constantFrom('', ' to last week', ' by day'),
    });
    const checked = checkProperty(
      phrase.filter(({ a, b }) => a !== b),
      ({ a, b, padA, padB, separator, year, before, after }) => {
        const number = (n: number, pad: boolean) => (pad ? String(n).padStart(2, '0') : String(n));
        const text = `${number(a, padA)}${separator}${number(b, padB)}${year ? `${separator}${year}` : ''}`;
        const error = refusalOf(`${before}${text}${after}`, asked());
        expect(error.code).toBe('ambiguous-date');
        expect(error.problem).toBe(question(text, a, b));
      },
      { numRuns: 300 },
    );
    expect(checked).toBe(300);
  });

  it.each([
    ['12/5', 12, 5],
    ['5/12', 5, 12],
    ['1/12', 1, 12],
    ['12/1', 12, 1],
    ['12.11.2025', 12, 11],
  ])('“%s”: twelve is still a month, so the date is asked about', (text, a, b) => {
    expect(refusalOf(text, asked()).problem).toBe(question(text, a, b));
  });
});

describe('a numeric date that reads one way only is resolved, with no question', () => {
  it.each([
    // [phrase, the one day it can be]
    ['13/5', '2026-05-13'],
    ['5/13', '2026-05-13'],
    ['5/5', '2026-05-05'],
    ['12/12', '2025-12-12'],
    ['31/10', '2026-10-31'],
    ['10/31/2024', '2024-10-31'],
  ])('“%s” is %s, the whole day in the person’s zone', (phrase, iso) => {
    const period = resolvePeriod(phrase, asked());
    const day = DateTime.fromISO(iso, { zone: 'America/New_York' });
    expect([period.start, period.end]).toEqual([day.startOf('day').toMillis(), day.endOf('day').toMillis()]);
  });

  it('a day over 12 on either side is that day of the month, the latest one that has begun', () => {
    const dates = fc
      .record({ month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 13, max: 31 }), dayFirst: fc.boolean() })
      .filter(({ month, day }) => day <= (DateTime.fromObject({ year: 2026, month }).daysInMonth ?? 0));
    const checked = checkProperty(
      dates,
      ({ month, day, dayFirst }) => {
        const period = resolvePeriod(dayFirst ? `${day}/${month}` : `${month}/${day}`, asked());
        const now = DateTime.fromMillis(asked().now, { zone: 'America/New_York' });
        const thisYear = DateTime.fromObject({ year: 2026, month, day }, { zone: 'America/New_York' });
        const expected = thisYear > now ? thisYear.minus({ years: 1 }) : thisYear;
        expect(period.start).toBe(expected.startOf('day').toMillis());
        expect(period.end).toBe(expected.endOf('day').toMillis());
      },
      { numRuns: 200 },
    );
    expect(checked).toBe(200);
  });

  it.each([
    ['0/5', 'I couldn’t find a date or period in “0 5”.'],
    ['5/0', 'I couldn’t find a date or period in “5 0”.'],
  ])('“%s” has a zero, so it is no date at all, not a question about months', (phrase, problem) => {
    const error = refusalOf(phrase, asked());
    expect(error.code).toBe('unparseable');
    expect(error.problem).toBe(problem);
  });
});
