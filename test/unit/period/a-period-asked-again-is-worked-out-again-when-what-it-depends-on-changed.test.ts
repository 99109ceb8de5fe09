import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { resolvePeriod, resolvePeriodAfresh } from '../../../src/period/index.js';
import type { ResolveSettings } from '../../../src/period/period-types.js';

/*
 * Resolved periods are kept for a phrase asked again the same day. A kept answer must never be
 * given where the zone, the week start or the local day differ: two workspaces asking "last
 * week" a minute apart get their own weeks. The phrase is compared as typed, case and spacing
 * aside.
 */

const athensNoon = DateTime.fromISO('2026-11-27T12:00', { zone: 'Europe/Athens' }).toMillis();

describe('the same phrase asked twice in a row, with one thing changed', () => {
  it.each([
    [
      'last week',
      { zone: 'Europe/Athens', weekStart: 1, now: athensNoon },
      { zone: 'Europe/Athens', weekStart: 0, now: athensNoon },
    ],
    // Both at +02:00 that day, but Athens kept summer time: its June began an hour earlier.
    [
      'last 6 months',
      { zone: 'Europe/Athens', weekStart: 1, now: athensNoon },
      { zone: 'Africa/Johannesburg', weekStart: 1, now: athensNoon },
    ],
    [
      'yesterday',
      { zone: 'Europe/Athens', weekStart: 1, now: athensNoon },
      { zone: 'Europe/Athens', weekStart: 1, now: athensNoon + 86_400_000 },
    ],
    [
      'this month',
      { zone: 'America/New_York', weekStart: 1, now: Date.parse('2026-11-01T03:59:59.999Z') },
      { zone: 'America/New_York', weekStart: 1, now: Date.parse('2026-11-01T04:00:00Z') },
    ],
  ] as const)('“%s” asked with %j, then with %j, is the second one’s own', (phrase, first, second) => {
    const before = resolvePeriod(phrase, first as ResolveSettings);
    const after = resolvePeriod(phrase, second as ResolveSettings);
    expect(after.start).not.toBe(before.start);
    expect(after).toEqual(resolvePeriodAfresh(phrase, second as ResolveSettings));
  });

  it('is the same period for the phrase typed with other case and spacing', () => {
    const settings = { zone: 'Europe/Athens', weekStart: 1 as const, now: athensNoon };
    const first = resolvePeriod('last week', settings);
    expect(resolvePeriod('  Last   WEEK ', settings)).toEqual(first);
    expect(resolvePeriod('last month', settings)).toEqual(resolvePeriodAfresh('last month', settings));
  });
});
