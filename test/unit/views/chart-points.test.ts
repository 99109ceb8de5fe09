import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wallParts } from '../../../src/period/calendar.js';
import { MEASURES } from '../../../src/report/report-types.js';
import { pointName } from '../../../src/views/bucket-names.js';
import { chartData } from '../../../src/views/chart-data.js';
import { chooseTicks } from '../../../src/views/chart-ticks.js';
import { checkProperty } from '../../support/checked-property.js';
import { madeReport } from '../../support/made-report.js';

const NOW = '2026-11-27T10:00:00Z'; // Friday 12:00 in Athens
const steady = () => 10;

describe('short edge buckets', () => {
  it.each([
    ['Q3 2025 by week', 0, '1–6 Jul'],
    ['Q3 2025 by week', -1, '29–30 Sep'],
    ['Nov 3 to Nov 19 by week', 0, '3–8 Nov'],
    ['Nov 3 to Nov 19 by week', -1, '16–19 Nov'],
    ['Nov 3 2025 to Jan 19 2026 by month', 0, '3–30 Nov'],
    ['Nov 3 2025 to Jan 19 2026 by month', -1, '1–19 Jan'],
  ])('“%s”: the point at %i is drawn as short and labelled “%s”', (phrase, at, label) => {
    const data = chartData(madeReport(phrase, { now: NOW, values: steady }));
    const index = at < 0 ? data.points.length + at : at;
    expect(data.points[index]?.state).toBe('short');
    expect(chooseTicks(data)[index]).toBe(label);
  });

  it('leaves whole buckets whole: a calendar quarter by month has no short point', () => {
    const data = chartData(madeReport('Q3 2025 by month', { now: NOW, values: steady }));
    expect(data.points.map((p) => p.state)).toEqual(['whole', 'whole', 'whole']);
  });

  it('names a week as a week, and a short one by the days it covers', () => {
    const data = chartData(madeReport('Q3 2025 by week', { now: NOW, values: steady }));
    const names = data.points.map((p) =>
      pointName(p.start, p.end, { unit: 'week', cal: data.cal, multiDay: true, short: p.state === 'short' }),
    );
    expect(names.slice(0, 3)).toEqual(['1–6 Jul', '7–13 Jul', '14–20 Jul']);
    expect(names.at(-2)).toBe('22–28 Sep');
    expect(names.at(-1)).toBe('29–30 Sep');
  });
});

describe('partial buckets', () => {
  it('draws the bucket still counting as partial, labelled “so far”, with the week before to the same point', () => {
    const data = chartData(madeReport('this week', { now: NOW, values: steady, previous: steady }));
    expect(data.points[4]?.state).toBe('partial');
    expect(chooseTicks(data)[4]).toEqual(['Fri 27', 'so far']);
    expect(data.series.contactsAdded.slice(4)).toEqual([10, null, null]);
    expect(data.previous?.contactsAdded.slice(0, 6)).toEqual([10, 10, 10, 10, 10, null]);
  });

  it.each([
    ['an hour ten minutes old', 'today', '2026-11-27T10:10:00Z', 12],
    ['a day three hours old', 'this week', '2026-11-27T01:00:00Z', 4],
    ['a month two days old', 'this year', '2026-11-03T10:00:00Z', 10],
  ])('leaves off %s, in both periods, rather than draw it as a drop', (_, phrase, now, index) => {
    const data = chartData(madeReport(phrase, { now, values: steady, previous: steady }));
    expect(data.series.contactsAdded[index]).toBeNull();
    expect(data.previous?.contactsAdded[index]).toBeNull();
    expect(data.series.contactsAdded[index - 1]).toBe(10);
  });

  it('leaves off a chart’s only bucket when it has barely started: nothing is drawn, nothing dropped', () => {
    const data = chartData(madeReport('this month', { now: '2026-10-31T23:30:00Z', values: steady }));
    expect(data.series.contactsAdded.every((v) => v === null)).toBe(true);
  });
});

