import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Weekday } from '../../../src/period/calendar.js';
import { periodBuckets, periodPlan, resolvePeriod } from '../../../src/period/index.js';
import { TEST_ZONES } from '../../support/zones.js';

const ZONES = TEST_ZONES;
const WEEK_STARTS: Weekday[] = [0, 1, 2, 3, 4, 5, 6];

/** Moments that stress the calendar: an ordinary Friday, DST changes both ways, a leap day, a year end. */
const NOWS = {
  ordinary: '2026-11-27T10:00:00Z',
  athensSpringForward: '2026-03-29T09:00:00Z',
  newYorkFallBack: '2026-11-01T16:00:00Z',
  southernSpring: '2026-10-04T02:00:00Z',
  leapDay: '2024-02-29T12:00:00Z',
  newYear: '2027-01-01T00:30:00Z',
} as const;

const iso = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toISO();

describe('phrases in Europe/Athens, weeks from Monday, on Friday 27 November 2026 at 12:00', () => {
  const settings = { zone: 'Europe/Athens', weekStart: 1 as Weekday, now: Date.parse(NOWS.ordinary) };
  it.each([
    ['', '2026-11-23', '2026-11-29', 'day', 'This week · Mon 23 – Sun 29 Nov 2026'],
    ['today', '2026-11-27', '2026-11-27', 'hour', 'Today · Fri 27 Nov 2026'],
    ['yesterday', '2026-11-26', '2026-11-26', 'hour', 'Yesterday · Thu 26 Nov 2026'],
    ['21 July 2015', '2015-07-21', '2015-07-21', 'hour', 'Tue 21 Jul 2015'],
    ['2026-11-03', '2026-11-03', '2026-11-03', 'hour', 'Tue 3 Nov 2026'],
    ['last Tuesday', '2026-11-24', '2026-11-24', 'hour', '3 days ago · Tue 24 Nov 2026'],
    ['Tuesday', '2026-11-24', '2026-11-24', 'hour', '3 days ago · Tue 24 Nov 2026'],
    ['Sunday', '2026-11-22', '2026-11-22', 'hour', '5 days ago · Sun 22 Nov 2026'],
    ['this week', '2026-11-23', '2026-11-29', 'day', 'This week · Mon 23 – Sun 29 Nov 2026'],
    ['last week', '2026-11-16', '2026-11-22', 'day', 'Last week · Mon 16 – Sun 22 Nov 2026'],
    ['previous week', '2026-11-16', '2026-11-22', 'day', 'Last week · Mon 16 – Sun 22 Nov 2026'],
    ['2 weeks ago', '2026-11-09', '2026-11-15', 'day', '2 weeks ago · Mon 9 – Sun 15 Nov 2026'],
    ['week of March 3', '2026-03-02', '2026-03-08', 'day', 'Week · Mon 2 – Sun 8 Mar 2026'],
    ['this month', '2026-11-01', '2026-11-30', 'day', 'This month · 1 – 30 Nov 2026'],
    ['last month', '2026-10-01', '2026-10-31', 'day', 'Last month · 1 – 31 Oct 2026'],
    ['March', '2026-03-01', '2026-03-31', 'day', 'March 2026 · 1 – 31 Mar 2026'],
    ['march 2025', '2025-03-01', '2025-03-31', 'day', 'March 2025 · 1 – 31 Mar 2025'],
    ['December', '2025-12-01', '2025-12-31', 'day', 'December 2025 · 1 – 31 Dec 2025'],
    ['3 months ago', '2026-08-01', '2026-08-31', 'day', 'August 2026 · 1 – 31 Aug 2026'],
    ['this year', '2026-01-01', '2026-12-31', 'month', 'This year · 1 Jan – 31 Dec 2026'],
    ['last year', '2025-01-01', '2025-12-31', 'month', 'Last year · 1 Jan – 31 Dec 2025'],
    ['2025', '2025-01-01', '2025-12-31', 'month', 'Last year · 1 Jan – 31 Dec 2025'],
    ['Nov 3 to Nov 10', '2026-11-03', '2026-11-10', 'day', '8 days · Tue 3 – Tue 10 Nov 2026'],
    ['from 3 Nov until 10 Nov', '2026-11-03', '2026-11-10', 'day', '8 days · Tue 3 – Tue 10 Nov 2026'],
    ['between Nov 3 and Nov 10', '2026-11-03', '2026-11-10', 'day', '8 days · Tue 3 – Tue 10 Nov 2026'],
    ['3–10 Nov', '2026-11-03', '2026-11-10', 'day', '8 days · Tue 3 – Tue 10 Nov 2026'],
    ['Dec 20 to Jan 5', '2025-12-20', '2026-01-05', 'day', '17 days · Sat 20 Dec 2025 – Mon 5 Jan 2026'],
    ['last 7 days', '2026-11-20', '2026-11-26', 'day', 'Last 7 days · Fri 20 – Thu 26 Nov 2026'],
    ['past 30 days', '2026-10-28', '2026-11-26', 'day', 'Last 30 days · Wed 28 Oct – Thu 26 Nov 2026'],
    ['last 4 weeks', '2026-10-26', '2026-11-22', 'day', 'Last 4 weeks · Mon 26 Oct – Sun 22 Nov 2026'],
    ['since Monday', '2026-11-23', '2026-11-27', 'day', 'Since Mon 23 Nov · Mon 23 – Fri 27 Nov 2026'],
    ['Q3 2025', '2025-07-01', '2025-09-30', 'week', 'Q3 2025 · 1 Jul – 30 Sep 2025'],
    ['last quarter', '2026-07-01', '2026-09-30', 'week', 'Last quarter · 1 Jul – 30 Sep 2026'],
    ['this year so far', '2026-01-01', '2026-11-27', 'month', 'This year so far · 1 Jan – 27 Nov 2026'],
    ['ytd', '2026-01-01', '2026-11-27', 'month', 'This year so far · 1 Jan – 27 Nov 2026'],
    ['the third quarter of 2024', '2024-07-01', '2024-09-30', 'week', 'Q3 2024 · 1 Jul – 30 Sep 2024'],
    ['between March and May 2025', '2025-03-01', '2025-05-31', 'week', '3 months · 1 Mar – 31 May 2025'],
    ['Q1 to Q3 2025', '2025-01-01', '2025-09-30', 'month', '3 quarters · 1 Jan – 30 Sep 2025'],
    ['2023 to 2025', '2023-01-01', '2025-12-31', 'month', 'Last 3 years · 1 Jan 2023 – 31 Dec 2025'],
    ['last week by hour', '2026-11-16', '2026-11-22', 'hour', 'Last week · Mon 16 – Sun 22 Nov 2026'],
    ['hourly yesterday', '2026-11-26', '2026-11-26', 'hour', 'Yesterday · Thu 26 Nov 2026'],
    ['LAST   WEEK   BY DAY', '2026-11-16', '2026-11-22', 'day', 'Last week · Mon 16 – Sun 22 Nov 2026'],
    ['  Last Month   Weekly ', '2026-10-01', '2026-10-31', 'week', 'Last month · 1 – 31 Oct 2026'],
    ['2025 by day', '2025-01-01', '2025-12-31', 'day', 'Last year · 1 Jan – 31 Dec 2025'],
    ['by hour', '2026-11-23', '2026-11-29', 'hour', 'This week · Mon 23 – Sun 29 Nov 2026'],
    ['last 10 days by week', '2026-11-17', '2026-11-26', 'week', 'Last 10 days · Tue 17 – Thu 26 Nov 2026'],
    ['last weekend', '2026-11-21', '2026-11-22', 'hour', 'Last weekend · Sat 21 – Sun 22 Nov 2026'],
    ['Jan to Mar 2025', '2025-01-01', '2025-03-31', 'week', '3 months · 1 Jan – 31 Mar 2025'],
    ['Sept', '2026-09-01', '2026-09-30', 'day', 'September 2026 · 1 – 30 Sep 2026'],
    ['2026-10', '2026-10-01', '2026-10-31', 'day', 'Last month · 1 – 31 Oct 2026'],
    ['first half of 2025', '2025-01-01', '2025-06-30', 'week', 'H1 2025 · 1 Jan – 30 Jun 2025'],
    ['H2 2025 by month', '2025-07-01', '2025-12-31', 'month', 'H2 2025 · 1 Jul – 31 Dec 2025'],
    ['25/10/2026', '2026-10-25', '2026-10-25', 'hour', 'Sun 25 Oct 2026'],
    ['12/12', '2025-12-12', '2025-12-12', 'hour', 'Fri 12 Dec 2025'],
  ])('“%s” → %s … %s by %s', (phrase, first, last, unit, label) => {
    const period = resolvePeriod(phrase, settings);
    expect(iso(period.start, 'Europe/Athens')).toBe(DateTime.fromISO(first, { zone: 'Europe/Athens' }).toISO());
    const lastMs = DateTime.fromISO(last, { zone: 'Europe/Athens' }).endOf('day').toMillis();
    expect(period.end).toBe(lastMs);
    expect(period.unit).toBe(unit);
    expect(period.label).toBe(label);
  });
});

