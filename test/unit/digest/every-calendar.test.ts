import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { CATCH_UP_MS, decide, digestWeek, nextLookAt } from '../../../src/digest/due.js';
import { latestOccurrence, nextOccurrences, reportedWeek, weekKey } from '../../../src/digest/schedule.js';
import type { Weekday } from '../../../src/period/calendar.js';
import type { WeekRecord } from '../../../src/store/digest-schedules.js';
import { checkProperty } from '../../support/checked-property.js';
import { aDigestSchedule } from '../../support/digest-schedule.js';
import {
  clockText,
  clockTimeNear,
  DAY,
  EVERY_CALENDAR_ZONES,
  instantIn,
  isoDate,
  isSkipped,
  luxonDate,
  luxonFirstReading,
  luxonReadings,
  luxonWall,
  weekdayOfDate,
} from '../../support/luxon-calendar.js';

/*
 * The digest's calendar in every kind of zone and for every week start, against a calendar worked
 * out with Luxon in the test (test/support/luxon-calendar.ts): what a digest reports, when its slot
 * comes round, and whether it is due.
 */

const MINUTE = 60_000;
const WEEK_STARTS = [0, 1, 2, 3, 4, 5, 6] as const;
const utc = (ms: number) => new Date(ms).toISOString();

/** The week a digest sent at `sent` reports, by Luxon: the whole week (by `weekStart`) before the one `sent` falls in. */
function expectedWeek(sent: number, zone: string, weekStart: number) {
  const date = luxonDate(sent, zone);
  const thisWeek = date - ((weekdayOfDate(date) - weekStart + 7) % 7) * DAY;
  const firstDate = thisWeek - 7 * DAY;
  return { firstDate, start: luxonFirstReading(firstDate, zone), end: luxonFirstReading(thisWeek, zone) - 1 };
}

/**
 * Every time a weekly slot comes round from two weeks before `now`'s date to four after, by Luxon:
 * on each date that is the slot's weekday, the first instant its wall clock reads the slot's time
 * (schedule.ts: a time that happens twice is its first occurrence), or where the clocks jump over
 * that time, the first instant after the jump.
 */
function slotTimes(now: number, day: number, minutes: number, zone: string): number[] {
  const today = luxonDate(now, zone);
  const times: number[] = [];
  for (let k = -15; k <= 30; k++) {
    const date = today + k * DAY;
    if (weekdayOfDate(date) === day) times.push(luxonFirstReading(date + minutes * MINUTE, zone));
  }
  return times;
}

/** A zone, an instant in 2026–2027 (often near a clock change) and a slot (often at a changing time). */
const slotCase = fc.constantFrom(...EVERY_CALENDAR_ZONES).chain((zone) =>
  instantIn(zone).chain((now) =>
    fc.record({
      zone: fc.constant(zone),
      now: fc.constant(now),
      day: fc.oneof(
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: -1, max: 1 }).map((k) => weekdayOfDate(luxonDate(now, zone) + k * DAY)),
      ),
      minutes: clockTimeNear(zone, now),
    }),
  ),
);

describe('what a weekly digest reports, in every zone and for every week start', () => {
  it.each(WEEK_STARTS)(
    'with weeks starting on day %i, a digest sent at any instant reports the last whole week before it, from a local day’s first instant to the next week’s first instant',
    (weekStart) => {
      checkProperty(
        fc.constantFrom(...EVERY_CALENDAR_ZONES).chain((zone) => fc.tuple(fc.constant(zone), instantIn(zone))),
        ([zone, sent]) => {
          const period = reportedWeek(sent, { zone, weekStart: weekStart as Weekday });
          const expected = expectedWeek(sent, zone, weekStart);
          const where = `sent ${utc(sent)} in ${zone}, weeks from day ${weekStart}`;
          expect(utc(period.start), where).toBe(utc(expected.start));
          expect(utc(period.end), where).toBe(utc(expected.end));
          expect(weekKey(period), where).toBe(isoDate(expected.firstDate));
          // A whole week, over before the digest goes out, starting on the week start's local date.
          expect(period.end, where).toBeLessThan(sent);
          expect(DateTime.fromMillis(period.start, { zone }).weekday % 7, where).toBe(weekStart);
          expect(luxonDate(period.start - 1, zone), where).toBe(expected.firstDate - DAY);
          expect(luxonDate(period.end + 1, zone), where).toBe(expected.firstDate + 7 * DAY);
        },
        { numRuns: 200 },
      );
    },
  );
});