describe('merging points to fit Slack', () => {
  it('merges days into calendar weeks, never leaving a one-day leftover that is not a real edge', () => {
    const report = madeReport('2025 by day', { now: NOW, values: steady });
    const data = chartData(report, 'week');
    expect(data.points).toHaveLength(53);
    expect(data.points[0]?.state).toBe('short'); // Wed 1 – Sun 5 Jan
    expect(data.points.at(-1)?.state).toBe('short'); // Mon 29 – Wed 31 Dec
    expect(data.series.contactsAdded.slice(1, -1).every((v) => v === 70)).toBe(true);
    for (const p of data.points.slice(1)) expect(wallParts(p.start, 'Europe/Athens').weekday).toBe(1);
  });

  it('merges hours into quarters of a day that start at midnight', () => {
    const data = chartData(madeReport('last week by hour', { now: NOW, values: steady }), 'sixHours');
    expect(data.points).toHaveLength(28);
    expect(data.points.map((p) => wallParts(p.start, 'Europe/Athens').hour).slice(0, 5)).toEqual([0, 6, 12, 18, 0]);
    expect(data.series.contactsServed.every((v) => v === 60)).toBe(true);
  });

  it('keeps every total whatever unit it merges into', () => {
    const phrases = fc.constantFrom('2025 by day', 'last week by hour', 'Q3 2025 by week', 'last month', 'last week');
    checkProperty(
      fc.tuple(phrases, fc.array(fc.nat(5000), { minLength: 400, maxLength: 400 })),
      ([phrase, values]) => {
        const report = madeReport(phrase, { now: NOW, values: (i) => values[i % 400] ?? 0 });
        for (const unit of ['sixHours', 'day', 'week', 'month', 'quarter', 'year'] as const) {
          const data = chartData(report, unit);
          for (const m of MEASURES) {
            expect(data.series[m].reduce<number>((a, v) => a + (v ?? 0), 0)).toBe(report.totals[m]);
          }
        }
      },
      { numRuns: 20 },
    );
  });
});

describe('tick labels', () => {
  it('labels hourly charts of several days at midnight, with the day', () => {
    const ticks = chooseTicks(chartData(madeReport('last week by hour', { now: NOW, values: steady })));
    const named = ticks.flatMap((t, i) => (typeof t === 'string' && /^[A-Z]/.test(t) ? [[i, t] as const] : []));
    expect(named.map(([, t]) => t)).toEqual(['Mon 16', 'Tue 17', 'Wed 18', 'Thu 19', 'Fri 20', 'Sat 21', 'Sun 22']);
    expect(named.map(([i]) => i % 24)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(
      ticks.filter((t) => t !== '').every((t) => typeof t === 'string' && /^([A-Z][a-z]{2} \d+|\d\d:00)$/.test(t)),
    ).toBe(true);
  });

  it('labels one day by hour with round hours only', () => {
    const ticks = chooseTicks(chartData(madeReport('yesterday', { now: NOW, values: steady })));
    expect(ticks.filter((t) => t !== '')).toEqual([
      '00:00',
      '03:00',
      '06:00',
      '09:00',
      '12:00',
      '15:00',
      '18:00',
      '21:00',
    ]);
  });

  it.each([
    ['last week', ['Mon 16', 'Tue 17', 'Wed 18', 'Thu 19', 'Fri 20', 'Sat 21', 'Sun 22']],
    ['last month', ['5 Oct', '12 Oct', '19 Oct', '26 Oct']],
    ['last year', ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']],
    ['2025 by day', ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']],
  ])('labels “%s” with short, flat, natural labels', (phrase, labels) => {
    const ticks = chooseTicks(chartData(madeReport(phrase, { now: NOW, values: steady })));
    expect(ticks.filter((t) => t !== '')).toEqual(labels);
  });
});
