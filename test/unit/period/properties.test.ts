import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  bucketStarts,
  floorTo,
  offsetAt,
  shiftBoundary,
  UNITS,
  type Unit,
  type Weekday,
} from '../../../src/period/calendar.js';
import {
  bucketMap,
  comparisonFor,
  comparisonOrNull,
  keyOf,
  makePeriod,
  nextPeriod,
  type Period,
  PeriodError,
  periodOrProblem,
  periodPlan,
  previousPeriod,
  previousPeriodOrNull,
  resolvePeriod,
  resolvePeriodAfresh,
  validUnits,
} from '../../../src/period/index.js';
import { type PlanRange, windowsFrom } from '../../../src/period/plan-requests.js';
import { checkProperty } from '../../support/checked-property.js';
import { TEST_ZONES } from '../../support/zones.js';

const ZONES = [...TEST_ZONES, 'America/Santiago', 'UTC'];
const MONTHS = ['Jan', 'February', 'Mar', 'April', 'May', 'June', 'Jul', 'August', 'Sep', 'October', 'Nov', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const STEPS = ['day', 'week', 'month', 'quarter', 'year'];

/** One phrase of every form the resolver understands, with random numbers and dates. */
const phrase = fc.oneof(
  fc.constantFrom('', 'today', 'yesterday', 'this week', 'last week', 'this month', 'last month', 'this year'),
  fc.constantFrom('last year', 'last quarter', 'this quarter', 'this year so far', 'ytd', 'since Monday'),
  fc.tuple(fc.constantFrom('this', 'last', 'previous'), fc.constantFrom(...STEPS)).map(([a, b]) => `${a} ${b}`),
  fc
    .tuple(fc.integer({ min: 1, max: 40 }), fc.constantFrom('days', 'weeks', 'months'))
    .map(([n, u]) => `${n} ${u} ago`),
  fc.tuple(fc.constantFrom('last', 'past'), fc.integer({ min: 1, max: 90 })).map(([w, n]) => `${w} ${n} days`),
  fc.integer({ min: 2, max: 12 }).map((n) => `last ${n} weeks`),
  fc.integer({ min: 2, max: 24 }).map((n) => `last ${n} months`),
  fc.constantFrom(...DAYS).map((d) => d),
  fc.constantFrom(...DAYS).map((d) => `last ${d}`),
  fc.constantFrom(...MONTHS),
  fc.tuple(fc.constantFrom(...MONTHS), fc.integer({ min: 2016, max: 2026 })).map(([m, y]) => `${m} ${y}`),
  fc
    .tuple(fc.integer({ min: 1, max: 28 }), fc.constantFrom(...MONTHS), fc.integer({ min: 2016, max: 2026 }))
    .map(([d, m, y]) => `${d} ${m} ${y}`),
  fc.tuple(fc.integer({ min: 1, max: 28 }), fc.constantFrom(...MONTHS)).map(([d, m]) => `week of ${m} ${d}`),
  fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2016, max: 2026 })).map(([q, y]) => `Q${q} ${y}`),
  fc.integer({ min: 2016, max: 2026 }).map(String),
  fc.constantFrom('last weekend', 'this weekend', 'Jan', 'Sept', 'Dec to Feb', 'H1 2024', 'second half of 2023'),
  fc
    .tuple(fc.integer({ min: 2016, max: 2026 }), fc.integer({ min: 1, max: 12 }))
    .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  fc
    .tuple(fc.integer({ min: 13, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2016, max: 2026 }))
    .map(([d, m, y]) => `${d}/${m}/${y}`),
  fc
    .tuple(fc.integer({ min: 1, max: 14 }), fc.integer({ min: 15, max: 28 }), fc.constantFrom(...MONTHS))
    .map(([a, b, m]) => `${m} ${a} to ${m} ${b}`),
  fc
    .tuple(fc.integer({ min: 1, max: 14 }), fc.integer({ min: 15, max: 28 }), fc.constantFrom(...MONTHS))
    .map(([a, b, m]) => `between ${a} ${m} and ${b} ${m}`),
);
const withUnit = fc
  .tuple(phrase, fc.constantFrom('', ' by hour', ' by day', ' by week', ' by month', ' daily', ' weekly'))
  .map(([p, u]) => `${p}${u}`);
const settings = fc.record({
  zone: fc.constantFrom(...ZONES),
  weekStart: fc.integer({ min: 0, max: 6 }).map((d) => d as Weekday),
  now: fc
    .date({ min: new Date('2016-03-01T00:00:00Z'), max: new Date('2030-12-31T23:59:59Z'), noInvalidDate: true })
    .map((d) => d.getTime()),
});

/** Resolves, or returns null for a phrase the settings make impossible (a future date, too many buckets). */
function tryResolve(text: string, s: { zone: string; weekStart: Weekday; now: number }): Period | null {
  try {
    return resolvePeriod(text, s);
  } catch (error) {
    if (error instanceof PeriodError) return null;
    throw error;
  }
}