/** An oracle written straight from Luxon, independent of the resolver's own calendar code. */
function oracle(zone: string, weekStart: Weekday, now: number) {
  const today = DateTime.fromMillis(now, { zone }).startOf('day');
  const weekOpen = today.minus({ days: (today.weekday - weekStart + 7) % 7 }).startOf('day');
  return {
    today,
    weekOpen,
    lastWeek: weekOpen.minus({ weeks: 1 }).startOf('day'),
    monthOpen: today.startOf('month'),
    yearOpen: today.startOf('year'),
  };
}

describe.each(ZONES)('in %s', (zone) => {
  describe.each(WEEK_STARTS)('with weeks from day %i', (weekStart) => {
    it.each(Object.entries(NOWS))('resolves relative and absolute periods at %s', (_name, nowIso) => {
      const now = Date.parse(nowIso);
      const o = oracle(zone, weekStart, now);
      const resolve = (phrase: string) => resolvePeriod(phrase, { zone, weekStart, now });
      const expectSpan = (phrase: string, start: DateTime, endExclusive: DateTime) => {
        const period = resolve(phrase);
        expect(period.start, phrase).toBe(start.toMillis());
        expect(period.end + 1, phrase).toBe(endExclusive.toMillis());
      };
      expectSpan('this week', o.weekOpen, o.weekOpen.plus({ weeks: 1 }).startOf('day'));
      expectSpan('last week', o.lastWeek, o.weekOpen);
      expectSpan('today', o.today, o.today.plus({ days: 1 }).startOf('day'));
      expectSpan('yesterday', o.today.minus({ days: 1 }).startOf('day'), o.today);
      expectSpan('last month', o.monthOpen.minus({ months: 1 }), o.monthOpen);
      expectSpan('this year so far', o.yearOpen, o.today.plus({ days: 1 }).startOf('day'));
      expectSpan('last year', o.yearOpen.minus({ years: 1 }), o.yearOpen);
      expectSpan('last 7 days', o.today.minus({ days: 7 }).startOf('day'), o.today);
      expectSpan('last 4 weeks', o.weekOpen.minus({ weeks: 4 }).startOf('day'), o.weekOpen);
      expectSpan('2 weeks ago', o.weekOpen.minus({ weeks: 2 }).startOf('day'), o.lastWeek);
      // Absolute forms: a date without a year is its latest occurrence that has begun.
      const latest = (month: number, day: number) => {
        const thisYear = DateTime.fromObject({ year: o.today.year, month, day }, { zone });
        return thisYear.toMillis() <= now ? thisYear : thisYear.minus({ years: 1 });
      };
      const march3 = latest(3, 3);
      const week = march3.minus({ days: (march3.weekday - weekStart + 7) % 7 }).startOf('day');
      expectSpan('week of March 3', week, week.plus({ weeks: 1 }).startOf('day'));
      const nov3 = latest(11, 3);
      expectSpan('Nov 3 to Nov 10', nov3, nov3.plus({ days: 8 }).startOf('day'));
      const day = (iso: string) => DateTime.fromISO(iso, { zone }).startOf('day');
      expectSpan('21 July 2015', day('2015-07-21'), day('2015-07-22'));
      expectSpan('march 2023', day('2023-03-01'), day('2023-04-01'));
      expectSpan('Q3 2023', day('2023-07-01'), day('2023-10-01'));
      expectSpan('2023', day('2023-01-01'), day('2024-01-01'));
      const monday = o.today.minus({ days: (o.today.weekday - 1 + 7) % 7 }).startOf('day');
      expectSpan('since Monday', monday, o.today.plus({ days: 1 }).startOf('day'));
      const lastWeek = periodPlan(resolve('last week'), now).requests;
      expect(lastWeek).toHaveLength(1);
      expect(lastWeek[0]?.request).toMatchObject({ window: 'week', unit: 'day', dow: weekStart });
      expect(DateTime.fromMillis(resolve('last week').start, { zone }).weekday % 7).toBe(weekStart);
    });
  });
});

