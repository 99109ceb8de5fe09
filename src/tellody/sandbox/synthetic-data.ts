import { CHART_SERIES, type ChartSeries } from '../tellody-types.js';
import { offsetMinutes as offsetAt } from './local-clock.js';

/**
 * A deterministic event history: every 15-minute slot (the finest step any zone's clock
 * moves in) holds a whole number of events per series, derived from a hash of the account's
 * seed and the slot. A bucket is the sum of its slots, so any bucketing in any zone adds up
 * exactly, and the same request gets the same answer after a restart.
 */
export const SLOT_MS = 15 * 60_000;
/** The first instant with activity: 1 January 2015, 00:00 UTC. */
export const HISTORY_START = Date.UTC(2015, 0, 1);

const DAY_MS = 86_400_000;
const YEAR_MS = 365.25 * DAY_MS;

/** Events per slot at a weekday's busiest hour, before growth and campaigns. */
const PEAK_RATE: Record<ChartSeries, number> = {
  contactsAdded: 2.4,
  groupsAdded: 0.03,
  contactsServed: 30,
  contactsBlocked: 0.12,
};

/** Share of the peak by local hour: quiet nights, busy office hours, a tail in the evening. */
const HOURLY_SHAPE = [
  0.02, 0.01, 0.01, 0.01, 0.02, 0.05, 0.15, 0.35, 0.7, 0.95, 1, 1, 0.85, 0.9, 1, 0.95, 0.85, 0.65, 0.45, 0.35, 0.3, 0.2,
  0.1, 0.05,
];
/** Share by local weekday, Sunday first. */
const WEEKDAY_SHAPE = [0.15, 1, 1, 0.95, 1, 0.85, 0.3];

/** splitmix32: a fast, well-mixed 32-bit hash; the result is uniform in [0, 1). */
function hashUnit(a: number, b: number, c: number): number {
  let h = (a ^ Math.imul(b, 0x9e3779b9) ^ Math.imul(c, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x21f0aaad);
  h = Math.imul(h ^ (h >>> 15), 0x735a2d97);
  h ^= h >>> 15;
  return (h >>> 0) / 4_294_967_296;
}

const SERIES_SALT: Record<ChartSeries, number> = {
  contactsAdded: 11,
  groupsAdded: 23,
  contactsServed: 37,
  contactsBlocked: 41,
};

/**
 * Roughly one day in twelve is a campaign day: from 09:00 to 14:00 many more messages served and
 * opt-outs. `localDay` counts local days since 1970-01-01. (The alerts' false-alarm tests leave
 * these days out: a campaign that brings nine times the opt-outs is what an alert is for.)
 */
export function isCampaignDay(seed: number, localDay: number): boolean {
  return hashUnit(seed, localDay, 101) < 0.08;
}

function campaignBoost(seed: number, localDay: number, localHour: number, series: ChartSeries): number {
  if (!isCampaignDay(seed, localDay) || localHour < 9 || localHour > 13) return 1;
  if (series === 'contactsServed') return 6;
  if (series === 'contactsBlocked') return 9;
  return series === 'contactsAdded' ? 1.6 : 1;
}

export interface SlotContext {
  readonly seed: number;
  readonly zone: string;
}

type Totals = Record<ChartSeries, number>;

function emptyTotals(): Totals {
  return { contactsAdded: 0, groupsAdded: 0, contactsServed: 0, contactsBlocked: 0 };
}

/** Events of one series in the slot starting at `slotStart`; `offsetMinutes` is the zone's offset there. */
function slotEvents(ctx: SlotContext, slotStart: number, offsetMinutes: number, series: ChartSeries): number {
  const localMs = slotStart + offsetMinutes * 60_000;
  const localDay = Math.floor(localMs / DAY_MS);
  const localHour = Math.floor((localMs - localDay * DAY_MS) / 3_600_000);
  const weekday = (localDay + 4) % 7; // 1 January 1970 was a Thursday
  const growth = 1 + (slotStart - HISTORY_START) / YEAR_MS / 6;
  // Busier and quieter days and hours, so no two days look alike.
  const dayMood = 0.7 + 0.6 * hashUnit(ctx.seed, localDay, 202);
  const hourMood = 0.8 + 0.4 * hashUnit(ctx.seed, localDay * 24 + localHour, 303);
  const rate =
    PEAK_RATE[series] *
    (HOURLY_SHAPE[localHour] ?? 0) *
    (WEEKDAY_SHAPE[weekday] ?? 0) *
    growth *
    dayMood *
    hourMood *
    campaignBoost(ctx.seed, localDay, localHour, series);
  const slot = slotStart / SLOT_MS;
  return Math.floor(rate + hashUnit(ctx.seed, slot, SERIES_SALT[series]));
}

/** Of a slot's events, those that happened before `now` (each event has its own instant in the slot). */
function eventsBefore(ctx: SlotContext, slotStart: number, events: number, series: ChartSeries, now: number): number {
  let seen = 0;
  for (let i = 0; i < events; i++) {
    const at = slotStart + Math.floor(hashUnit(ctx.seed ^ SERIES_SALT[series], slotStart / SLOT_MS, i) * SLOT_MS);
    if (at < now) seen++;
  }
  return seen;
}

/** Totals per series for [from, toExclusive), counting only what happened before `now`. */
export function activityBetween(ctx: SlotContext, from: number, toExclusive: number, now: number): Totals {
  const totals = emptyTotals();
  const last = Math.min(toExclusive, now);
  for (let chunk = Math.max(from, HISTORY_START); chunk < last; chunk += DAY_MS) {
    const chunkEnd = Math.min(chunk + DAY_MS, last);
    // Offsets change at most once a day: two look-ups tell whether this day needs one per slot.
    const steady = offsetAt(chunk, ctx.zone) === offsetAt(chunkEnd - 1, ctx.zone) ? offsetAt(chunk, ctx.zone) : null;
    for (let slotStart = chunk; slotStart < chunkEnd; slotStart += SLOT_MS) {
      const offset = steady ?? offsetAt(slotStart, ctx.zone);
      for (const series of CHART_SERIES) {
        const events = slotEvents(ctx, slotStart, offset, series);
        totals[series] += slotStart + SLOT_MS <= now ? events : eventsBefore(ctx, slotStart, events, series, now);
      }
    }
  }
  return totals;
}
