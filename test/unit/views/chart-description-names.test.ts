import { describe, expect, it } from 'vitest';
import type { PointUnit } from '../../../src/views/bucket-names.js';
import { chartData } from '../../../src/views/chart-data.js';
import { chartDescription } from '../../../src/views/chart-description.js';
import { madeReport } from '../../support/made-report.js';

/*
 * The chart's alt text, what a screen reader says instead of the image: the period in words and
 * each line's highest and lowest point by name ("Tue 24 Nov, 12:00–18:00", "Q2 2026", "2024").
 */
const NOW = '2026-11-27T10:00:00Z'; // Friday 12:00 in Athens
/** Uneven counts, so every chart has one highest and one lowest point. */
const uneven = (i: number) => ((i * 7) % 11) + 1;

function description(phrase: string, chart: { unit?: PointUnit; zone?: string } = {}): string {
  return chartDescription(chartData(madeReport(phrase, { now: NOW, values: uneven, ...chart }), chart.unit));
}

describe('the period in the alt text', () => {
  it.each([
    ['last week', 'Line charts of last week, one point per day'],
    ['this week', 'Line charts of this week so far, one point per day'],
    ['yesterday', 'Line charts of yesterday, one point per hour'],
    ['last 30 days', 'Line charts of last 30 days, one point per day'],
    ['since Monday', 'Line charts of since Mon 23 Nov so far, one point per day'],
    ['last weekend', 'Line charts of last weekend, one point per hour'],
    ['3 weeks ago', 'Line charts of 3 weeks ago, one point per day'],
    ['29 March 2026', 'Line charts of Sun 29 Mar 2026, one point per hour'],
    ['Q3 2025', 'Line charts of Q3 2025, one point per week'],
    ['October 2025', 'Line charts of October 2025, one point per day'],
    ['Dec 20 2025 to Jan 2 2026', 'Line charts of Sat 20 Dec 2025 – Fri 2 Jan 2026, one point per day'],
  ])('“%s” reads “%s…”, names and dates spelled as elsewhere', (phrase, intro) => {
    expect(description(phrase)).toMatch(new RegExp(`^${intro}[,.]`));
  });
});

describe('points by name in the alt text', () => {
  it.each([
    ['yesterday', 'sixHours', undefined, 'highest 12:00–18:00 (43), lowest 18:00–00:00 (31), about level'],
    [
      'last 3 days by hour',
      'sixHours',
      undefined,
      'highest Tue 24 Nov, 12:00–18:00 (43), lowest Wed 25 Nov, 06:00–12:00 (29), about level',
    ],
    // 00:00–06:00 holds five hours: at 03:00 the clocks went forward to 04:00.
    ['29 March 2026', 'sixHours', undefined, 'highest 06:00–12:00 (35), lowest 00:00–06:00 (31), about level'],
    ['1 November 2026', 'sixHours', 'America/Havana', 'highest 00:00–06:00 (44), lowest 18:00–00:00 (29), falling'],
    ['this year', 'quarter', undefined, 'highest Q2 2026 (21), lowest Q1 2026 (13), rising'],
    ['2021 to 2025', 'year', undefined, 'highest 2024 (77), lowest 2021 (67), about level'],
    [
      'Nov 3 2025 to Feb 10 2026 by week',
      'quarter',
      undefined,
      'highest 3 Nov 2025 – 4 Jan 2026 (52), lowest 5 Jan – 10 Feb (38)',
    ],
    [
      'Jul 3 2023 to Feb 10 2024 by month',
      'year',
      undefined,
      'highest 3 Jul – 31 Dec (34), lowest 1 Jan – 10 Feb (16)',
    ],
  ] as const)('“%s” by %s (%s) reads “New contacts: %s.”', (phrase, unit, zone, words) => {
    expect(description(phrase, { unit, zone })).toContain(` New contacts: ${words}. Contacts served:`);
  });
});

/** The alt text's words for new contacts over last week (Mon 16 – Sun 22 Nov), one count a day. */
function lastWeek(counts: readonly number[]): string {
  const report = madeReport('last week', { now: NOW, values: (i) => counts[i] ?? 0 });
  const text = chartDescription(chartData(report));
  return text.slice(text.indexOf('New contacts: ') + 'New contacts: '.length, text.indexOf(' Contacts served:'));
}

