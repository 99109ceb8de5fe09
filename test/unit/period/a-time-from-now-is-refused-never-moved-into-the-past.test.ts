import { DateTime, type DurationLikeObject } from 'luxon';
import { describe, expect, it } from 'vitest';
import { refusalOf } from '../../support/period-refusal.js';

/*
 * "In a quarter", "a year from now": a time counted forward from now is in the future, and a
 * report looks back, so it is refused, naming the day (or year) it meant, as Luxon counts
 * forward from now. It is never taken for a date said without its year and moved back into the
 * past ("in a quarter" is not 10 June of last year).
 */

describe('a phrase counting forward from now, asked Tuesday 10 March 2026 at noon', () => {
  it.each([
    ['in a quarter', 'Europe/Athens', { months: 3 }, 'ccc d LLL yyyy'],
    ['in a quarter', 'America/St_Johns', { months: 3 }, 'ccc d LLL yyyy'],
    ['in 3 weeks', 'Europe/Athens', { weeks: 3 }, 'ccc d LLL yyyy'],
    ['a year from now', 'Europe/Athens', { years: 1 }, "'1 Jan – 31 Dec' yyyy"],
    ['in 5 years', 'Asia/Kathmandu', { years: 5 }, "'1 Jan – 31 Dec' yyyy"],
    ['within a year by month', 'Europe/Athens', { years: 1 }, "'1 Jan – 31 Dec' yyyy"],
  ])('“%s” in %s is refused as the future, naming what it meant', (phrase, zone, ahead, shown) => {
    const now = DateTime.fromISO('2026-03-10T12:00', { zone });
    const error = refusalOf(phrase, { zone, weekStart: 1, now: now.toMillis() });
    const meant = now.plus(ahead as DurationLikeObject).toFormat(shown);
    expect(error.code).toBe('future');
    expect(error.problem).toBe(`${meant} hasn’t started yet; reports look back.`);
  });
});
