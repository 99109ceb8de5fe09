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
