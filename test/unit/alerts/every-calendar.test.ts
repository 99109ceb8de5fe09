import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { CHECK_EVERY_MS } from '../../../src/alerts/check.js';
import { HISTORY_WEEKS } from '../../../src/alerts/detect.js';
import { todayAt, wallHourOn, weeksBefore } from '../../../src/alerts/local-hours.js';
import { nextCheckAt } from '../../../src/alerts/next-check.js';
import { inQuietHours, quietHoursEnd } from '../../../src/alerts/quiet-hours.js';
import { checkProperty } from '../../support/checked-property.js';
import {
  clockText,
  clockTimeNear,
  DAY,
  EVERY_CALENDAR_ZONES,
  instantIn,
  isoDate,
  luxonDate,
  luxonFirstReading,
  luxonReadings,
  luxonWall,
  weekdayOfDate,
} from '../../support/luxon-calendar.js';
import { luxonHourAtOrBefore } from '../../support/luxon-clock.js';

/*
 * The alerts' calendar in every kind of zone, against a calendar worked out with Luxon in the test
 * (test/support/luxon-calendar.ts): which days today is compared with and up to which local hour,
 * quiet hours, and when the next check is.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const utc = (ms: number) => new Date(ms).toISOString();

/** Whether the wall clock at `now` reads inside `from`–`to` (minutes since midnight), by Luxon. */
function luxonInQuietHours(now: number, from: number, to: number, zone: string): boolean {
  const local = DateTime.fromMillis(now, { zone });
  const at = local.hour * 60 + local.minute;
  if (from === to) return false;
  return from < to ? from <= at && at < to : at >= from || at < to;
}

/**
 * The first instant after `now` at which the wall clock reads `minutes` past midnight (the second
 * reading of a repeated time counts), or where the clocks jump over it, the instant they jump to.
 */
function luxonNextReading(now: number, minutes: number, zone: string): number {
  const today = luxonDate(now, zone);
  const readings = [-1, 0, 1, 2].flatMap((k) => luxonReadings(today + k * DAY + minutes * MINUTE, zone));
  return Math.min(...readings.filter((t) => t > now));
}

/** A zone and an instant in 2026–2027 in it, often near one of its clock changes. */
const zoneAndInstant = fc
  .constantFrom(...EVERY_CALENDAR_ZONES)
  .chain((zone) => fc.record({ zone: fc.constant(zone), now: instantIn(zone) }));

/** The same, with quiet hours from and to clock times, often at the times the clocks change. */
const quietCase = zoneAndInstant.chain(({ zone, now }) =>
  fc.record({
    zone: fc.constant(zone),
    now: fc.constant(now),
    from: fc.oneof(fc.constant(22 * 60), clockTimeNear(zone, now)),
    // Sometimes the very minute `now` reads, so their end is now itself.
    to: fc.oneof(
      fc.constant(7 * 60),
      clockTimeNear(zone, now),
      fc.constant(Math.floor((luxonWall(now, zone) % DAY) / MINUTE)),
    ),
  }),
);

describe('which days the alerts compare today with, in every zone', () => {
  it('compares today up to its last whole local hour with the same weekday in each of the eight weeks before, up to the first time that day’s clock reads the same hour', () => {
    checkProperty(
      zoneAndInstant,
      ({ zone, now }) => {
        const where = `now ${utc(now)} in ${zone}`;
        const today = todayAt(now, zone);
        const date = luxonDate(now, zone);
        expect(utc(today.start), where).toBe(utc(luxonFirstReading(date, zone)));
        expect(today.date, where).toBe(isoDate(date));
        expect(today.weekday, where).toBe(weekdayOfDate(date));
        // The hour the latest whole-hour reading of the clock at or before now shows: 11 from 11:00 on.
        const hour = DateTime.fromMillis(luxonHourAtOrBefore(now, zone), { zone }).hour;
        expect(today.hour, where).toBe(hour);
        const cutoff = wallHourOn(today.start, hour, zone);
        expect(utc(cutoff), where).toBe(utc(luxonFirstReading(date + hour * HOUR, zone)));
        expect(cutoff, where).toBeLessThanOrEqual(now);
        for (let weeks = 1; weeks <= HISTORY_WEEKS; weeks++) {
          const earlier = date - 7 * weeks * DAY;
          const start = weeksBefore(today.start, weeks, zone);
          expect(utc(start), `${where}, ${weeks} weeks before`).toBe(utc(luxonFirstReading(earlier, zone)));
          expect(DateTime.fromMillis(start, { zone }).weekday % 7, where).toBe(today.weekday);
          expect(utc(wallHourOn(start, hour, zone)), `${where}, ${weeks} weeks before`).toBe(
            utc(luxonFirstReading(earlier + hour * HOUR, zone)),
          );
        }
      },
      { numRuns: 300 },
    );
  });
});

