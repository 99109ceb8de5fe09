import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { instantOf, readingsOf } from '../../../src/period/calendar.js';
import { checkProperty } from '../../support/checked-property.js';
import { arbitraryClockChange, type LuxonClockChange, luxonOffset } from '../../support/luxon-clock.js';

/*
 * A time on the zone's clock ("29 March, 01:07") is the instant that clock first reads it: the
 * earlier one where the clock goes back over it, the instant the clock jumps where it skips it.
 * Alerts turn local hours into instants this way, and every period starts at such an instant.
 */

const MINUTE = 60_000;
/** A wall-clock reading as milliseconds, read as if the wall clock were UTC. */
const wall = (localIso: string) => DateTime.fromISO(localIso, { zone: 'utc' }).toMillis();
const instant = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toMillis();

/**
 * Luxon's answer: of the instants `wall − offset` for every quarter-hour offset a zone can have,
 * those whose offset Luxon confirms, earliest first; none in a gap, where it is the clock
 * change's instant alone.
 */
function luxonInstantsOf(wallMs: number, zone: string, change: LuxonClockChange): number[] {
  const instants: number[] = [];
  for (let offset = 14 * 60; offset >= -12 * 60; offset -= 15) {
    if (luxonOffset(wallMs - offset * MINUTE, zone) === offset) instants.push(wallMs - offset * MINUTE);
  }
  if (instants.length > 0) return instants;
  const gapStart = change.at + change.before * MINUTE;
  const gapEnd = change.at + change.after * MINUTE;
  if (!(gapStart <= wallMs && wallMs < gapEnd)) throw new Error(`${zone}: no instant reads ${wallMs}, yet no gap`);
  return [change.at];
}

describe('the instant a wall-clock time happens, on days the clock changes', () => {
  it.each([
    // Before the clock springs forward, the same day: the offset of the day before holds.
    ['Europe/Athens', '2026-03-29T01:07', '2026-03-29T01:07:00+02:00'],
    // In the skipped hour: the instant the clock jumps.
    ['Europe/Athens', '2026-03-29T03:07', '2026-03-29T04:00:00+03:00'],
    ['Australia/Lord_Howe', '2026-10-04T02:10', '2026-10-04T02:30:00+11:00'],
    // Troll skips two hours: 02:00 is in the middle of the gap, not at its start.
    ['Antarctica/Troll', '2026-03-29T02:00', '2026-03-29T03:00:00+02:00'],
    // The clock goes back over it: the first time.
    ['Europe/Athens', '2026-10-25T03:07', '2026-10-25T03:07:00+03:00'],
    // After the clock went back, the same day: the new offset.
    ['Europe/Athens', '2026-10-25T05:07', '2026-10-25T05:07:00+02:00'],
    ['America/St_Johns', '2026-11-01T09:41', '2026-11-01T09:41:00-03:30'],
  ])('in %s, %s happens at %s', (zone, local, expected) => {
    expect(instantOf(wall(local), zone)).toBe(instant(expected));
  });

  it('holds for any minute within three hours of a clock change, 2024–2028, as Luxon reads the zone', () => {
    const zones = [
      'Europe/Athens',
      'America/New_York',
      'America/St_Johns',
      'America/Santiago',
      'Australia/Lord_Howe',
      'Pacific/Chatham',
      'Antarctica/Troll',
    ];
    const cases = fc.record({ near: arbitraryClockChange(zones), minutes: fc.integer({ min: -180, max: 180 }) });
    const checked = checkProperty(
      cases,
      ({ near: { zone, change }, minutes }) => {
        const wallMs = change.at + change.before * MINUTE + minutes * MINUTE;
        expect(instantOf(wallMs, zone)).toBe(luxonInstantsOf(wallMs, zone, change)[0]);
      },
      { numRuns: 300, seed: 20261129 },
    );
    expect(checked).toBe(300);
  });
});

describe('every instant a wall-clock time happens', () => {
  it.each([
    // The clock goes back over it: both readings, the first one first.
    ['Europe/Athens', '2026-10-25T03:07', ['2026-10-25T03:07:00+03:00', '2026-10-25T03:07:00+02:00']],
    ['Australia/Lord_Howe', '2026-04-05T01:45', ['2026-04-05T01:45:00+11:00', '2026-04-05T01:45:00+10:30']],
    ['America/Santiago', '2026-04-04T23:30', ['2026-04-04T23:30:00-03:00', '2026-04-04T23:30:00-04:00']],
    // An ordinary minute, and one the clock skips (the instant it jumps): one each.
    ['Europe/Athens', '2026-10-25T05:07', ['2026-10-25T05:07:00+02:00']],
    ['Europe/Athens', '2026-03-29T03:07', ['2026-03-29T04:00:00+03:00']],
  ])('in %s, %s happens at %j', (zone, local, expected) => {
    expect(readingsOf(wall(local), zone)).toEqual(expected.map(instant));
  });

  it('are the instants Luxon reads as that time, for any minute within three hours of a clock change', () => {
    const zones = ['Europe/Athens', 'America/St_Johns', 'America/Santiago', 'Australia/Lord_Howe', 'Pacific/Chatham'];
    const cases = fc.record({ near: arbitraryClockChange(zones), minutes: fc.integer({ min: -180, max: 180 }) });
    checkProperty(
      cases,
      ({ near: { zone, change }, minutes }) => {
        const wallMs = change.at + change.before * MINUTE + minutes * MINUTE;
        expect(readingsOf(wallMs, zone)).toEqual(luxonInstantsOf(wallMs, zone, change));
      },
      { numRuns: 300, seed: 20261208 },
    );
  });
});