type Settings = { zone: string; weekStart: Weekday; now: number };

/**
 * A phrase, settings and the period they resolve to; a case whose phrase the settings make
 * impossible is rejected (fc.pre), so every checked case has a period.
 */
const resolved = fc.tuple(withUnit, settings).map(([text, s]) => ({ text, s, period: tryResolve(text, s) }));

function withPeriod(check: (period: Period, s: Settings, text: string) => void) {
  return ({ text, s, period }: { text: string; s: Settings; period: Period | null }) => {
    fc.pre(period !== null);
    check(period, s, text);
  };
}

const local = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone });

/** The start of the calendar `unit` containing `at` in the zone, by Luxon (weeks from the week start). */
function luxonFloor(at: number, unit: Unit, s: Settings): number {
  const t = local(at, s.zone);
  if (unit === 'week')
    return t
      .minus({ days: (t.weekday - s.weekStart + 7) % 7 })
      .startOf('day')
      .toMillis();
  return t.startOf(unit).toMillis();
}
const RUNS = { numRuns: 400 };

describe('properties of every resolved period', () => {
  it('never throws anything but a PeriodError, and is deterministic', () => {
    checkProperty(
      fc.tuple(withUnit, settings),
      ([text, s]) => {
        const first = tryResolve(text, s);
        expect(tryResolve(text, s)).toEqual(first);
      },
      RUNS,
    );
  });

  it('asks only for aligned windows whose dow is the week start, starting no later than now', () => {
    checkProperty(
      resolved,
      withPeriod((period, s) => {
        expect(period.start).toBeLessThanOrEqual(s.now);
        for (const { request } of periodPlan(period, s.now).requests) {
          expect(request.dow).toBe(s.weekStart);
          expect(request.from).toBeLessThanOrEqual(s.now);
          const from = local(request.from, s.zone);
          const start =
            request.window === 'week'
              ? from.minus({ days: (from.weekday - s.weekStart + 7) % 7 }).startOf('day')
              : from.startOf(request.window);
          expect(request.from).toBe(start.toMillis());
          const next = request.window === 'week' ? start.plus({ weeks: 1 }) : start.plus({ [`${request.window}s`]: 1 });
          expect(request.to + 1).toBe(next.startOf('day').toMillis());
        }
      }),
      RUNS,
    );
  });

  it('covers the period with no gap and no overlap, up to now', () => {
    checkProperty(
      resolved,
      withPeriod((period, s) => {
        const plan = periodPlan(period, s.now);
        let at = period.start;
        for (const { request, segment } of plan.requests) {
          expect(segment.start).toBe(at);
          expect(request.from).toBeLessThanOrEqual(segment.start);
          expect(segment.endExclusive).toBeGreaterThan(segment.start);
          at = segment.endExclusive;
        }
        expect(at === period.end + 1 || at > s.now).toBe(true);
      }),
      RUNS,
    );
  });

  it('folds every fetched bucket into the period bucket that contains its start, over periods of any length', () => {
    let longest = 0;
    checkProperty(
      resolved,
      withPeriod((period, s) => {
        longest = Math.max(longest, period.end - period.start);
        const plan = periodPlan(period, s.now);
        const map = bucketMap(plan, period);
        const starts = map.bucketStarts;
        expect(starts[0]).toBe(period.start);
        const folded = new Set<number>();
        plan.requests.forEach(({ request, segment }, i) => {
          const fetched = bucketStarts(request.from, request.to + 1, request.unit, period);
          const targets = map.targets[i] ?? [];
          expect(targets).toHaveLength(fetched.length);
          fetched.forEach((at, j) => {
            const target = targets[j] ?? Number.NaN;
            if (at < segment.start || at >= segment.endExclusive) {
              expect(target, 'a bucket outside its request’s part of the period is left out').toBe(-1);
              return;
            }
            // The period bucket that contains `at`, by Luxon: the first one starts at the period's start.
            expect(starts[target], `${new Date(at).toISOString()} in ${s.zone}`).toBe(
              Math.max(period.start, luxonFloor(at, period.unit, s)),
            );
            const fetchedEnd = fetched[j + 1] ?? request.to + 1;
            const nextStart = starts[target + 1];
            expect(
              nextStart === undefined || fetchedEnd <= nextStart,
              'a fetched bucket lies inside one period bucket',
            ).toBe(true);
            folded.add(target);
          });
        });
        // Every period bucket that has begun gets at least one fetched bucket (later ones may, as zeros to come).
        const begun = starts.filter((start) => start <= s.now).length;
        const sorted = [...folded].sort((a, b) => a - b);
        expect(sorted.slice(0, begun)).toEqual(starts.slice(0, begun).map((_, i) => i));
      }),
      RUNS,
    );
    expect(longest, 'periods of years are among those checked').toBeGreaterThan(365 * 86_400_000);
  });

  it('steps back and forward to the same period', () => {
    checkProperty(
      resolved,
      withPeriod((period, s) => {
        let previous: Period | null = null;
        try {
          previous = previousPeriod(period, s.now);
        } catch (error) {
          if (!(error instanceof PeriodError)) throw error;
        }
        fc.pre(previous !== null); // nothing before 2000
        expect(previous.end).toBeLessThan(period.start);
        expect(nextPeriod(previous, s.now)?.start).toBe(period.start);
        const comparison = comparisonFor(period, s.now);
        expect(comparison.start).toBe(previous.start);
        expect(comparison.endExclusive).toBeLessThanOrEqual(previous.end + 1);
        expect(comparison.endExclusive).toBeGreaterThan(comparison.start);
      }),
      RUNS,
    );
  });
});

