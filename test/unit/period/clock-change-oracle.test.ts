import { DateTime, Info } from 'luxon';
import { describe, expect, it } from 'vitest';
import { floorTo, shiftBoundary, type Weekday } from '../../../src/period/calendar.js';
import { resolvePeriod, unlessPeriodError } from '../../../src/period/index.js';

/*
 * An oracle that shares nothing with calendar.ts: clock changes are found with Intl alone, and
 * the first instant of a day with Luxon, then checked against its definition (the instant
 * before it is on an earlier date). Every boundary the period module gives around every clock
 * change from 2015 to 2029, in every zone this Node knows, is compared with it.
 */

const MINUTE = 60_000;
const QUARTER_HOUR = 15 * MINUTE;
const HOUR = 60 * MINUTE;
const DAY = 86_400_000;
const FROM = Date.UTC(2015, 0, 1);
const UNTIL = Date.UTC(2030, 0, 1);
/** Clock changes in the tz database are weeks apart (28 days at the closest in these years), so these probes miss none. */
const PROBE = 14 * DAY;
const WEEK_STARTS: Weekday[] = [0, 1, 2, 3, 4, 5, 6];
const MONTH_NAMES = Info.months('long', { locale: 'en' });
/** A moment long after every change, so no period checked here is in the future. */
const LATER = Date.UTC(2030, 5, 1);

interface ClockChange {
  readonly zone: string;
  /** First instant of the new offset. */
  readonly at: number;
  readonly before: number;
  readonly after: number;
}

/** A zone's offset in minutes, from Intl's "GMT+05:45" (a few µs; Luxon's own takes ten). */
function offsetReader(zone: string): (ms: number) => number {
  const format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
  return (ms) => {
    const match = /GMT([+-])(\d\d):(\d\d)/.exec(format.format(ms));
    if (!match) return 0; // plain "GMT"
    return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
  };
}

/** Every clock change in [FROM, UNTIL), to the minute: probes a fortnight apart, then halving. */
function clockChanges(zone: string): ClockChange[] {
  const offset = offsetReader(zone);
  const changes: ClockChange[] = [];
  let previous = offset(FROM);
  for (let probe = FROM + PROBE; probe < UNTIL + PROBE; probe += PROBE) {
    const current = offset(probe);
    if (current === previous) continue;
    let [lo, hi] = [probe - PROBE, probe];
    while (hi - lo > MINUTE) {
      const mid = lo + Math.floor((hi - lo) / (2 * MINUTE)) * MINUTE;
      if (offset(mid) === previous) lo = mid;
      else hi = mid;
    }
    changes.push({ zone, at: hi, before: previous, after: current });
    previous = current;
  }
  return changes;
}

/**
 * The period module sees a zone only through its offsets, so zones whose clocks agree in these
 * years behave alike: one zone stands for each distinct history (78 of them for 179 zones).
 */
function distinctHistories(): { zone: string; sharedBy: number; changes: ClockChange[] }[] {
  const byHistory = new Map<string, { zone: string; sharedBy: number; changes: ClockChange[] }>();
  for (const zone of Intl.supportedValuesOf('timeZone')) {
    const changes = clockChanges(zone);
    if (changes.length === 0) continue;
    const key = `${changes[0]?.before} ${changes.map((c) => `${c.at}:${c.after}`).join(' ')}`;
    const seen = byHistory.get(key);
    if (seen) seen.sharedBy++;
    else byHistory.set(key, { zone, sharedBy: 1, changes });
  }
  return [...byHistory.values()];
}

/** Days since 1970-01-01 on the zone's calendar at `ms`, read by Intl ("10/30/2020"). */
function localDayReader(zone: string): (ms: number) => number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  });
  const known = new Map<number, number>();
  return (ms) => {
    let day = known.get(ms);
    if (day === undefined) {
      const [month, dayOfMonth, year] = format.format(ms).split('/').map(Number);
      day = Date.UTC(year ?? Number.NaN, (month ?? Number.NaN) - 1, dayOfMonth) / DAY;
      known.set(ms, day);
    }
    return day;
  };
}

