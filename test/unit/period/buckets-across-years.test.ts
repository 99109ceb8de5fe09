import { describe, expect, it } from 'vitest';
import type { Weekday } from '../../../src/period/calendar.js';
import { type Bucket, periodBuckets, resolvePeriod } from '../../../src/period/index.js';

const settings = { zone: 'Europe/Athens', weekStart: 1 as Weekday, now: Date.parse('2026-11-27T10:00:00Z') };
const buckets = (phrase: string) => periodBuckets(resolvePeriod(phrase, settings));
const labels = (list: readonly Bucket[]) => list.map((b) => b.label);

describe('bucket labels of a period that crosses a new year carry the year', () => {
  it('by day: “20 Dec 2025” … “5 Jan 2026”', () => {
    const list = buckets('Dec 20 to Jan 5 by day');
    expect(list).toHaveLength(17);
    expect(labels(list).slice(0, 2)).toEqual(['20 Dec 2025', '21 Dec 2025']);
    expect(labels(list).slice(-2)).toEqual(['4 Jan 2026', '5 Jan 2026']);
  });

  it('by week: each week named by its first day and year', () => {
    expect(labels(buckets('Dec 2025 to Jan 2026 by week'))).toEqual([
      '1 Dec 2025',
      '8 Dec 2025',
      '15 Dec 2025',
      '22 Dec 2025',
      '29 Dec 2025',
      '5 Jan 2026',
      '12 Jan 2026',
      '19 Jan 2026',
      '26 Jan 2026',
    ]);
  });

  it('by month: “Jan 2023” … “Dec 2025”', () => {
    const list = labels(buckets('2023 to 2025'));
    expect(list).toHaveLength(36);
    expect(list.slice(0, 2)).toEqual(['Jan 2023', 'Feb 2023']);
    expect(list.slice(11, 13)).toEqual(['Dec 2023', 'Jan 2024']);
    expect(list.at(-1)).toBe('Dec 2025');
  });

  it('within one year the labels leave the year out', () => {
    expect(labels(buckets('last 3 days'))).toEqual(['Tue 24 Nov', 'Wed 25 Nov', 'Thu 26 Nov']);
    expect(labels(buckets('Q3 2025 by month'))).toEqual(['Jul', 'Aug', 'Sep']);
  });
});

describe('each bucket ends the millisecond before the next begins', () => {
  it.each(['Dec 20 to Jan 5 by day', 'yesterday', 'last month by week', '2023 to 2025'])('“%s”', (phrase) => {
    const period = resolvePeriod(phrase, settings);
    const list = periodBuckets(period);
    expect(list[0]?.start).toBe(period.start);
    for (const [i, bucket] of list.entries()) {
      expect(bucket.end).toBe((list[i + 1]?.start ?? period.end + 1) - 1);
    }
    expect(list.at(-1)?.end).toBe(period.end);
  });

  it('a month by week ends its last, shorter week on the month’s last day', () => {
    const list = buckets('last month by week');
    expect(labels(list)).toEqual(['1 Oct', '5 Oct', '12 Oct', '19 Oct', '26 Oct']);
    expect(list[0]?.end).toBe(Date.parse('2026-10-04T21:00:00Z') - 1);
    expect(list.at(-1)?.end).toBe(Date.parse('2026-10-31T22:00:00Z') - 1);
  });
});