/** What the throwing form gives: the period, or the PeriodError's code. */
const thrown = <T>(make: () => T): T | string => {
  try {
    return make();
  } catch (error) {
    if (error instanceof PeriodError) return error.code;
    throw error;
  }
};

describe('what a phrase means depends on the day, not the time of day', () => {
  it('resolves a phrase the same at any two instants of one local day with the same UTC offset', () => {
    checkProperty(
      fc.tuple(withUnit, settings, fc.double({ min: 0, max: 1, noNaN: true })),
      ([text, s, fraction]) => {
        const dayStart = floorTo(s.now, 'day', s);
        const dayEnd = shiftBoundary(dayStart, 'day', 1, s);
        const other = { ...s, now: Math.min(dayEnd - 1, dayStart + Math.floor(fraction * (dayEnd - dayStart))) };
        fc.pre(offsetAt(other.now, s.zone) === offsetAt(s.now, s.zone));
        expect(thrown(() => resolvePeriodAfresh(text, other))).toEqual(thrown(() => resolvePeriodAfresh(text, s)));
      },
      { numRuns: 2000 },
    );
  });

  it('answers a phrase asked again that day with what parsing it afresh gives', () => {
    checkProperty(
      fc.tuple(withUnit, settings, fc.integer({ min: 0, max: 86_399_999 })),
      ([text, s, later]) => {
        const again = { ...s, now: s.now + later };
        thrown(() => resolvePeriod(text, s));
        expect(thrown(() => resolvePeriod(text, again))).toEqual(thrown(() => resolvePeriodAfresh(text, again)));
      },
      { numRuns: 1000 },
    );
  });
});

describe('asking without exceptions', () => {
  it('finds the same period or the same problem as the throwing makePeriod, for any unit and start', () => {
    checkProperty(
      fc.tuple(resolved, fc.constantFrom(...UNITS), fc.integer({ min: -400, max: 3 })),
      ([found, unit, shift]) =>
        withPeriod((period, s) => {
          const key = { ...keyOf(period), unit, start: period.start + shift * 86_400_000 };
          const made = periodOrProblem(key, s);
          expect(made.period ?? made.problem?.code).toEqual(thrown(() => makePeriod(key, s)));
        })(found),
      RUNS,
    );
  });

  it('offers exactly the units a period could be rebuilt by, as of any later instant', () => {
    checkProperty(
      fc.tuple(resolved, fc.integer({ min: 0, max: 400 })),
      ([found, daysLater]) =>
        withPeriod((period, s) => {
          const later = { ...s, now: s.now + daysLater * 86_400_000 };
          const rebuildable = UNITS.filter(
            (unit) => typeof thrown(() => makePeriod({ ...keyOf(period), unit }, later)) !== 'string',
          );
          expect(validUnits(period, later.now)).toEqual(rebuildable);
        })(found),
      RUNS,
    );
  });

  it('steps back and compares exactly as the throwing forms do, null where they throw', () => {
    checkProperty(
      resolved,
      withPeriod((period, s) => {
        const previous = thrown(() => previousPeriod(period, s.now));
        expect(previousPeriodOrNull(period, s.now) ?? 'too-early').toEqual(previous);
        expect(comparisonOrNull(period, s.now) ?? 'too-early').toEqual(thrown(() => comparisonFor(period, s.now)));
      }),
      RUNS,
    );
  });
});

/** The least number of windows that can cover the range, by breadth-first search over every choice. */
function fewestPossible(range: PlanRange, cal: { zone: string; weekStart: Weekday }, now: number): number {
  let frontier = new Set([range.start]);
  for (let depth = 0; depth < 20; depth++) {
    if ([...frontier].some((at) => at >= range.endExclusive || at > now)) return depth;
    const next = new Set<number>();
    for (const at of frontier) for (const c of windowsFrom(at, range, cal, now)) next.add(c.reach);
    frontier = next;
  }
  return Number.POSITIVE_INFINITY;
}

describe('the request plan', () => {
  it('uses the fewest windows any plan could', () => {
    checkProperty(
      resolved,
      withPeriod((period, s) => {
        const range = { start: period.start, endExclusive: period.end + 1, unit: period.unit };
        expect(periodPlan(period, s.now).requests.length).toBe(fewestPossible(range, s, s.now));
      }),
      { numRuns: 300 },
    );
  });
});
