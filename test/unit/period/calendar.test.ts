import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  bucketStarts,
  type Calendar,
  canonicalZone,
  floorTo,
  nextBoundary,
  parseWeekday,
  shiftBoundary,
  type Weekday,
  windowAround,
} from '../../../src/period/calendar.js';

const day = (zone: string, iso: string) => DateTime.fromISO(iso, { zone }).startOf('day').toMillis();
const cal = (zone: string, weekStart: Weekday = 1): Calendar => ({ zone, weekStart });

describe('hourly buckets of a day', () => {
  it.each([
    ['Europe/Athens', '2026-07-21', 24],
    ['Europe/Athens', '2026-03-29', 23],
    ['Europe/Athens', '2026-10-25', 25],
    ['America/New_York', '2026-03-08', 23],
    ['America/New_York', '2026-11-01', 25],
    ['Asia/Kolkata', '2026-03-08', 24],
    ['Asia/Kathmandu', '2026-10-25', 24],
    ['Australia/Lord_Howe', '2026-04-05', 24], // 24.5 hours: the 01:00 hour lasts 90 minutes
    ['Australia/Lord_Howe', '2026-10-04', 23], // 23.5 hours
    ['Pacific/Chatham', '2026-09-27', 23],
    ['Pacific/Chatham', '2026-04-05', 25],
  ])('%s on %s has %i', (zone, date, hours) => {
    const from = day(zone, date);
    const to = nextBoundary(from, 'day', cal(zone));
    const starts = bucketStarts(from, to, 'hour', cal(zone));
    expect(starts).toHaveLength(hours);
    for (const start of starts) expect(DateTime.fromMillis(start, { zone }).minute).toBe(0);
    expect(to).toBe(DateTime.fromISO(date, { zone }).plus({ days: 1 }).startOf('day').toMillis());
  });

  it('never adds 86 400 000 ms to get the next day', () => {
    const from = day('Europe/Athens', '2026-03-29');
    expect(nextBoundary(from, 'day', cal('Europe/Athens')) - from).toBe(23 * 3_600_000);
  });
});

describe('weeks start on the workspace’s day', () => {
  // Friday 27 November 2026
  const at = Date.parse('2026-11-27T10:00:00Z');
  it.each([
    [0, '2026-11-22'],
    [1, '2026-11-23'],
    [2, '2026-11-24'],
    [3, '2026-11-25'],
    [4, '2026-11-26'],
    [5, '2026-11-27'],
    [6, '2026-11-21'],
  ] as const)('week start %i opens the week on %s', (weekStart, first) => {
    const { from, to } = windowAround(at, 'week', cal('Europe/Athens', weekStart));
    expect(from).toBe(day('Europe/Athens', first));
    expect(to + 1).toBe(DateTime.fromISO(first, { zone: 'Europe/Athens' }).plus({ weeks: 1 }).toMillis());
  });
});

describe('calendar steps', () => {
  it('moves by months and years on the calendar, across leap days', () => {
    const c = cal('America/New_York');
    const jan31 = day('America/New_York', '2024-01-31');
    expect(floorTo(jan31, 'month', c)).toBe(day('America/New_York', '2024-01-01'));
    expect(shiftBoundary(day('America/New_York', '2024-02-01'), 'month', 1, c)).toBe(
      day('America/New_York', '2024-03-01'),
    );
    expect(shiftBoundary(day('America/New_York', '2024-01-01'), 'year', -1, c)).toBe(
      day('America/New_York', '2023-01-01'),
    );
    expect(floorTo(day('America/New_York', '2024-08-15'), 'quarter', c)).toBe(day('America/New_York', '2024-07-01'));
  });

  it('starts a day at its first real instant where midnight is skipped', () => {
    const c = cal('America/Santiago');
    const start = floorTo(Date.parse('2026-09-06T15:00:00Z'), 'day', c);
    expect(DateTime.fromMillis(start, { zone: 'America/Santiago' }).toFormat('yyyy-MM-dd HH:mm')).toBe(
      '2026-09-06 01:00',
    );
  });

  it('starts the first bucket of a window at the window’s start, even mid-week', () => {
    const c = cal('Europe/Athens', 1);
    const { from, to } = windowAround(Date.parse('2026-02-10T12:00:00Z'), 'month', c);
    const weeks = bucketStarts(from, to + 1, 'week', c);
    expect(weeks[0]).toBe(day('Europe/Athens', '2026-02-01'));
    expect(weeks[1]).toBe(day('Europe/Athens', '2026-02-02'));
    expect(weeks).toHaveLength(5);
  });
});

describe('parseWeekday', () => {
  it.each([
    ['monday', 1],
    ['Sunday', 0],
    ['sat', 6],
    ['TU', 2],
    ['m', undefined],
    ['funday', undefined],
  ])('%s → %s', (text, expected) => expect(parseWeekday(text)).toBe(expected));
});

describe('zone names as stored and shown', () => {
  it.each([
    [' europe/athens '.trim(), 'Europe/Athens'],
    ['AMERICA/NEW_YORK', 'America/New_York'],
    ['america/port-au-prince', 'America/Port-au-Prince'],
    ['utc', 'UTC'],
    // Node's ICU resolves these to older names (Asia/Calcutta, Europe/Kiev): people keep the name they used.
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['asia/kolkata', 'Asia/Kolkata'],
    ['europe/kyiv', 'Europe/Kyiv'],
    ['Mars/Olympus', 'Mars/Olympus'],
  ])('stores “%s” as “%s”', (typed, stored) => {
    expect(canonicalZone(typed)).toBe(stored);
  });
});
