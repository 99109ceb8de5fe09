import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { resolvePeriod } from '../../../src/period/index.js';
import { refusalOf } from '../../support/period-refusal.js';

/*
 * Each limit on what a report can show, on both sides of its edge: the default bucket (by hour
 * up to two days and an hour, by week up to 190 days), the most points a chart holds (370), the
 * longest period (5 years), a bucket no shorter than the period, and weekday names up to 31 days.
 * Kolkata keeps no daylight saving, so its days are exact; Athens has a 25-hour Sunday.
 */

const now = Date.parse('2026-11-27T10:00:00Z');

describe('a period just inside a limit', () => {
  it.each([
    [
      'Europe/Athens',
      '24 October to 25 October 2026',
      '2026-10-24',
      '2026-10-25',
      'hour',
      'Weekend · Sat 24 – Sun 25 Oct 2026',
    ],
    [
      'Europe/Athens',
      '24 October to 26 October 2026',
      '2026-10-24',
      '2026-10-26',
      'day',
      '3 days · Sat 24 – Mon 26 Oct 2026',
    ],
    [
      'Asia/Kolkata',
      '1 January 2025 to 9 July 2025',
      '2025-01-01',
      '2025-07-09',
      'week',
      '190 days · 1 Jan – 9 Jul 2025',
    ],
    [
      'Asia/Kolkata',
      '1 January 2025 to 10 July 2025',
      '2025-01-01',
      '2025-07-10',
      'month',
      '191 days · 1 Jan – 10 Jul 2025',
    ],
    [
      'Asia/Kolkata',
      '1 January 2025 to 5 January 2026 by day',
      '2025-01-01',
      '2026-01-05',
      'day',
      '370 days · 1 Jan 2025 – 5 Jan 2026',
    ],
    [
      'Asia/Kolkata',
      '1 November to 15 November 2026 by hour',
      '2026-11-01',
      '2026-11-15',
      'hour',
      '15 days · Sun 1 – Sun 15 Nov 2026',
    ],
    ['Asia/Kolkata', '2021 to 2025', '2021-01-01', '2025-12-31', 'month', 'Last 5 years · 1 Jan 2021 – 31 Dec 2025'],
    [
      'Europe/Athens',
      '1 October to 1 November 2026 by month',
      '2026-10-01',
      '2026-11-01',
      'month',
      '32 days · 1 Oct – 1 Nov 2026',
    ],
    [
      'Asia/Kolkata',
      '1 February to 8 February 2026 by week',
      '2026-02-01',
      '2026-02-08',
      'week',
      '8 days · Sun 1 – Sun 8 Feb 2026',
    ],
    [
      'Asia/Kolkata',
      '1 March to 2 March 2026 by day',
      '2026-03-01',
      '2026-03-02',
      'day',
      '2 days · Sun 1 – Mon 2 Mar 2026',
    ],
    [
      'Asia/Kolkata',
      '1 March to 31 March 2026',
      '2026-03-01',
      '2026-03-31',
      'day',
      '31 days · Sun 1 – Tue 31 Mar 2026',
    ],
    ['Asia/Kolkata', '1 March to 1 April 2026', '2026-03-01', '2026-04-01', 'day', '32 days · 1 Mar – 1 Apr 2026'],
    ['Asia/Kolkata', 'March 2026', '2026-03-01', '2026-03-31', 'day', 'March 2026 · 1 – 31 Mar 2026'],
  ])('in %s, “%s” runs %s to %s by %s, “%s”', (zone, phrase, first, last, unit, label) => {
    const period = resolvePeriod(phrase, { zone, weekStart: 1, now });
    const afterLast = DateTime.fromISO(last, { zone }).plus({ days: 1 });
    expect([period.start, period.end + 1]).toEqual([
      DateTime.fromISO(first, { zone }).toMillis(),
      afterLast.toMillis(),
    ]);
    expect([period.unit, period.label]).toEqual([unit, label]);
  });
});

describe('a period just past a limit', () => {
  it.each([
    [
      'Europe/Athens',
      'October 2026 by month',
      'unit-too-large',
      '“By month” needs a period longer than one month, and 1 – 31 Oct 2026 is not.',
    ],
    [
      'Asia/Kolkata',
      '1 February to 7 February 2026 by week',
      'unit-too-large',
      '“By week” needs a period longer than one week, and Sun 1 – Sat 7 Feb 2026 is not.',
    ],
    [
      'Asia/Kolkata',
      '1 March 2026 by day',
      'unit-too-large',
      '“By day” needs a period longer than one day, and Sun 1 Mar 2026 is not.',
    ],
    [
      'Asia/Kolkata',
      '1 January 2025 to 6 January 2026 by day',
      'too-many-buckets',
      '1 Jan 2025 – 6 Jan 2026 by day would be about 371 points; by day covers at most 370 days.',
    ],
    [
      'Asia/Kolkata',
      '1 November to 16 November 2026 by hour',
      'too-many-buckets',
      'Sun 1 – Mon 16 Nov 2026 by hour would be about 384 points; by hour covers at most 15 days.',
    ],
    [
      'Asia/Kolkata',
      '2020 to 2025',
      'too-long',
      '1 Jan 2020 – 31 Dec 2025 is longer than 5 years, the most one report covers.',
    ],
  ])('in %s, “%s” is refused: %s, “%s”', (zone, phrase, code, problem) => {
    expect(refusalOf(phrase, { zone, weekStart: 1, now })).toEqual({ code, problem });
  });
});

describe('a period whose usual bucket is exactly as long as it is', () => {
  it('“this quarter so far” on 7 April in Sydney, a week and the hour the clock went back, is shown by day', () => {
    const zone = 'Australia/Sydney';
    const now = DateTime.fromISO('2026-04-07T12:00', { zone });
    const period = resolvePeriod('this quarter so far', { zone, weekStart: 1, now: now.toMillis() });
    const first = DateTime.fromISO('2026-04-01', { zone });
    expect(now.endOf('day').plus(1).diff(first, 'hours').hours).toBe(7 * 24 + 1);
    expect([period.start, period.end + 1]).toEqual([first.toMillis(), now.endOf('day').toMillis() + 1]);
    expect([period.unit, period.label]).toEqual(['day', 'This quarter so far · 1 – 7 Apr 2026']);
  });
});
