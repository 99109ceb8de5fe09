import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { type Calendar, floorTo, isoInZone, shiftBoundary } from '../../../src/period/calendar.js';

const cal = (zone: string): Calendar => ({ zone, weekStart: 1 });
/** An ISO time with its own offset, read as the instant it names (Luxon, independent of the code under test). */
const at = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toMillis();

describe('the hour an instant falls in, where clocks change or keep odd offsets', () => {
  it.each([
    // Lord Howe springs from 02:00 (+10:30) to 02:30 (+11): the 01:00 hour runs on to 03:00.
    ['Australia/Lord_Howe', '2026-10-04T02:30:00+11:00', '2026-10-04T01:00:00+10:30'],
    ['Australia/Lord_Howe', '2026-10-04T02:40:00+11:00', '2026-10-04T01:00:00+10:30'],
    ['Australia/Lord_Howe', '2026-10-04T02:50:00+11:00', '2026-10-04T01:00:00+10:30'],
    // Lord Howe falls back from 02:00 (+11) to 01:30 (+10:30): the 01:00 hour lasts 90 minutes.
    ['Australia/Lord_Howe', '2026-04-05T01:40:00+10:30', '2026-04-05T01:00:00+11:00'],
    ['Australia/Lord_Howe', '2026-04-05T01:50:00+11:00', '2026-04-05T01:00:00+11:00'],
    ['Europe/Athens', '2026-03-29T04:10:00+03:00', '2026-03-29T04:00:00+03:00'],
    ['Europe/Athens', '2026-10-25T03:10:00+02:00', '2026-10-25T03:00:00+02:00'],
    ['Pacific/Chatham', '2026-09-27T03:50:00+13:45', '2026-09-27T02:00:00+12:45'],
    ['Asia/Kathmandu', '2026-07-01T10:59:59.999+05:45', '2026-07-01T10:00:00+05:45'],
    ['Asia/Kolkata', '2026-07-01T00:29:00+05:30', '2026-07-01T00:00:00+05:30'],
  ])('in %s, %s is in the hour from %s', (zone, instant, hourStart) => {
    expect(floorTo(at(instant), 'hour', cal(zone))).toBe(at(hourStart));
  });
});

describe('moving by whole local hours across clock changes', () => {
  it.each([
    ['Australia/Lord_Howe', '2026-10-04T03:00:00+11:00', -1, '2026-10-04T01:00:00+10:30'],
    ['Australia/Lord_Howe', '2026-10-04T03:00:00+11:00', -2, '2026-10-04T00:00:00+10:30'],
    ['Australia/Lord_Howe', '2026-10-04T00:00:00+10:30', 2, '2026-10-04T03:00:00+11:00'],
    ['Australia/Lord_Howe', '2026-10-04T00:00:00+10:30', 3, '2026-10-04T04:00:00+11:00'],
    ['Australia/Lord_Howe', '2026-04-05T00:00:00+11:00', 2, '2026-04-05T02:00:00+10:30'],
    ['Australia/Lord_Howe', '2026-04-05T03:00:00+10:30', -2, '2026-04-05T01:00:00+11:00'],
    ['Europe/Athens', '2026-03-29T02:00:00+02:00', 2, '2026-03-29T05:00:00+03:00'],
    ['Europe/Athens', '2026-03-29T05:00:00+03:00', -2, '2026-03-29T02:00:00+02:00'],
    ['Europe/Athens', '2026-10-25T02:00:00+03:00', 3, '2026-10-25T04:00:00+02:00'],
    ['Europe/Athens', '2026-10-25T04:00:00+02:00', -3, '2026-10-25T02:00:00+03:00'],
    ['Pacific/Chatham', '2026-09-27T01:00:00+12:45', 2, '2026-09-27T04:00:00+13:45'],
    ['Asia/Kathmandu', '2026-07-01T10:00:00+05:45', 5, '2026-07-01T15:00:00+05:45'],
    ['Asia/Kathmandu', '2026-07-01T10:00:00+05:45', 0, '2026-07-01T10:00:00+05:45'],
  ])('in %s, %s moved by %i hours is %s', (zone, from, hours, expected) => {
    expect(shiftBoundary(at(from), 'hour', hours, cal(zone))).toBe(at(expected));
  });
});

describe('instants written in the zone’s own time, as the CLI and digests show them', () => {
  it.each([
    [Date.parse('2026-07-01T04:15:00Z'), 'Asia/Kathmandu', '2026-07-01T10:00:00.000+05:45'],
    [Date.parse('2026-07-01T04:15:00.250Z'), 'Asia/Kolkata', '2026-07-01T09:45:00.250+05:30'],
    [Date.parse('2026-10-03T15:30:00Z'), 'Australia/Lord_Howe', '2026-10-04T02:30:00.000+11:00'],
    [Date.parse('2026-10-25T00:59:59.999Z'), 'Europe/Athens', '2026-10-25T03:59:59.999+03:00'],
  ])('%i in %s reads %s', (ms, zone, expected) => {
    expect(isoInZone(ms, zone)).toBe(expected);
  });

  it('an instant that is not a time reads as empty text, never “null”', () => {
    expect(isoInZone(Number.NaN, 'Asia/Kathmandu')).toBe('');
  });
});
