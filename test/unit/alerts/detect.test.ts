import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bandOf,
  type Direction,
  judge,
  MIN_HISTORY,
  median,
  SENSITIVITY,
  usualOf,
} from '../../../src/alerts/detect.js';
import { SENSITIVITIES, type Sensitivity } from '../../../src/store/alert-settings.js';

const TUESDAYS = [28, 31, 30, 27, 33, 29, 32, 30];
const SIGNUPS = [40, 42, 38, 41, 39, 44, 37, 40];

describe('judging today’s count against the same weekday in earlier weeks', () => {
  it.each([
    // observed, history, watched, sensitivity, expected kind, why
    [94, TUESDAYS, 'up', 'normal', 'anomalous', 'a spike: 3.1× a usual Tuesday'],
    [12, SIGNUPS, 'down', 'normal', 'anomalous', 'a drop: new contacts at 30 % of usual'],
    [0, SIGNUPS, 'down', 'normal', 'anomalous', 'nothing at all where about 40 is usual'],
    [36, TUESDAYS, 'up', 'normal', 'normal', 'noise: a fifth above usual'],
    [24, TUESDAYS, 'down', 'normal', 'normal', 'noise: a fifth below usual'],
    [94, TUESDAYS.slice(0, MIN_HISTORY - 1), 'up', 'normal', 'too-little-history', 'four weeks of history'],
    [30, [0, ...TUESDAYS.slice(1)], 'up', 'normal', 'normal', 'a holiday with nothing among the Tuesdays'],
    [94, [0, ...TUESDAYS.slice(1)], 'up', 'normal', 'anomalous', 'a spike is still one, holiday or not'],
    [12, [0, 0, ...SIGNUPS.slice(2)], 'down', 'normal', 'anomalous', 'two holidays do not hide a drop'],
    [2, [0, 0, 0, 0, 0, 0, 0, 0], 'up', 'high', 'normal', '2 against 0 is nothing, even at high'],
    [12, [0, 0, 0, 0, 0, 0, 0, 0], 'up', 'normal', 'anomalous', '12 where there are never any'],
    [8, [1, 2, 12, 11, 0, 1, 1, 1], 'up', 'normal', 'elevated', 'a few opt-outs over a usual 1: too few to alert'],
    [94, TUESDAYS, 'down', 'normal', 'normal', 'a rise is not watched where only drops are'],
    [12, SIGNUPS, 'up', 'normal', 'normal', 'a drop is not watched where only rises are'],
    [94, TUESDAYS, 'either', 'normal', 'anomalous', 'either way: up'],
    [12, SIGNUPS, 'either', 'normal', 'anomalous', 'either way: down'],
    [52, TUESDAYS, 'up', 'high', 'anomalous', '1.7× alerts at high sensitivity'],
    [52, TUESDAYS, 'up', 'normal', 'elevated', '…not at normal, yet not back to normal either'],
    [75, TUESDAYS, 'up', 'low', 'elevated', '2.5× is not enough at low'],
  ] as const)(
    '%i against %j, watching %s at %s sensitivity: %s (%s)',
    (observed, history, way, sensitivity, kind, _why) => {
      expect(judge(observed, history, way, sensitivity).kind).toBe(kind);
    },
  );

  it('says how many usual days there were when there are too few', () => {
    expect(judge(94, [30, 31, 29], 'up', 'normal')).toEqual({ kind: 'too-little-history', days: 3, needed: 5 });
  });

  it('gives the ratio to the usual count, and none over a usual of nothing', () => {
    const spike = judge(94, TUESDAYS, 'up', 'normal');
    expect(spike.kind !== 'too-little-history' && spike.ratio).toBeCloseTo(94 / 30, 5);
    const fromNothing = judge(12, [0, 0, 0, 0, 0], 'up', 'normal');
    expect(fromNothing).toMatchObject({ kind: 'anomalous', ratio: null, way: 'up' });
  });

  it('takes the median and a spread a holiday does not move', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(usualOf([0, ...TUESDAYS.slice(1)]).median).toBe(usualOf(TUESDAYS).median);
    expect(usualOf([0, ...TUESDAYS.slice(1)]).spread).toBeLessThan(usualOf(TUESDAYS).spread * 1.5);
    const band = bandOf(usualOf(TUESDAYS), 'normal');
    expect(band.low).toBeLessThan(30);
    expect(band.high).toBeGreaterThan(30);
    expect(band.low).toBeGreaterThan(0);
  });
});