describe('quiet hours, in every zone', () => {
  it('hold exactly when the local wall clock reads from their start up to (not including) their end, across midnight when the end is earlier', () => {
    checkProperty(
      quietCase,
      ({ zone, now, from, to }) => {
        const quiet = { from: clockText(from), to: clockText(to) };
        expect(inQuietHours(now, quiet, zone), `now ${utc(now)} in ${zone}, quiet ${quiet.from}–${quiet.to}`).toBe(
          luxonInQuietHours(now, from, to, zone),
        );
      },
      { numRuns: 1000 },
    );
  });

  it('end at the first instant after now at which the local wall clock reads their end, or the instant the clocks jump to where they skip it', () => {
    checkProperty(
      quietCase,
      ({ zone, now, from, to }) => {
        const quiet = { from: clockText(from), to: clockText(to) };
        const where = `now ${utc(now)} in ${zone}, quiet ${quiet.from}–${quiet.to}`;
        expect(utc(quietHoursEnd(now, quiet, zone)), where).toBe(utc(luxonNextReading(now, to, zone)));
      },
      { numRuns: 500 },
    );
  });

  it.each([
    [
      'America/Los_Angeles',
      '2026-11-01T09:10:00Z',
      '22:00',
      '01:30',
      '2026-11-01T09:30:00Z',
      '01:10 PST, after 01:30 PDT',
    ],
    [
      'America/Santiago',
      '2026-04-05T03:10:00Z',
      '22:00',
      '23:30',
      '2026-04-05T03:30:00Z',
      '23:10 -04, after 23:30 -03',
    ],
    [
      'Australia/Adelaide',
      '2026-04-04T16:40:00Z',
      '22:00',
      '02:45',
      '2026-04-04T17:15:00Z',
      '02:10 ACST, after 02:45 ACDT',
    ],
  ])(
    'in %s at %s, quiet hours %s–%s that hold in the repeated hour end when the clock reads their end again, at %s (%s), not a day later',
    (zone, now, from, to, end) => {
      const quiet = { from, to };
      expect(inQuietHours(Date.parse(now), quiet, zone)).toBe(true);
      expect(utc(quietHoursEnd(Date.parse(now), quiet, zone))).toBe(utc(Date.parse(end)));
      expect(utc(nextCheckAt(Date.parse(now), { quietHours: quiet }, zone, undefined))).toBe(utc(Date.parse(end)));
    },
  );
});

describe('when the alerts next need a check, in every zone', () => {
  it('is the end of quiet hours within them, 01:00 local before it, the next quarter hour once this one is checked, and now otherwise', () => {
    const slotOf = (ms: number) => Math.floor(ms / CHECK_EVERY_MS);
    checkProperty(
      fc.tuple(quietCase, fc.boolean(), fc.boolean()),
      ([{ zone, now, from, to }, withQuietHours, checked]) => {
        const quietHours = withQuietHours ? { from: clockText(from), to: clockText(to) } : undefined;
        const state = { checkedSlot: checked ? slotOf(now) : slotOf(now) - 1 };
        const where = `now ${utc(now)} in ${zone}, quiet ${quietHours?.from}–${quietHours?.to}, checked ${checked}`;
        const hour = DateTime.fromMillis(luxonHourAtOrBefore(now, zone), { zone }).hour;
        const quiet = withQuietHours && luxonInQuietHours(now, from, to, zone);
        const expected = quiet
          ? luxonNextReading(now, to, zone)
          : hour === 0
            ? luxonFirstReading(luxonDate(now, zone) + HOUR, zone)
            : checked
              ? (slotOf(now) + 1) * CHECK_EVERY_MS
              : now;
        expect(utc(nextCheckAt(now, { quietHours }, zone, state)), where).toBe(utc(expected));
      },
      { numRuns: 500 },
    );
  });
});
