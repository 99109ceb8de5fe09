import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelsSource, packSeries, seriesSource } from '../../../src/views/chart-encoding.js';
import { jsSource, QUICKCHART_REFUSES, quickChartRefusal } from '../../../src/views/quickchart.js';
import { checkProperty } from '../../support/checked-property.js';

/*
 * What goes into a chart URL is JavaScript the chart server evaluates: these tests evaluate it the
 * same way (a fresh VM context) and compare with what was meant to be drawn.
 */
const evaluate = (source: string): unknown => runInNewContext(`(${source})`);

/** A series as a chart has it: counts, then (for a running period) buckets not started yet. */
const series = fc
  .tuple(fc.array(fc.nat(50_000), { maxLength: 40 }), fc.nat(5))
  .map(([known, gaps]) => [...known, ...Array<null>(gaps).fill(null)]);
const trimmed = (values: readonly (number | null)[]) => values.slice(0, values.findLastIndex((v) => v !== null) + 1);

describe('series in a chart URL', () => {
  it('read back, packed or plain, as the numbers drawn (buckets not started left off the end)', () => {
    checkProperty(
      fc.array(series, { minLength: 1, maxLength: 8 }),
      (all) => {
        expect(evaluate(seriesSource(all, true) ?? 'null')).toEqual(all.map(trimmed));
        expect(evaluate(seriesSource(all, false) ?? 'null')).toEqual(all);
      },
      { numRuns: 200 },
    );
  });

  it('pack each series at its own width: one digit for small counts, more for large', () => {
    expect(packSeries([[1, 2, 35], [36, 1295, 0], []])).toBe('112z_210zz00_1');
  });

  it('refuse to pack what base-36 digits cannot carry: a gap inside a series, a negative or a fraction', () => {
    expect(packSeries([[1, null, 2]])).toBeNull();
    expect(packSeries([[1, -2]])).toBeNull();
    expect(packSeries([[1.5]])).toBeNull();
    expect(seriesSource([[1, null, 2]], true)).toBeNull();
  });
});

describe('x labels in a chart URL', () => {
  const tick = fc.oneof(
    fc.constant(''),
    fc.constantFrom('Mon 16', 'Tue', '12:00', 'Jan', '29–30 Sep', 'so far'),
    fc.tuple(fc.constantFrom('00:00', 'Mon'), fc.constantFrom('16 Nov', 'Tue 17')),
  );

  it('read back as the labels meant, whichever spelling is shorter', () => {
    checkProperty(
      fc.array(tick, { maxLength: 60 }),
      (ticks) => {
        // A label is a string or its lines: Chart.js draws either the same.
        const lines = (label: unknown) => (typeof label === 'string' ? [label] : label);
        expect((evaluate(labelsSource(ticks)) as unknown[]).map(lines)).toEqual(ticks.map(lines));
      },
      { numRuns: 100 },
    );
  });
});

describe('what QuickChart refuses', () => {
  it.each(QUICKCHART_REFUSES.map(([, reason]) => reason))('is spotted: %s', (reason) => {
    const samples: Record<string, string> = {
      'an arrow function without parameters': '{a:()=>1}',
      'a function expression': '{a:function(){}}',
      'the word “new” before a space': '{a:new Date}',
      'the word “delete”': '{a:1,delete:2}',
      'a loop': '{a:1}; for(;;){}',
      'something that looks like an HTML tag': '{a:"<b>"}',
      'a call QuickChart treats as code injection': '{a:eval(1)}',
      'a word QuickChart does not allow': '{a:process}',
    };
    expect(quickChartRefusal(samples[reason] ?? '')).toBe(`it contains ${reason}`);
  });

  it('wants an object literal', () => {
    expect(quickChartRefusal('[1,2]')).toBe('it does not start with an object literal');
    expect(quickChartRefusal(' ({a:1})')).toBeNull();
  });

  it('never sees a refused word inside our strings, which still read the same once evaluated', () => {
    const words = ['New contacts', 'delete me', 'process', 'for (a', 'fetch(', 'Window <b> new x', 'plain words'];
    for (const text of words) {
      const source = `{title:${jsSource({ text })}}`;
      expect(quickChartRefusal(source)).toBeNull();
      expect(evaluate(source)).toEqual({ title: { text } });
    }
    expect(jsSource({ label: 'x', data: [1, 2] })).toBe('{label:"x",data:[1,2]}');
  });
});