describe('daylight saving, leap days and year ends', () => {
  it('gives the spring-forward day in Athens 23 hourly buckets and the fall-back day 25', () => {
    const now = Date.parse('2026-11-27T10:00:00Z');
    const spring = resolvePeriod('29 March 2026', { zone: 'Europe/Athens', weekStart: 1, now });
    const fall = resolvePeriod('25 October 2026', { zone: 'Europe/Athens', weekStart: 1, now });
    expect(periodBuckets(spring)).toHaveLength(23);
    const fallBuckets = periodBuckets(fall);
    expect(fallBuckets).toHaveLength(25);
    expect(fallBuckets.map((b) => b.label).filter((label) => label.startsWith('03:00'))).toEqual([
      '03:00 +03:00',
      '03:00 +02:00',
    ]);
    expect(spring.end - spring.start + 1).toBe(23 * 3_600_000);
  });

  it('counts Lord Howe’s half-hour shift and Chatham’s :45 offset in real hours', () => {
    const now = Date.parse('2026-11-27T10:00:00Z');
    const lordHowe = resolvePeriod('5 April 2026', { zone: 'Australia/Lord_Howe', weekStart: 1, now });
    expect((lordHowe.end + 1 - lordHowe.start) / 3_600_000).toBe(24.5);
    const chatham = resolvePeriod('27 September 2026', { zone: 'Pacific/Chatham', weekStart: 1, now });
    expect(periodBuckets(chatham)).toHaveLength(23);
    expect(DateTime.fromMillis(chatham.start, { zone: 'Pacific/Chatham' }).offset).toBe(12 * 60 + 45);
  });

  it('reads 29 February and a leap February', () => {
    const now = Date.parse(NOWS.ordinary);
    const leap = resolvePeriod('29 Feb 2024', { zone: 'Asia/Kolkata', weekStart: 0, now });
    expect(iso(leap.start, 'Asia/Kolkata')).toBe('2024-02-29T00:00:00.000+05:30');
    const feb = resolvePeriod('February 2024', { zone: 'Asia/Kolkata', weekStart: 0, now });
    expect(periodBuckets(feb)).toHaveLength(29);
    const onLeapDay = resolvePeriod('this month', {
      zone: 'Asia/Kolkata',
      weekStart: 0,
      now: Date.parse(NOWS.leapDay),
    });
    expect(periodBuckets(onLeapDay)).toHaveLength(29);
  });

  it('knows that just after midnight on 1 January, last year is the one that just ended', () => {
    const settings = { zone: 'Europe/Athens', weekStart: 1 as Weekday, now: Date.parse('2025-12-31T22:30:00Z') };
    expect(resolvePeriod('last year', settings).label).toBe('Last year · 1 Jan – 31 Dec 2025');
    expect(resolvePeriod('yesterday', settings).label).toBe('Yesterday · Wed 31 Dec 2025');
    expect(resolvePeriod('this week', settings).label).toBe('This week · Mon 29 Dec 2025 – Sun 4 Jan 2026');
    expect(resolvePeriod('December', settings).label).toBe('Last month · 1 – 31 Dec 2025');
    // In New York it is still 2025.
    const ny = { ...settings, zone: 'America/New_York' };
    expect(resolvePeriod('this year', ny).label).toBe('This year · 1 Jan – 31 Dec 2025');
  });

  it('lets a Sunday-start workspace see Sunday as the first day of this week', () => {
    const sunday = Date.parse('2026-11-29T10:00:00Z');
    const period = resolvePeriod('this week', { zone: 'America/New_York', weekStart: 0, now: sunday });
    expect(period.label).toBe('This week · Sun 29 Nov – Sat 5 Dec 2026');
    const monday = resolvePeriod('this week', { zone: 'America/New_York', weekStart: 1, now: sunday });
    expect(monday.label).toBe('This week · Mon 23 – Sun 29 Nov 2026');
  });
});
