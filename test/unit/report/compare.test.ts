import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { change, changes, NOTABLE_COUNT, NOTABLE_PERCENT, optOutChange } from '../../../src/report/compare.js';
import type { Totals } from '../../../src/report/report-types.js';
import { checkProperty } from '../../support/checked-property.js';

const totals = (served: number, optOuts: number): Totals => ({
  contactsAdded: 0,
  groupsAdded: 0,
  contactsServed: served,
  contactsBlocked: optOuts,
});

describe('verdicts on counts', () => {
  it.each([
    ['noise: 1,549 against 1,562 (−0.8 %)', 'contactsAdded', 1549, 1562, 'neutral'],
    ['noise: 23 against 22 (+4.5 %, +1)', 'groupsAdded', 23, 22, 'neutral'],
    ['a large share of a small count: 24 against 17 (+41 %, +7)', 'groupsAdded', 24, 17, 'neutral'],
    ['a small share of a large count: 1,040 against 1,000 (+4 %)', 'contactsAdded', 1040, 1000, 'neutral'],
    ['exactly at both thresholds: 210 against 200 (+5 %, +10)', 'contactsAdded', 210, 200, 'good'],
    ['more contacts: 120 against 100 (+20 %, +20)', 'contactsAdded', 120, 100, 'good'],
    ['fewer contacts served: 900 against 1,000', 'contactsServed', 900, 1000, 'bad'],
    ['something from nothing, enough of it: 12 against 0', 'contactsAdded', 12, 0, 'good'],
    ['something from nothing, too little to say: 5 against 0', 'contactsAdded', 5, 0, 'neutral'],
    ['fewer opt-outs, counted: 20 against 40', 'contactsBlocked', 20, 40, 'good'],
    ['no change at all', 'contactsServed', 500, 500, 'neutral'],
  ] as const)('%s → %s', (_, measure, current, previous, verdict) => {
    expect(change(measure, current, previous).verdict).toBe(verdict);
  });
});

describe('opt-outs are judged by their rate', () => {
  it.each([
    [
      'more opt-outs after sending to many more people (0.45 % → 0.44 %)',
      totals(115_000, 505),
      totals(101_000, 456),
      'neutral',
    ],
    ['fewer opt-outs because fewer were sent (0.47 % → 0.46 %)', totals(20_264, 94), totals(28_026, 133), 'neutral'],
    ['the rate up by half (0.5 % → 0.75 %), 50 more than it predicts', totals(20_000, 150), totals(20_000, 100), 'bad'],
    ['the rate down by 40 %, 40 fewer than it predicts', totals(20_000, 60), totals(20_000, 100), 'good'],
    ['the rate up 8 %, but only 8 more than it predicts', totals(20_000, 108), totals(20_000, 100), 'neutral'],
  ] as const)('%s → %s', (_, current, previous, verdict) => {
    const c = optOutChange(current, previous);
    expect(c.verdict).toBe(verdict);
    expect(c.judgedBy).toBe('rate');
  });

  it('falls back to the count when either period sent nothing', () => {
    const c = optOutChange(totals(10_000, 100), totals(0, 10));
    expect(c).toMatchObject({ judgedBy: 'count', verdict: 'bad', trend: 'up' });
  });

  it('reports the opt-out count’s own change next to the rate’s verdict', () => {
    const c = changes(totals(115_000, 505), totals(101_000, 456)).contactsBlocked;
    expect(c).toMatchObject({ current: 505, previous: 456, delta: 49, trend: 'up', verdict: 'neutral' });
  });
});

describe('which way a count moved', () => {
  it.each([
    [12, 10, 'up', 2],
    [8, 10, 'down', -2],
    [10, 10, 'flat', 0],
  ] as const)('%i after %i went %s', (current, previous, trend, delta) => {
    expect(change('contactsAdded', current, previous)).toMatchObject({ trend, delta });
  });
});

describe('opt-outs judged by their rate, where there is one', () => {
  it('judges by the count when the period before sent nothing (no rate to compare with)', () => {
    const c = optOutChange(totals(10_000, 100), totals(0, 0));
    expect(c).toMatchObject({ judgedBy: 'count', verdict: 'bad', percent: null });
  });

  it('judges by the count when this period sent nothing', () => {
    expect(optOutChange(totals(0, 0), totals(10_000, 100))).toMatchObject({ judgedBy: 'count', verdict: 'good' });
  });

  it('calls opt-outs after a period with none worse once they are many, whatever the rate was', () => {
    expect(optOutChange(totals(10_000, 30), totals(10_000, 0))).toMatchObject({ judgedBy: 'rate', verdict: 'bad' });
    expect(optOutChange(totals(10_000, 5), totals(10_000, 0))).toMatchObject({ judgedBy: 'rate', verdict: 'neutral' });
  });

  it('calls exactly the predicted number of opt-outs no news, and a fall of them good', () => {
    expect(optOutChange(totals(20_000, 200), totals(10_000, 100))).toMatchObject({ verdict: 'neutral' });
    expect(optOutChange(totals(10_000, 50), totals(10_000, 100))).toMatchObject({ verdict: 'good' });
  });
});

describe('a verdict always stands on a change large enough to mean something', () => {
  it('holds for any two counts', () => {
    const measure = fc.constantFrom('contactsAdded', 'groupsAdded', 'contactsServed', 'contactsBlocked' as const);
    checkProperty(
      fc.tuple(measure, fc.nat(100_000), fc.nat(100_000)),
      ([m, current, previous]) => {
        const c = change(m, current, previous);
        const notable =
          Math.abs(current - previous) >= NOTABLE_COUNT &&
          (previous === 0 || (Math.abs(current - previous) / previous) * 100 >= NOTABLE_PERCENT);
        const better = current > previous !== (m === 'contactsBlocked');
        expect(c.verdict).toBe(notable ? (better ? 'good' : 'bad') : 'neutral');
      },
      { numRuns: 1000 },
    );
  });

  it('holds for opt-out rates: bad only when the rate rose, good only when it fell', () => {
    checkProperty(
      fc.tuple(fc.integer({ min: 1, max: 50_000 }), fc.nat(5_000), fc.integer({ min: 1, max: 50_000 }), fc.nat(5_000)),
      ([s1, o1, s0, o0]) => {
        const c = optOutChange(totals(s1, o1), totals(s0, o0));
        // The opt-outs beyond (or short of) what last period's rate would give at this period's volume.
        const excess = o1 - (o0 / s0) * s1;
        const possible = Math.abs(excess) < NOTABLE_COUNT ? ['neutral'] : ['neutral', excess > 0 ? 'bad' : 'good'];
        expect(possible).toContain(c.verdict);
      },
      { numRuns: 1000 },
    );
  });
});