const dateOf = (day: number) => {
  const d = new Date(day * DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
};

/** Counts every comparison, and keeps the first failures to show. */
class Tally {
  checks = 0;
  failed = 0;
  readonly firstFailures: string[] = [];

  holds(ok: boolean, what: () => string): void {
    this.checks++;
    if (ok) return;
    this.failed++;
    if (this.firstFailures.length < 20) this.firstFailures.push(what());
  }
}

/**
 * The first instant of each local day, by Luxon: midnight; where it happens twice, the earlier of
 * its possible instants; where it is skipped, Luxon moves it past the gap, to the instant the
 * clock jumped (every skipped midnight in these years opens its gap). Each answer is checked
 * against the definition (it is on its date, the instant before it is not) before it is used.
 */
function dayStarts(zone: string, localDay: (ms: number) => number, tally: Tally): (day: number) => number {
  const known = new Map<number, number>();
  return (day) => {
    let start = known.get(day);
    if (start === undefined) {
      const { year, month, day: dayOfMonth } = dateOf(day);
      const midnight = DateTime.fromObject({ year, month, day: dayOfMonth }, { zone });
      start = midnight.toMillis();
      // Asking Luxon for every possible instant costs twice as much; only a repeated midnight needs it.
      if (localDay(start - 1) === day) start = Math.min(...midnight.getPossibleOffsets().map((at) => at.toMillis()));
      const first = start;
      tally.holds(localDay(first) === day && localDay(first - 1) < day, () => `oracle: ${zone} day ${day} at ${first}`);
      known.set(day, start);
    }
    return start;
  };
}

/** One clock change, the oracle's view of the days around it, and a way to compare with it. */
interface Around {
  readonly change: ClockChange;
  readonly zone: string;
  readonly localDay: (ms: number) => number;
  /** The oracle's first instant of a local day. */
  readonly start: (day: number) => number;
  readonly dayBefore: number;
  readonly dayAfter: number;
  same(actual: number, expected: number, what: string, at: number): void;
}

function around(change: ClockChange, tally: Tally): Around {
  const { zone } = change;
  const localDay = localDayReader(zone);
  const iso = (ms: number) => DateTime.fromMillis(ms, { zone }).toISO() ?? String(ms);
  return {
    change,
    zone,
    localDay,
    start: dayStarts(zone, localDay, tally),
    dayBefore: localDay(change.at - 1),
    dayAfter: localDay(change.at),
    same: (actual, expected, what, at) =>
      tally.holds(
        actual === expected,
        () =>
          `${zone}, ${what} at ${iso(at)}: ${iso(actual)}, expected ${iso(expected)} (clocks change ${iso(change.at)})`,
      ),
  };
}

/** The change itself and the edges of the days either side of it. */
function edgesAround(a: Around): number[] {
  const edges = [a.change.at - 1, a.change.at, a.change.at + 1];
  for (let day = a.dayBefore - 1; day <= a.dayAfter + 2; day++)
    edges.push(a.start(day) - 1, a.start(day), a.start(day) + 1);
  return edges;
}

function checkDays(a: Around): void {
  const cal = { zone: a.zone, weekStart: 1 as Weekday };
  const instants = edgesAround(a);
  // Every hour of the days the change falls between, every quarter hour for three hours either side of it.
  for (let at = a.start(a.dayBefore); at < a.start(a.dayAfter + 1); at += HOUR) instants.push(at);
  for (let at = a.change.at - 3 * HOUR; at < a.change.at + 3 * HOUR; at += QUARTER_HOUR) instants.push(at);
  for (const at of instants) a.same(floorTo(at, 'day', cal), a.start(a.localDay(at)), 'start of day', at);
  const [first, last] = [a.dayBefore - 1, a.dayAfter + 1];
  for (let day = first; day <= last; day++) {
    a.same(shiftBoundary(a.start(day), 'day', 1, cal), a.start(day + 1), 'next day', a.start(day));
    a.same(shiftBoundary(a.start(day + 1), 'day', -1, cal), a.start(day), 'day before', a.start(day + 1));
  }
  a.same(
    shiftBoundary(a.start(first), 'day', last - first, cal),
    a.start(last),
    `${last - first} days on`,
    a.start(first),
  );
}

const firstOfWeek = (day: number, weekStart: Weekday) => day - ((dateOf(day).weekday - weekStart + 7) % 7);
const firstOfMonth = (day: number, shift = 0) => {
  const { year, month } = dateOf(day);
  return Date.UTC(year, month - 1 + shift, 1) / DAY;
};

function checkWeeks(a: Around): void {
  for (const weekStart of WEEK_STARTS) {
    const cal = { zone: a.zone, weekStart };
    for (const at of edgesAround(a)) {
      a.same(floorTo(at, 'week', cal), a.start(firstOfWeek(a.localDay(at), weekStart)), `week from ${weekStart}`, at);
    }
    const first = a.start(firstOfWeek(a.dayAfter, weekStart));
    const next = a.start(firstOfWeek(a.dayAfter, weekStart) + 7);
    a.same(shiftBoundary(first, 'week', 1, cal), next, `next week from ${weekStart}`, first);
    a.same(shiftBoundary(next, 'week', -1, cal), first, `week from ${weekStart} before`, next);
  }
}

function checkMonths(a: Around): void {
  const cal = { zone: a.zone, weekStart: 1 as Weekday };
  for (const at of [a.change.at - 1, a.change.at]) {
    const first = firstOfMonth(a.localDay(at));
    a.same(floorTo(at, 'month', cal), a.start(first), 'start of month', at);
    a.same(shiftBoundary(a.start(first), 'month', 1, cal), a.start(firstOfMonth(first, 1)), 'next month', at);
    a.same(shiftBoundary(a.start(first), 'month', -1, cal), a.start(firstOfMonth(first, -1)), 'month before', at);
  }
}

/** The phrases people type: the day of the change and the day before, and "today", "this week", "this month" either side of it. */
function checkPhrases(a: Around): void {
  const resolves = (phrase: string, now: number, first: number, end: number, weekStart: Weekday = 1) => {
    const period = unlessPeriodError(() => resolvePeriod(phrase, { zone: a.zone, weekStart, now }));
    a.same(period?.start ?? Number.NaN, first, `“${phrase}” starts`, now);
    a.same((period?.end ?? Number.NaN) + 1, end, `“${phrase}” ends`, now);
  };
  for (const day of new Set([a.dayBefore, a.dayAfter])) {
    const { year, month, day: dayOfMonth } = dateOf(day);
    resolves(`${dayOfMonth} ${MONTH_NAMES[month - 1]} ${year}`, LATER, a.start(day), a.start(day + 1));
  }
  // Weeks that open on the day of the change.
  const weekStart = dateOf(a.dayAfter).weekday as Weekday;
  for (const now of [a.change.at - 1, a.change.at]) {
    const today = a.localDay(now);
    resolves('today', now, a.start(today), a.start(today + 1));
    resolves('this month', now, a.start(firstOfMonth(today)), a.start(firstOfMonth(today, 1)));
    const week = firstOfWeek(today, weekStart);
    resolves('this week', now, a.start(week), a.start(week + 7), weekStart);
  }
}

/** A clock change that crosses midnight: backwards (midnight happens twice) or forwards (it never happens). */
function crossesMidnight(change: ClockChange, backwards: boolean): boolean {
  const [from, to] = [change.at + change.before * MINUTE, change.at + change.after * MINUTE];
  const midnight = Math.ceil(Math.min(from, to) / DAY) * DAY;
  return backwards === to < from && midnight < Math.max(from, to);
}

describe('day, week and month boundaries around every clock change from 2015 to 2029', () => {
  it('agree with an independent Luxon oracle in every zone', () => {
    const histories = distinctHistories();
    const changes = histories.flatMap((h) => h.changes);
    const tally = new Tally();
    for (const change of changes) {
      const a = around(change, tally);
      checkDays(a);
      checkWeeks(a);
      checkMonths(a);
      checkPhrases(a);
    }
    expect({ failed: tally.failed, firstFailures: tally.firstFailures }).toEqual({ failed: 0, firstFailures: [] });

    // Not vacuous: every zone with a clock change is represented, both kinds of odd midnight are among them.
    expect(histories.reduce((zones, h) => zones + h.sharedBy, 0)).toBeGreaterThan(150);
    expect(changes.filter((c) => crossesMidnight(c, true)).length).toBeGreaterThan(20);
    expect(changes.filter((c) => crossesMidnight(c, false)).length).toBeGreaterThan(50);
    expect(tally.checks).toBeGreaterThan(250_000);
  });
});
