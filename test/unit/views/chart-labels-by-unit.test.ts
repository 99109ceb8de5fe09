import { describe, expect, it } from 'vitest';
import type { PointUnit } from '../../../src/views/bucket-names.js';
import { chartData } from '../../../src/views/chart-data.js';
import { chooseTicks } from '../../../src/views/chart-ticks.js';
import { madeReport } from '../../support/made-report.js';

/*
 * The x labels a person reads under a chart, for every unit a chart point can stand for (the
 * report's own, or a larger one its buckets were merged into to fit Slack). Each row lists the
 * labels drawn and the point each sits under; every other point is left blank.
 */
const NOW = '2026-11-27T10:00:00Z'; // Friday 12:00 in Athens

interface Chart {
  readonly unit?: PointUnit;
  readonly zone?: string;
  readonly weekStart?: 0 | 1;
  readonly now?: string;
}

/** The labels drawn under the chart of `phrase`, each with the index of its point. */
function labels(phrase: string, chart: Chart = {}): (readonly [number, string])[] {
  const report = madeReport(phrase, { now: chart.now ?? NOW, values: () => 10, ...chart });
  return chooseTicks(chartData(report, chart.unit)).flatMap((t, i) =>
    t === '' ? [] : [[i, typeof t === 'string' ? t : t.join(' / ')] as const],
  );
}

describe('weeks over several years', () => {
  it.each([
    [
      '2023 to 2025 by week',
      [
        [0, '1 Jan'],
        [53, '2024'],
        [106, '2025'],
        [157, '29–31 Dec'],
      ],
    ],
    [
      '2021 to 2025 by week',
      [
        [0, '1–3 Jan'],
        [53, '2022'],
        [105, '2023'],
        [157, '2024'],
        [210, '2025'],
        [261, '29–31 Dec'],
      ],
    ],
  ] as const)('“%s” names the years, not only its two edge weeks', (phrase, expected) => {
    expect(labels(phrase)).toEqual(expected);
  });
});

describe('hours when the clocks go back', () => {
  it.each([
    [
      'Havana, where 00:00 comes twice',
      '1 November 2026',
      'America/Havana',
      [
        [0, '00:00'],
        [4, '03:00'],
        [7, '06:00'],
        [10, '09:00'],
        [13, '12:00'],
        [16, '15:00'],
        [19, '18:00'],
        [22, '21:00'],
      ],
    ],
    [
      'Athens, where 03:00 comes twice',
      '25 October 2026',
      'Europe/Athens',
      [
        [0, '00:00'],
        [3, '03:00'],
        [7, '06:00'],
        [10, '09:00'],
        [13, '12:00'],
        [16, '15:00'],
        [19, '18:00'],
        [22, '21:00'],
      ],
    ],
  ] as const)('label the 25-hour day in %s every three hours, the repeated hour once', (_, phrase, zone, expected) => {
    expect(labels(phrase, { zone })).toEqual(expected);
  });

  it('label every day of a week by hour in Havana, the day with two midnights once', () => {
    expect(labels('last week by hour', { zone: 'America/Havana', now: '2026-11-05T12:00:00Z' })).toEqual([
      [0, 'Mon 26'],
      [24, 'Tue 27'],
      [48, 'Wed 28'],
      [72, 'Thu 29'],
      [96, 'Fri 30'],
      [120, 'Sat 31'],
      [144, 'Sun 1'],
    ]);
  });
});

describe('labels by unit', () => {
  it.each([
    [
      'two weeks by hour: only the week starts, days would crowd',
      'last 14 days by hour',
      {},
      [
        [72, 'Mon 16'],
        [240, 'Mon 23'],
      ],
    ],
    [
      'two weeks by hour where weeks start on Sunday',
      'last 14 days by hour',
      { weekStart: 0 },
      [
        [48, 'Sun 15'],
        [216, 'Sun 22'],
      ],
    ],
    [
      'two weeks by hour in New York, over the 25-hour 1 November',
      'last 14 days by hour',
      { zone: 'America/New_York', weekStart: 0, now: '2026-11-10T15:00:00Z' },
      [
        [120, 'Sun 1'],
        [289, 'Sun 8'],
      ],
    ],
    [
      'two weeks merged into six hours',
      'last 14 days by hour',
      { unit: 'sixHours' },
      [
        [12, 'Mon 16'],
        [40, 'Mon 23'],
      ],
    ],
    [
      'three days merged into six hours, over the night the clocks go forward',
      'Mar 28 to Mar 30 2026 by hour',
      { unit: 'sixHours' },
      [
        [0, 'Sat 28'],
        [2, '12:00'],
        [4, 'Sun 29'],
        [6, '12:00'],
        [8, 'Mon 30'],
        [10, '12:00'],
      ],
    ],
    [
      'one day merged into six hours',
      'yesterday',
      { unit: 'sixHours' },
      [
        [0, '00:00'],
        [1, '06:00'],
        [2, '12:00'],
        [3, '18:00'],
      ],
    ],
    [
      'a year merged into quarters, the last still counting',
      'this year',
      { unit: 'quarter' },
      [
        [0, 'Q1'],
        [1, 'Q2'],
        [2, 'Q3'],
        [3, 'Q4 / so far'],
      ],
    ],
    [
      'five years merged into quarters: quarters would crowd, so the years',
      '2021 to 2025',
      { unit: 'quarter' },
      [
        [0, '2021'],
        [4, '2022'],
        [8, '2023'],
        [12, '2024'],
        [16, '2025'],
      ],
    ],
    [
      'five years merged into years',
      'last 5 years',
      { unit: 'year' },
      [
        [0, '2021'],
        [1, '2022'],
        [2, '2023'],
        [3, '2024'],
        [4, '2025'],
      ],
    ],
    [
      'five years by month: the years',
      '2021 to 2025',
      {},
      [
        [0, '2021'],
        [12, '2022'],
        [24, '2023'],
        [36, '2024'],
        [48, '2025'],
      ],
    ],
  ] as const)('%s', (_, phrase, chart: Chart, expected) => {
    expect(labels(phrase, chart)).toEqual(expected);
  });
});

