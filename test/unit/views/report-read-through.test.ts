import { describe, expect, it } from 'vitest';
import type { Totals } from '../../../src/report/report-types.js';
import type { ChartImage } from '../../../src/views/chart.js';
import { buildReportMessage } from '../../../src/views/report-message.js';
import { madeReport } from '../../support/made-report.js';
import { linesOf } from '../../support/view-text.js';

/*
 * The report message read top to bottom as a person sees it, every line: the header ("so far"
 * only once), the range with its zone and week start, each measure with its change and mark, the
 * opt-out rate, the busiest bucket, the chart's alt text, the context line (unit, what it is
 * compared with, what the marks mean, when fetched), and the buttons in their words.
 */

const NOW = '2026-11-27T10:00:00Z'; // Friday 12:00 in Athens
const CHART: ChartImage = { url: 'https://quickchart.example/chart?c=x', kind: 'direct', perPoint: 1 };
const t = (added: number, optOuts: number, served: number, groups: number): Totals => ({
  contactsAdded: added,
  contactsBlocked: optOuts,
  contactsServed: served,
  groupsAdded: groups,
});
const REPORTS = {
  'last week': madeReport('last week', {
    now: NOW,
    values: (i) => t(100 + i * 40, 5 + i, 2000 + i * 100, i),
    previous: (i) => t(90 + i * 30, 9, 1800, 1),
  }),
  'this week': madeReport('this week', {
    now: NOW,
    values: (i) => t(50 + i, 2, 900, 0),
    previous: () => t(40, 3, 800, 0),
  }),
  'yesterday by hour': madeReport('yesterday by hour', { now: NOW, values: (i) => t(i === 14 ? 30 : 2, 0, 10, 0) }),
};

describe('the report message, read top to bottom', () => {
  it.each([
    [
      'last week',
      [
        '# Contacts · Last week',
        'Mon 16 – Sun 22 Nov 2026 · Europe/Athens · weeks start on Monday',
        '*New contacts*\n1,540 · up 22 % (+280) · *better*',
        '*Contacts served*\n16,100 · up 28 % (+3,500) · *better*',
        '*Opt-outs*\n56 · down 11 % (−7) · *better*\n0.35 % of contacts served (was 0.50 %)',
        '*New groups*\n21 · up 200 % (+14) · *better*',
        'Busiest day: *Sun 22 Nov*, 2,600 contacts served',
        '(image: Line charts of last week, one point per day, each measure in its own panel, with the week before as a grey dashed line behind. New contacts: highest Sun 22 Nov (340), lowest Mon 16 Nov (100), rising. Contacts served: highest Sun 22 Nov (2,600), lowest Mon 16 Nov (2,000), rising. Opt-outs: highest Sun 22 Nov (11), lowest Mon 16 Nov (5), rising. New groups: highest Sun 22 Nov (6), lowest Mon 16 Nov (0), rising.)',
        'By day · Compared with the week before (Mon 9 – Sun 15 Nov 2026) · *better* / *worse*: a change of at least 5 % and 10; opt-outs are judged by their rate · Data: Tellody, fetched 12:00',
        '[◀ 2 weeks ago]',
        '[This week ▶]',
        '<Granularity: By day>',
        '[Share in channel]',
      ],
    ],
    [
      'this week',
      [
        '# Contacts · This week so far',
        'Mon 23 – Sun 29 Nov 2026 · Europe/Athens · weeks start on Monday',
        '*New contacts*\n260 · up 30 % (+60) · *better*',
        '*Contacts served*\n4,500 · up 13 % (+500) · *better*',
        '*Opt-outs*\n10 · down 33 % (−5)\n0.22 % of contacts served (was 0.38 %)',
        '*New groups*\n0 · no change',
        'Busiest day: *Mon 23 Nov*, 900 contacts served',
        '(image: Line charts of this week so far, one point per day, each measure in its own panel, with the week before to the same point as a grey dashed line behind. New contacts: highest Thu 26 Nov (53), lowest Mon 23 Nov (50), about level. Contacts served: highest Mon 23 Nov (900), about level. Opt-outs: highest Mon 23 Nov (2), about level. New groups: none. The last point is still counting (hollow).)',
        'By day · Compared with the week before up to the same point (Fri 20 Nov, 12:00) · *better* / *worse*: a change of at least 5 % and 10; opt-outs are judged by their rate · Data: Tellody, fetched 12:00',
        '[◀ Last week]',
        '<Granularity: By day>',
        '[Share in channel]',
      ],
    ],
    [
      'yesterday by hour',
      [
        '# Contacts · Yesterday',
        'Thu 26 Nov 2026 · Europe/Athens',
        '*New contacts*\n76',
        '*Contacts served*\n240',
        '*Opt-outs*\n0\n0.00 % of contacts served',
        '*New groups*\n0',
        'Busiest hour: *00:00*, 10 contacts served',
        '(image: Line charts of yesterday, one point per hour, each measure in its own panel. New contacts: highest 14:00 (30), lowest 00:00 (2), about level. Contacts served: highest 00:00 (10), about level. Opt-outs: none. New groups: none.)',
        'By hour · Nothing earlier to compare with · Data: Tellody, fetched 12:00',
        '[◀ 2 days ago]',
        '[Today ▶]',
        '[Share in channel]',
      ],
    ],
  ] as const)('for “%s” reads exactly', (phrase, lines) => {
    const report = REPORTS[phrase];
    expect(linesOf(buildReportMessage({ report, chart: CHART, now: Date.parse(NOW) }))).toEqual(lines);
  });
});
