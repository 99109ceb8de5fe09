import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Weekday } from '../../../src/period/calendar.js';
import { comparisonFor, nextPeriod, previousPeriod, resolvePeriod } from '../../../src/period/index.js';

const now = Date.parse('2026-11-27T10:00:00Z'); // Friday 12:00 in Athens
const athens = { zone: 'Europe/Athens', weekStart: 1 as Weekday, now };
const local = (ms: number) => DateTime.fromMillis(ms, { zone: 'Europe/Athens' }).toFormat('ccc d LLL yyyy HH:mm');

describe('stepping through time', () => {
  it('steps weeks back and forth, and offers no next period that has not started', () => {
    const lastWeek = resolvePeriod('last week', athens);
    expect(previousPeriod(lastWeek, now).label).toBe('2 weeks ago · Mon 9 – Sun 15 Nov 2026');
    const thisWeek = nextPeriod(lastWeek, now);
    expect(thisWeek?.label).toBe('This week · Mon 23 – Sun 29 Nov 2026');
    expect(thisWeek && nextPeriod(thisWeek, now)).toBeNull();
  });

  it('steps months of different lengths and keeps the unit', () => {
    const feb = resolvePeriod('February 2026 by week', athens);
    expect(nextPeriod(feb, now)).toMatchObject({ label: 'March 2026 · 1 – 31 Mar 2026', unit: 'week' });
    expect(previousPeriod(feb, now).label).toBe('January 2026 · 1 – 31 Jan 2026');
  });

  it('steps a range by its own length', () => {
    const range = resolvePeriod('last 7 days', athens);
    expect(previousPeriod(range, now).label).toBe('7 days · Fri 13 – Thu 19 Nov 2026');
  });
});

describe('fair comparisons', () => {
  it('compares a finished period with the whole previous one', () => {
    const c = comparisonFor(resolvePeriod('last week', athens), now);
    expect(c.sameElapsed).toBe(false);
    expect([local(c.start), local(c.endExclusive)]).toEqual(['Mon 9 Nov 2026 00:00', 'Mon 16 Nov 2026 00:00']);
  });

  it('compares this week so far with last week up to the same hour', () => {
    const c = comparisonFor(resolvePeriod('this week', athens), now);
    expect(c.sameElapsed).toBe(true);
    expect([local(c.start), local(c.endExclusive)]).toEqual(['Mon 16 Nov 2026 00:00', 'Fri 20 Nov 2026 12:00']);
  });

  it('runs the slice to the end of the hour that holds the same instant', () => {
    const at = Date.parse('2026-11-27T10:20:00Z');
    const c = comparisonFor(resolvePeriod('today', { ...athens, now: at }), at);
    expect(local(c.endExclusive)).toBe('Thu 26 Nov 2026 13:00');
  });

  it('compares this year so far with last year to the same date, not by day count', () => {
    const c = comparisonFor(resolvePeriod('this year so far', athens), now);
    expect([local(c.start), local(c.endExclusive)]).toEqual(['Wed 1 Jan 2025 00:00', 'Thu 27 Nov 2025 12:00']);
  });

  it('never compares with an empty slice, even at the first millisecond of a period', () => {
    // Found by the property test: "Mar" at exactly 1 March 00:00 UTC compared with nothing.
    const at = Date.parse('2016-03-01T00:00:00Z');
    const c = comparisonFor(resolvePeriod('Mar', { zone: 'UTC', weekStart: 0, now: at }), at);
    expect([c.start, c.endExclusive]).toEqual([Date.parse('2016-02-01T00:00:00Z'), Date.parse('2016-02-01T01:00:00Z')]);
  });

  it('clamps to the end of a shorter previous month', () => {
    const march31 = Date.parse('2026-03-31T09:00:00Z');
    const c = comparisonFor(resolvePeriod('this month', { ...athens, now: march31 }), march31);
    expect(local(c.endExclusive)).toBe('Sun 1 Mar 2026 00:00');
  });
});
