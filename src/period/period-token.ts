import { z } from 'zod';
import { floorTo, isValidZone, UNITS, type Weekday } from './calendar.js';
import { keyOf, makePeriod, type PeriodKey, unitsFor } from './make-period.js';
import { type Period, PeriodError } from './period-types.js';

/**
 * A period as a short string for a button value or a menu option (Slack caps those at 2000 and
 * 150 characters): what is needed to rebuild exactly the period shown, whatever phrase made it.
 */
const tokenSchema = z.object({
  s: z.enum(['day', 'week', 'month', 'quarter', 'year']),
  c: z.number().int().min(1).max(2000),
  t: z.number().int().min(0).max(8.64e15),
  d: z.union([z.literal(0), z.literal(1)]),
  u: z.enum(UNITS as unknown as ['hour', 'day', 'week', 'month']),
  z: z.string().min(1).max(64).refine(isValidZone),
  w: z.number().int().min(0).max(6),
});

export function periodToken(period: Period, unit = period.unit): string {
  return JSON.stringify({
    s: period.step,
    c: period.count,
    t: period.start,
    d: period.toDate ? 1 : 0,
    u: unit,
    z: period.zone,
    w: period.weekStart,
  });
}

/** Rebuilds a period from a token; throws PeriodError for anything malformed, forged or no longer valid. */
export function periodFromToken(token: string, now: number): Period {
  let parsed: unknown;
  try {
    parsed = JSON.parse(token);
  } catch {
    throw new PeriodError('unparseable', 'That button no longer describes a period.');
  }
  const result = tokenSchema.safeParse(parsed);
  if (!result.success) throw new PeriodError('unparseable', 'That button no longer describes a period.');
  const t = result.data;
  const key: PeriodKey = { step: t.s, count: t.c, start: t.t, toDate: t.d === 1, unit: t.u };
  // A forged start that is not a boundary of its step would ask Tellody for a misaligned window.
  if (floorTo(t.t, t.s, { zone: t.z, weekStart: t.w as Weekday }) !== t.t) {
    throw new PeriodError('unparseable', 'That button no longer describes a period.');
  }
  return makePeriod(key, { zone: t.z, weekStart: t.w as Weekday, now });
}

/** The units a period can be shown by: smaller than it, and few enough points. */
export function validUnits(period: Period, now: number): Period['unit'][] {
  const settings = { zone: period.zone, weekStart: period.weekStart, now };
  return unitsFor(keyOf(period), settings);
}
