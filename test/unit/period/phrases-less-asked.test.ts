import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Weekday } from '../../../src/period/calendar.js';
import {
  type Period,
  PeriodError,
  planRequests,
  resolvePeriod,
  unlessPeriodError,
  validUnits,
} from '../../../src/period/index.js';

const athens = (nowIso: string) => ({ zone: 'Europe/Athens', weekStart: 1 as Weekday, now: Date.parse(nowIso) });
/** Tuesday 10 March 2026, 12:00 in Athens: early in the year, so a half or quarter without a year is last year's. */
const march = athens('2026-03-10T10:00:00Z');
/** Friday 27 November 2026, 12:00 in Athens. */
const november = athens('2026-11-27T10:00:00Z');

const day = (ms: number) => DateTime.fromMillis(ms, { zone: 'Europe/Athens' }).toISODate();
const shown = (period: Period) => [day(period.start), day(period.end), period.unit, period.label];

describe('halves, quarters and “so far” phrases, said in March 2026', () => {
  it.each([
    ['H2', '2025-07-01', '2025-12-31', 'week', 'H2 2025 · 1 Jul – 31 Dec 2025'],
    ['second half', '2025-07-01', '2025-12-31', 'week', 'H2 2025 · 1 Jul – 31 Dec 2025'],
    ['2nd half by month', '2025-07-01', '2025-12-31', 'month', 'H2 2025 · 1 Jul – 31 Dec 2025'],
    ['h1', '2026-01-01', '2026-06-30', 'week', 'H1 2026 · 1 Jan – 30 Jun 2026'],
    ["Q3 '25", '2025-07-01', '2025-09-30', 'week', 'Q3 2025 · 1 Jul – 30 Sep 2025'],
    ['q4 ’24', '2024-10-01', '2024-12-31', 'week', 'Q4 2024 · 1 Oct – 31 Dec 2024'],
    ['2025 Q3', '2025-07-01', '2025-09-30', 'week', 'Q3 2025 · 1 Jul – 30 Sep 2025'],
    ['second quarter', '2025-04-01', '2025-06-30', 'week', 'Q2 2025 · 1 Apr – 30 Jun 2025'],
    ['fourth quarter', '2025-10-01', '2025-12-31', 'week', 'Last quarter · 1 Oct – 31 Dec 2025'],
    ['so far this month', '2026-03-01', '2026-03-10', 'day', 'This month so far · 1 – 10 Mar 2026'],
    ['month-to-date', '2026-03-01', '2026-03-10', 'day', 'This month so far · 1 – 10 Mar 2026'],
    ['wtd', '2026-03-09', '2026-03-10', 'day', 'This week so far · Mon 9 – Tue 10 Mar 2026'],
    ['qtd', '2026-01-01', '2026-03-10', 'week', 'This quarter so far · 1 Jan – 10 Mar 2026'],
    ['this Monday', '2026-03-09', '2026-03-09', 'hour', 'Yesterday · Mon 9 Mar 2026'],
    ['this Tuesday', '2026-03-10', '2026-03-10', 'hour', 'Today · Tue 10 Mar 2026'],
    ['last 3 days', '2026-03-07', '2026-03-09', 'day', 'Last 3 days · Sat 7 – Mon 9 Mar 2026'],
    ['Dec', '2025-12-01', '2025-12-31', 'day', 'December 2025 · 1 – 31 Dec 2025'],
  ])('“%s” → %s … %s by %s, “%s”', (phrase, first, last, unit, label) => {
    expect(shown(resolvePeriod(phrase, march))).toEqual([first, last, unit, label]);
  });
});

describe('ranges said backwards, with one year, or with ends of different sizes (27 November 2026)', () => {
  it.each([
    ['Nov 10 2025 to Nov 3 2025', '2025-11-03', '2025-11-10', 'day', '8 days · Mon 3 – Mon 10 Nov 2025'],
    ['2025 to 2023', '2023-01-01', '2025-12-31', 'month', 'Last 3 years · 1 Jan 2023 – 31 Dec 2025'],
    ['Q3 2025 to Q1 2025', '2025-01-01', '2025-09-30', 'month', '3 quarters · 1 Jan – 30 Sep 2025'],
    ['Dec 20 to Jan 5 2026', '2025-12-20', '2026-01-05', 'day', '17 days · Sat 20 Dec 2025 – Mon 5 Jan 2026'],
    ['Nov 3 to Nov 10 2025', '2025-11-03', '2025-11-10', 'day', '8 days · Mon 3 – Mon 10 Nov 2025'],
    ['1 March 2025 to April 2025', '2025-03-01', '2025-04-30', 'day', '61 days · 1 Mar – 30 Apr 2025'],
    ['2024 to March 2025', '2024-01-01', '2025-03-31', 'month', '456 days · 1 Jan 2024 – 31 Mar 2025'],
  ])('“%s” → %s … %s by %s, “%s”', (phrase, first, last, unit, label) => {
    expect(shown(resolvePeriod(phrase, november))).toEqual([first, last, unit, label]);
  });

  it('a range whose ends differ in size is counted in days, as a finished period', () => {
    const period = resolvePeriod('1 March 2025 to April 2025', november);
    expect([period.step, period.count, period.toDate]).toEqual(['day', 61, false]);
  });
});

describe('settings and calls that cannot give a period', () => {
  it('a reference time that is not an instant is refused with that reason', () => {
    const refuse = () => resolvePeriod('last week', { ...november, now: Number.NaN });
    expect(refuse).toThrow(PeriodError);
    expect(refuse).toThrow(/^The reference time is not a valid instant\. Try “last week”/);
  });

  it('asking quietly gives the period when there is one, nothing when the period cannot be reported', () => {
    expect(unlessPeriodError(() => resolvePeriod('last week', november))?.label).toBe(
      'Last week · Mon 16 – Sun 22 Nov 2026',
    );
    expect(unlessPeriodError(() => resolvePeriod('next week', november))).toBeNull();
  });

  it('asking quietly still lets a fault that is not about the period through', () => {
    const fault = new TypeError('the store is gone');
    expect(() =>
      unlessPeriodError(() => {
        throw fault;
      }),
    ).toThrow(fault);
  });

  it('a period that had not begun by the time asked offers no unit to show it by', () => {
    const lastWeek = resolvePeriod('last week', november);
    expect(validUnits(lastWeek, november.now)).toEqual(['hour', 'day']);
    expect(validUnits(lastWeek, Date.parse('2026-11-01T10:00:00Z'))).toEqual([]);
  });

  it('a span that starts between hours is refused by name rather than fetched from the wrong hour', () => {
    const start = Date.parse('2026-11-27T08:30:00Z');
    const range = { start, endExclusive: start + 86_400_000, unit: 'hour' as const };
    expect(() => planRequests(range, november, november.now)).toThrow(
      'no Tellody window covers 2026-11-27T08:30:00.000Z',
    );
  });
});