describe('weeks cut short at a new year', () => {
  it('label the last week, cut at 2 January, with both its years', () => {
    expect(labels('Dec 20 2025 to Jan 2 2026 by week')).toEqual([
      [0, '20–21 Dec'],
      [1, '22 Dec'],
      [2, '29 Dec 2025 – 2 Jan 2026'],
    ]);
  });
});

describe('labels as dense as fit', () => {
  it.each([
    [
      'a quarter by week: every other week, the short edges by their days',
      'Q3 2025 by week',
      {},
      [
        [0, '1–6 Jul'],
        [2, '14 Jul'],
        [4, '28 Jul'],
        [6, '11 Aug'],
        [8, '25 Aug'],
        [10, '8 Sep'],
        [13, '29–30 Sep'],
      ],
    ],
    [
      'six months by week: the first week of each month',
      'last 6 months by week',
      {},
      [
        [0, '1–3 May'],
        [5, '1 Jun'],
        [10, '6 Jul'],
        [14, '3 Aug'],
        [19, '7 Sep'],
        [26, '26–31 Oct'],
      ],
    ],
    [
      'a year by week: quarter starts, and this week so far',
      'this year by week',
      {},
      [
        [0, '1–4 Jan'],
        [14, '6 Apr'],
        [27, '6 Jul'],
        [40, '5 Oct'],
        [47, '23 Nov / so far'],
      ],
    ],
    [
      'twelve months by day: months, the new year by its number',
      'last 12 months by day',
      {},
      [
        [0, 'Nov'],
        [30, 'Dec'],
        [61, '2026'],
        [92, 'Feb'],
        [120, 'Mar'],
        [151, 'Apr'],
        [181, 'May'],
        [212, 'Jun'],
        [242, 'Jul'],
        [273, 'Aug'],
        [304, 'Sep'],
        [334, 'Oct'],
      ],
    ],
    [
      'eighteen months: quarter starts, the new year by its number',
      'last 18 months',
      {},
      [
        [2, 'Jul'],
        [5, 'Oct'],
        [8, '2026'],
        [11, 'Apr'],
        [14, 'Jul'],
        [17, 'Oct'],
      ],
    ],
    [
      'nine days: every day, just',
      'last 9 days',
      {},
      [
        [0, 'Wed 18'],
        [1, 'Thu 19'],
        [2, 'Fri 20'],
        [3, 'Sat 21'],
        [4, 'Sun 22'],
        [5, 'Mon 23'],
        [6, 'Tue 24'],
        [7, 'Wed 25'],
        [8, 'Thu 26'],
      ],
    ],
    [
      'this year by month: October gives way to November so far, the widest of its two lines',
      'this year',
      {},
      [
        [0, 'Jan'],
        [1, 'Feb'],
        [2, 'Mar'],
        [3, 'Apr'],
        [4, 'May'],
        [5, 'Jun'],
        [6, 'Jul'],
        [7, 'Aug'],
        [8, 'Sep'],
        [10, 'Nov / so far'],
      ],
    ],
    [
      'two years by week: quarter starts, the first week starting in the quarter (7 Oct)',
      'last 2 years by week',
      {},
      [
        [0, '1 Jan'],
        [13, '1 Apr'],
        [26, '1 Jul'],
        [40, '7 Oct'],
        [53, '6 Jan'],
        [66, '7 Apr'],
        [79, '7 Jul'],
        [104, '29–31 Dec'],
      ],
    ],
    [
      '300 days by month: a label with exactly room enough (Dec beside 1–4 Jan) is drawn',
      'last 300 days',
      { now: '2026-01-05T06:00:00Z' },
      [
        [0, '11–31 Mar'],
        [2, 'May'],
        [3, 'Jun'],
        [4, 'Jul'],
        [5, 'Aug'],
        [6, 'Sep'],
        [7, 'Oct'],
        [8, 'Nov'],
        [9, 'Dec'],
        [10, '1–4 Jan'],
      ],
    ],
    [
      'a year and four days by week, in months: the chart reaches into 2026, so January 2025 reads 2025',
      'Jan 1 2025 to Jan 4 2026 by week',
      { unit: 'month' },
      [
        [0, '2025'],
        [1, 'Feb'],
        [2, 'Mar'],
        [3, 'Apr'],
        [4, 'May'],
        [5, 'Jun'],
        [6, 'Jul'],
        [7, 'Aug'],
        [8, 'Sep'],
        [11, '1 Dec 2025 – 4 Jan 2026'],
      ],
    ],
    [
      'this month by day: week starts, and today so far',
      'this month',
      {},
      [
        [1, '2 Nov'],
        [8, '9 Nov'],
        [15, '16 Nov'],
        [22, '23 Nov'],
        [26, 'Fri 27 / so far'],
      ],
    ],
    [
      'today half an hour after midnight: the first hour so far',
      'today',
      { now: '2026-11-27T22:30:00Z' },
      [
        [0, '00:00 / so far'],
        [3, '03:00'],
        [6, '06:00'],
        [9, '09:00'],
        [12, '12:00'],
        [15, '15:00'],
        [18, '18:00'],
        [21, '21:00'],
      ],
    ],
  ] as const)('%s', (_, phrase, chart: Chart, expected) => {
    expect(labels(phrase, chart)).toEqual(expected);
  });
});
