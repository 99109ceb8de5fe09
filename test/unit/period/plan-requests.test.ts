import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Weekday } from '../../../src/period/calendar.js';
import { bucketMap, periodBuckets, periodPlan, resolvePeriod } from '../../../src/period/index.js';

const now = Date.parse('2026-11-27T10:00:00Z');
const athens = { zone: 'Europe/Athens', weekStart: 1 as Weekday, now };
const plan = (phrase: string, settings = athens) => periodPlan(resolvePeriod(phrase, settings), settings.now);
const shape = (phrase: string) =>
  plan(phrase).requests.map(({ request }) => {
    const from = DateTime.fromMillis(request.from, { zone: 'Europe/Athens' }).toISODate();
    return `${request.window}/${request.unit} ${from}`;
  });

describe('the fewest aligned windows', () => {
  it.each([
    ['last week', ['week/day 2026-11-16']],
    ['yesterday', ['day/hour 2026-11-26']],
    ['last month', ['month/day 2026-10-01']],
    ['last year', ['year/month 2025-01-01']],
    ['Nov 3 to Nov 10', ['month/day 2026-11-01']],
    ['Dec 20 to Jan 5', ['month/day 2025-12-01', 'month/day 2026-01-01']],
    ['this year so far', ['year/month 2026-01-01']],
    ['2023 to 2025', ['year/month 2023-01-01', 'year/month 2024-01-01', 'year/month 2025-01-01']],
    ['last week by hour', ['week/hour 2026-11-16']],
    ['2025 by week', ['year/week 2025-01-01']],
    ['last 10 days by week', ['month/day 2026-11-01']],
  ])('“%s” → %j', (phrase, expected) => {
    expect(shape(phrase)).toEqual(expected);
  });

  it('asks for nothing that starts after now, even for a range that ends next month', () => {
    const requests = plan('Nov 20 to Dec 5').requests;
    expect(requests.every(({ request }) => request.from <= now)).toBe(true);
  });
});

describe('slicing and merging buckets back into the period', () => {
  it('takes days 3–10 of a November by day', () => {
    const period = resolvePeriod('Nov 3 to Nov 10', athens);
    const map = bucketMap(periodPlan(period, now), period);
    expect(map.bucketStarts).toHaveLength(8);
    expect(map.targets[0]?.slice(0, 12)).toEqual([-1, -1, 0, 1, 2, 3, 4, 5, 6, 7, -1, -1]);
  });

  it('folds a year by day into the weeks of a quarter, partial weeks included', () => {
    const period = resolvePeriod('Q3 2025', athens);
    const map = bucketMap(periodPlan(period, now), period);
    const weeks = periodBuckets(period);
    expect(weeks[0]?.label).toBe('1 Jul');
    expect(weeks[1]?.label).toBe('7 Jul');
    const counts = new Map<number, number>();
    for (const target of map.targets[0] ?? []) if (target >= 0) counts.set(target, (counts.get(target) ?? 0) + 1);
    expect(counts.get(0)).toBe(6); // Tue 1 – Sun 6 July
    expect(counts.get(1)).toBe(7);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(92);
  });

  it('maps every hour of a fall-back day once', () => {
    const period = resolvePeriod('25 Oct 2026', athens);
    const map = bucketMap(periodPlan(period, now), period);
    expect(map.targets[0]).toEqual(Array.from({ length: 25 }, (_, i) => i));
  });
});