describe('the shape of a line in the alt text', () => {
  it.each([
    ['rising', [1, 1, 5, 5, 5, 9, 9], 'highest Sat 21 Nov (9), lowest Mon 16 Nov (1), rising.'],
    ['falling', [9, 9, 5, 5, 5, 1, 1], 'highest Mon 16 Nov (9), lowest Sat 21 Nov (1), falling.'],
    [
      'rising by the first and last two days, whatever lies between',
      [1, 1, 20, 20, 20, 2, 2],
      'highest Wed 18 Nov (20), lowest Mon 16 Nov (1), rising.',
    ],
    [
      'rising though the middle dips below the start',
      [5, 5, 0, 0, 0, 6, 6],
      'highest Sat 21 Nov (6), lowest Wed 18 Nov (0), rising.',
    ],
    [
      'falling though the middle dips below the end',
      [6, 6, 0, 0, 0, 5, 5],
      'highest Mon 16 Nov (6), lowest Wed 18 Nov (0), falling.',
    ],
    [
      'rising by exactly one a day, past 15 %',
      [1, 1, 0, 0, 0, 2, 2],
      'highest Sat 21 Nov (2), lowest Wed 18 Nov (0), rising.',
    ],
    [
      'falling by exactly one a day, past 15 %',
      [2, 2, 0, 0, 0, 1, 1],
      'highest Mon 16 Nov (2), lowest Wed 18 Nov (0), falling.',
    ],
    [
      'about level: up half a contact a day is noise, though past 15 %',
      [0, 1, 0, 0, 0, 1, 1],
      'highest Tue 17 Nov (1), lowest Mon 16 Nov (0), about level.',
    ],
    [
      'about level: down half a contact a day',
      [1, 1, 0, 0, 0, 0, 1],
      'highest Mon 16 Nov (1), lowest Wed 18 Nov (0), about level.',
    ],
    [
      'about level: up 10 %, one contact a day',
      [10, 10, 0, 0, 0, 11, 11],
      'highest Sat 21 Nov (11), lowest Wed 18 Nov (0), about level.',
    ],
    [
      'about level: down 10 %, one contact a day',
      [11, 11, 0, 0, 0, 10, 10],
      'highest Mon 16 Nov (11), lowest Wed 18 Nov (0), about level.',
    ],
    [
      'about level: up exactly 15 %',
      [20, 20, 0, 0, 0, 23, 23],
      'highest Sat 21 Nov (23), lowest Wed 18 Nov (0), about level.',
    ],
    [
      'about level: down exactly 15 %',
      [23, 23, 0, 0, 0, 20, 20],
      'highest Mon 16 Nov (23), lowest Wed 18 Nov (0), about level.',
    ],
    [
      'flat: the first of equal days is the highest, and none is lowest',
      [5, 5, 5, 5, 5, 5, 5],
      'highest Mon 16 Nov (5), about level.',
    ],
    [
      'the first of equal peaks and of equal lows',
      [3, 9, 3, 9, 3, 9, 3],
      'highest Tue 17 Nov (9), lowest Mon 16 Nov (3), about level.',
    ],
  ])('%s', (_, counts, words) => {
    expect(lastWeek(counts)).toBe(words);
  });

  it('names this week’s peak and low among whole days only: not today, still counting, nor the days to come', () => {
    const counts = [3, 9, 4, 5, 12];
    const report = madeReport('this week', { now: NOW, values: (i) => counts[i] ?? 0 });
    const text = chartDescription(chartData(report));
    expect(text).toContain(' New contacts: highest Tue 24 Nov (9), lowest Mon 23 Nov (3), rising. ');
    expect(text).toMatch(/ The last point is still counting \(hollow\)\.$/);
  });
});

describe('the whole alt text', () => {
  it('says what the grey line is, and describes each panel in turn', () => {
    const report = madeReport('last week', {
      now: NOW,
      values: (i) => ({
        contactsAdded: [5, 8][i % 2] ?? 0,
        contactsServed: 100 + i,
        contactsBlocked: 0,
        groupsAdded: 7 - i,
      }),
      previous: () => 5,
    });
    expect(chartDescription(chartData(report))).toBe(
      'Line charts of last week, one point per day, each measure in its own panel, with the week before as a grey dashed line behind.' +
        ' New contacts: highest Tue 17 Nov (8), lowest Mon 16 Nov (5), about level.' +
        ' Contacts served: highest Sun 22 Nov (106), lowest Mon 16 Nov (100), about level.' +
        ' Opt-outs: none.' +
        ' New groups: highest Mon 16 Nov (7), lowest Sun 22 Nov (1), falling.',
    );
  });

  it('says a chart with no activity is flat at zero, whatever the period before did', () => {
    const report = madeReport('last week', { now: NOW, values: () => 0, previous: () => 3 });
    expect(chartDescription(chartData(report))).toBe(
      'Line charts of last week, one point per day, each measure in its own panel, with the week before as a grey dashed line behind. No activity: every line is flat at zero.',
    );
  });

  it('with nothing to compare, mentions no grey line; with today barely started and not drawn, nothing still counting', () => {
    const report = madeReport('this week', { now: '2026-11-26T23:30:00Z', values: uneven });
    const text = chartDescription(chartData(report));
    expect(text).toMatch(
      /^Line charts of this week so far, one point per day, each measure in its own panel\. New contacts: /,
    );
    expect(text).toMatch(/ New groups: [^.]+\.$/);
  });
});