const sensitivity = fc.constantFrom(...SENSITIVITIES);
const direction = fc.constantFrom<Direction>('up', 'down', 'either');
const history = fc.array(fc.nat(5000), { minLength: MIN_HISTORY, maxLength: 8 });
const alerts = (observed: number, h: readonly number[], d: Direction, s: Sensitivity) =>
  judge(observed, h, d, s).kind === 'anomalous';

/** Weeks of an account around `level`, each day within ±`swing` of it (busier and quieter days). */
function weeksAround(minLevel: number, swing: number) {
  return fc
    .record({
      level: fc.integer({ min: minLevel, max: 3000 }),
      noise: fc.array(fc.double({ min: -swing, max: swing, noNaN: true }), { minLength: 8, maxLength: 8 }),
    })
    .map(({ level, noise }) => ({ level, weeks: noise.map((n) => Math.round(level * (1 + n))) }));
}

describe('properties of the judgement', () => {
  it('a count further from the usual than one that alerts also alerts', () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.nat(5000), history, direction, sensitivity, (observed, more, h, d, s) => {
        if (!alerts(observed, h, d, s)) return;
        const way = observed >= median(h) ? 1 : -1;
        expect(alerts(Math.max(0, observed + way * more), h, d, s)).toBe(true);
      }),
    );
  });

  it('never alerts on a difference smaller than the sensitivity’s minimum (no alerts on 2 against 0)', () => {
    fc.assert(
      fc.property(history, direction, sensitivity, fc.double({ min: 0, max: 1, noNaN: true }), (h, d, s, share) => {
        const m = median(h);
        const observed = Math.max(0, Math.round(m + (share * 2 - 1) * (SENSITIVITY[s].minDifference - 1)));
        expect(alerts(observed, h, d, s)).toBe(false);
      }),
    );
  });

  it('alerts at normal whenever it does at low, and at high whenever it does at normal', () => {
    let alertedAtLow = 0;
    fc.assert(
      fc.property(fc.nat(5000), history, direction, (observed, h, d) => {
        // Ordered from least to most sensitive, whether each alerts can only go from false to true.
        const verdicts = (['low', 'normal', 'high'] as const).map((s) => alerts(observed, h, d, s));
        expect(verdicts).toEqual([...verdicts].sort((a, b) => Number(a) - Number(b)));
        if (verdicts[0]) alertedAtLow++;
      }),
    );
    // Not vacuous: the least sensitive setting did alert on some of the cases.
    expect(alertedAtLow).toBeGreaterThan(0);
  });

  it('an ordinary day stays quiet at normal sensitivity, with one or two holidays among the weeks or none', () => {
    fc.assert(
      fc.property(
        weeksAround(20, 0.25),
        fc.double({ min: -0.25, max: 0.25, noNaN: true }),
        fc.integer({ min: 0, max: 2 }),
        direction,
        ({ level, weeks }, noise, holidays, d) => {
          const withHolidays = weeks.map((w, i) => (i < holidays ? 0 : w));
          expect(judge(Math.round(level * (1 + noise)), withHolidays, d, 'normal').kind).not.toBe('anomalous');
        },
      ),
    );
  });

  it('a tripling or a fall to a quarter of a steady count of 50 or more is caught at normal, holiday or not', () => {
    fc.assert(
      fc.property(weeksAround(50, 0.15), fc.boolean(), fc.boolean(), ({ level, weeks }, up, holiday) => {
        const history = holiday ? [0, ...weeks.slice(1)] : weeks;
        const observed = Math.round(up ? level * 3.2 : level * 0.25);
        expect(judge(observed, history, 'either', 'normal')).toMatchObject({
          kind: 'anomalous',
          way: up ? 'up' : 'down',
        });
      }),
    );
  });

  it('a count that is normal stays normal nearer the usual', () => {
    fc.assert(
      fc.property(
        fc.nat(5000),
        history,
        direction,
        sensitivity,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (observed, h, d, s, t) => {
          if (judge(observed, h, d, s).kind !== 'normal') return;
          const nearer = Math.round(observed + (median(h) - observed) * t);
          expect(judge(nearer, h, d, s).kind).toBe('normal');
        },
      ),
    );
  });
});