describe('when a weekly digest goes out, in every zone and for every week start', () => {
  it.each(WEEK_STARTS)(
    'with weeks starting on day %i, the slot’s latest and next three times are the ones a Luxon calendar gives, a week apart, none passed over, and the digest owed reports the week before the latest',
    (weekStart) => {
      checkProperty(
        slotCase,
        ({ zone, now, day, minutes }) => {
          const slot = { day: day as Weekday, time: clockText(minutes) };
          const where = `now ${utc(now)} in ${zone}, slot day ${day} at ${slot.time}`;
          const times = slotTimes(now, day, minutes, zone);
          const latest = times.filter((t) => t <= now).at(-1) as number;
          const next = times.filter((t) => t > now).slice(0, 3);
          expect(utc(latestOccurrence(now, slot, zone)), where).toBe(utc(latest));
          expect(nextOccurrences(now, slot, zone, 3).map(utc), where).toEqual(next.map(utc));
          let previous = latest;
          for (const time of next) {
            // Strictly later, a week on (6 to 8 days, the clocks may change in between).
            expect(time - previous, where).toBeGreaterThanOrEqual(6 * DAY);
            expect(time - previous, where).toBeLessThanOrEqual(8 * DAY);
            previous = time;
            // On the slot's day at the slot's time, the first of two where that time happens twice, or
            // the instant the clocks jump to where they skip it.
            const wanted = luxonDate(time, zone) + minutes * MINUTE;
            expect(weekdayOfDate(luxonDate(time, zone)), where).toBe(day);
            if (isSkipped(wanted, zone)) {
              expect(luxonWall(time - 1, zone), where).toBeLessThan(wanted);
              expect(luxonWall(time, zone), where).toBeGreaterThan(wanted);
            } else {
              expect(luxonWall(time, zone), where).toBe(wanted);
              expect(time, where).toBe(Math.min(...luxonReadings(wanted, zone)));
            }
          }
          const calendar = { zone, weekStart: weekStart as Weekday };
          const week = digestWeek(now, slot, calendar);
          const expected = expectedWeek(latest, zone, weekStart);
          expect(utc(week.occurrence), where).toBe(utc(latest));
          expect(utc(week.period.start), where).toBe(utc(expected.start));
          expect(utc(week.period.end), where).toBe(utc(expected.end));
          expect(week.week, where).toBe(isoDate(expected.firstDate));
        },
        { numRuns: 200 },
      );
    },
  );

  it('is due from the slot’s time for 24 hours, then missed; once posted, or before it was set up, it next looks at the slot’s next time', () => {
    checkProperty(
      fc.tuple(slotCase, fc.integer({ min: 0, max: 6 })),
      ([{ zone, now, day, minutes }, weekStart]) => {
        const schedule = aDigestSchedule('CDIGEST', { day: day as Weekday, time: clockText(minutes), activeSince: 0 });
        const where = `now ${utc(now)} in ${zone}, slot day ${day} at ${schedule.time}, weeks from day ${weekStart}`;
        const times = slotTimes(now, day, minutes, zone);
        const latest = times.filter((t) => t <= now).at(-1) as number;
        const next = times.find((t) => t > now) as number;
        const week = digestWeek(now, schedule, { zone, weekStart: weekStart as Weekday });
        const owed = now - latest < CATCH_UP_MS ? 'due' : 'missed';
        expect(decide(now, schedule, week, undefined).kind, where).toBe(owed);
        expect(nextLookAt(now, schedule, zone, week, undefined), where).toBe(now);
        const posted: WeekRecord = {
          week: week.week,
          occurrence: latest,
          state: 'posted',
          attempts: 1,
          updatedAt: now,
        };
        expect(decide(now, schedule, week, posted).kind, where).toBe('idle');
        expect(utc(nextLookAt(now, schedule, zone, week, posted) as number), where).toBe(utc(next));
        const setUpAfter = { ...schedule, activeSince: latest + 1 };
        expect(decide(now, setUpAfter, week, undefined).kind, where).toBe('idle');
        expect(utc(nextLookAt(now, setUpAfter, zone, week, undefined) as number), where).toBe(utc(next));
      },
      { numRuns: 400 },
    );
  });
});
