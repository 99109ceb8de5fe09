import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { floorTo, nextBoundary } from '../../../src/period/calendar.js';
import { checkProperty } from '../../support/checked-property.js';
import { arbitraryClockChange, luxonHourAfter, luxonHourAtOrBefore } from '../../support/luxon-clock.js';

/*
 * The hour a moment falls in, and the next hour after it, for any moment: not only the hour
 * boundaries a period is cut at but "now" (a comparison runs to the end of the current hour),
 * to the millisecond, in hours that a clock change makes shorter or longer.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const instant = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toMillis();

describe('the next hour after a moment in the hour before the clock changes', () => {
  it.each([
    // Athens springs from 03:00 to 04:00: from 02:52 the next hour is 04:00.
    ['Europe/Athens', '2026-03-29T02:52:30.250+02:00', '2026-03-29T02:00:00+02:00', '2026-03-29T04:00:00+03:00'],
    ['Europe/Athens', '2026-03-29T02:47:00+02:00', '2026-03-29T02:00:00+02:00', '2026-03-29T04:00:00+03:00'],
    // Athens falls back from 04:00 to 03:00: the 03:00 hour happens twice.
    ['Europe/Athens', '2026-10-25T03:59:59.999+03:00', '2026-10-25T03:00:00+03:00', '2026-10-25T03:00:00+02:00'],
    // New York falls back from 02:00 to 01:00.
    ['America/New_York', '2026-11-01T01:50:10-04:00', '2026-11-01T01:00:00-04:00', '2026-11-01T01:00:00-05:00'],
    // Lord Howe springs from 02:00 to 02:30: the 01:00 hour runs on to 03:00.
    ['Australia/Lord_Howe', '2026-10-04T01:58:00+10:30', '2026-10-04T01:00:00+10:30', '2026-10-04T03:00:00+11:00'],
    // Chatham springs from 02:45 to 03:45.
    ['Pacific/Chatham', '2026-09-27T02:44:59+12:45', '2026-09-27T02:00:00+12:45', '2026-09-27T04:00:00+13:45'],
  ])('in %s, %s is in the hour from %s, and the next begins at %s', (zone, moment, hourStart, nextHour) => {
    const cal = { zone, weekStart: 1 as const };
    expect(floorTo(instant(moment), 'hour', cal)).toBe(instant(hourStart));
    expect(nextBoundary(instant(moment), 'hour', cal)).toBe(instant(nextHour));
  });

  it('holds for any millisecond within three hours of a clock change, 2024–2028, as Luxon reads the zone', () => {
    const zones = ['Europe/Athens', 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/St_Johns'];
    const cases = fc.record({
      near: arbitraryClockChange(zones),
      fromChange: fc.integer({ min: -3 * HOUR, max: 3 * HOUR }),
    });
    const checked = checkProperty(
      cases,
      ({ near: { zone, change }, fromChange }) => {
        const moment = change.at + fromChange;
        const cal = { zone, weekStart: 1 as const };
        expect(floorTo(moment, 'hour', cal)).toBe(luxonHourAtOrBefore(moment, zone));
        expect(nextBoundary(moment, 'hour', cal)).toBe(luxonHourAfter(moment, zone));
      },
      { numRuns: 300, seed: 20261129 },
    );
    expect(checked).toBe(300);
  });
});
