import { describe, expect, it } from 'vitest';
import type { Report, Totals } from '../../../src/report/report-types.js';
import type { ChartImage } from '../../../src/views/chart.js';
import { buildReportMessage, reportText } from '../../../src/views/report-message.js';
import { expectValidMessage } from '../../support/block-kit.js';
import { madeReport } from '../../support/made-report.js';

const NOW = '2026-11-27T10:00:00Z'; // Friday 12:00 in Athens
const CHART: ChartImage = { url: 'https://quickchart.example/chart?c=x', kind: 'direct', perPoint: 1 };
const week = (added: number, optOuts: number, served: number, groups: number): Totals => ({
  contactsAdded: added,
  contactsBlocked: optOuts,
  contactsServed: served,
  groupsAdded: groups,
});

/** Last week as in the issue: 1,549 new contacts against 1,562, 94 opt-outs against 133. */
function lastWeek(): Report {
  const daily = (t: Totals) => (i: number) =>
    i === 0 ? t : { contactsAdded: 0, contactsBlocked: 0, contactsServed: 0, groupsAdded: 0 };
  return madeReport('last week', {
    now: NOW,
    values: daily(week(1549, 94, 20_264, 23)),
    previous: daily(week(1562, 133, 28_026, 22)),
  });
}

const message = (report: Report, extra: Partial<Parameters<typeof buildReportMessage>[0]> = {}) =>
  buildReportMessage({ report, chart: CHART, now: Date.parse(NOW), ...extra });
const blocksText = (m: { blocks: unknown[] }) => JSON.stringify(m.blocks);

describe('the fallback text, which is what a notification shows', () => {
  it('leads with the numbers, new contacts first, then says which period', () => {
    expect(reportText(lastWeek())).toBe(
      '1,549 new contacts (−0.8 %), 94 opt-outs (−29 %), 20,264 contacts served (−28 %), 23 new groups (+4.5 %) · Last week · Mon 16 – Sun 22 Nov 2026',
    );
  });

  it.each([
    ['last week', 'Last week · Mon 16 – Sun 22 Nov 2026'],
    ['this week', 'This week so far · Mon 23 – Sun 29 Nov 2026'],
    ['this year so far', 'This year so far · 1 Jan – 27 Nov 2026'],
    ['Q3 2025', 'Q3 2025 · 1 Jul – 30 Sep 2025'],
    ['Nov 3 to Nov 10', 'Tue 3 – Tue 10 Nov 2026'],
  ])('for “%s” has no digit before the first number and ends with “%s”', (phrase, label) => {
    const text = reportText(madeReport(phrase, { now: NOW, values: () => 7, previous: () => 7 }));
    expect(text).toMatch(/^\d[\d,]* new contacts \(no change\), /);
    expect(text.endsWith(` · ${label}`)).toBe(true);
  });

  it('says nothing about changes where there is nothing to compare with', () => {
    const text = reportText(madeReport('January 2000', { now: NOW, values: () => 3 }));
    expect(text).toBe(
      '93 new contacts, 93 opt-outs, 93 contacts served, 93 new groups · January 2000 · 1 – 31 Jan 2000',
    );
  });
});

describe('the report message', () => {
  it('marks only the change that means something, and explains the marks once', () => {
    const m = message(lastWeek());
    expectValidMessage(m);
    const fields = blocksText(m);
    expect(fields).toContain('*New contacts*\\n1,549 · down 0.8 % (−13)"');
    expect(fields).toContain('*Contacts served*\\n20,264 · down 28 % (−7,762) · *worse*');
    expect(fields).toContain('*Opt-outs*\\n94 · down 29 % (−39)\\n0.46 % of contacts served (was 0.47 %)');
    expect(fields.match(/\*better\* \/ \*worse\*/g)).toHaveLength(1);
    expect(fields).not.toMatch(/[✓⚠▲▼]/);
  });

  it('leaves the marks unexplained when there are none', () => {
    const m = message(madeReport('last week', { now: NOW, values: () => 100, previous: () => 99 }));
    expect(blocksText(m)).not.toContain('*better*');
  });

  it.each([
    ['last week', true],
    ['Q3 2025 by week', true],
    ['last month', false],
    ['yesterday', false],
    ['last year', false],
  ])('for “%s” says which day weeks start on only where a week is involved (%s)', (phrase, shown) => {
    const m = message(madeReport(phrase, { now: NOW, values: () => 5 }));
    expect(blocksText(m).includes('weeks start on Monday')).toBe(shown);
  });

  it('says up to when a running period is compared in words, not as a raw timestamp', () => {
    const m = message(madeReport('this week', { now: NOW, values: () => 5, previous: () => 5 }));
    expect(blocksText(m)).toContain('Compared with the week before up to the same point (Fri 20 Nov, 12:00)');
    expect(blocksText(m)).not.toMatch(/\d{4}-\d\d-\d\d/);
  });

  it.each([
    ['last week by hour', 38, 'Busiest hour: *Tue 17 Nov, 14:00*'],
    ['yesterday', 14, 'Busiest hour: *14:00*'],
    ['Q3 2025 by week', 2, 'Busiest week: *14–20 Jul*'],
    ['last week', 1, 'Busiest day: *Tue 17 Nov*'],
    ['last year', 2, 'Busiest month: *March 2025*'],
  ])('names the busiest bucket of “%s” (at %i) so it reads right: %s', (phrase, busiestAt, line) => {
    const m = message(madeReport(phrase, { now: NOW, values: (i) => (i === busiestAt ? 50 : 5) }));
    expect(blocksText(m)).toContain(line);
  });

  it('names a short busiest week by the days it covers', () => {
    const m = message(madeReport('Q3 2025 by week', { now: NOW, values: (i) => (i === 13 ? 50 : 5) }));
    expect(blocksText(m)).toContain('Busiest week: *29–30 Sep*');
  });

  it('gives the chart a title and alt text that describe its shape', () => {
    const m = message(madeReport('last week', { now: NOW, values: (i) => [5, 30, 20, 15, 10, 5, 2][i] ?? 0 }));
    const chart = m.blocks.find((b) => b.type === 'image');
    expect(chart?.type === 'image' && chart.title?.text).toBe('Last week by day, each measure on its own scale');
    const alt = chart?.type === 'image' ? chart.alt_text : '';
    expect(alt).toContain('New contacts: highest Tue 17 Nov (30), lowest Sun 22 Nov (2), falling.');
    expect(alt).not.toContain(reportText(madeReport('last week', { now: NOW, values: () => 1 })).slice(0, 20));
  });

  it('gives every block new ids whenever the message is made again, so a replaced message keeps no old state', () => {
    const report = lastWeek();
    const ids = (m: { blocks: { block_id?: string }[] }) => m.blocks.flatMap((b) => (b.block_id ? [b.block_id] : []));
    const first = ids(message(report));
    const later = ids(message(report, { now: Date.parse(NOW) + 1 }));
    const otherPeriod = ids(message(madeReport('this week', { now: NOW, values: () => 1 })));
    expect(first.length).toBeGreaterThanOrEqual(5);
    for (const id of first) {
      expect(later).not.toContain(id);
      expect(otherPeriod).not.toContain(id);
    }
    expect(ids(message(report, { blockIdSuffix: 'v2' }))).toContain('report_actions.v2');
  });

  it('says when the chart had to be coarser, in calendar units', () => {
    const m = message(lastWeek(), { chart: { ...CHART, kind: 'coarser', unit: 'week', perPoint: 7 } });
    expect(blocksText(m)).toContain('Chart shows one point per week to fit Slack.');
  });
});
