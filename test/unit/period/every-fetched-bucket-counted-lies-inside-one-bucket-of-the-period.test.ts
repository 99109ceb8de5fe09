import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { bucketMap, periodBuckets, periodPlan, resolvePeriod } from '../../../src/period/index.js';
import type { WindowRequest } from '../../../src/period/period-types.js';

/*
 * A report adds up Tellody's buckets into the period's own. Every fetched bucket it counts must
 * lie wholly inside one bucket of the period: a March bucket counted for a period ending on
 * 15 March would add the rest of March. Together the counted buckets cover the period exactly.
 * Fetched buckets are found with Luxon, from each request's window and unit.
 */

const zone = 'America/New_York';
const now = Date.parse('2026-11-27T15:00:00Z');

/** The buckets Tellody returns for a request, by Luxon: the first from the window's start, then whole units. */
function luxonFetchedBuckets(request: WindowRequest): { start: number; end: number }[] {
  const buckets: { start: number; end: number }[] = [];
  let at = DateTime.fromMillis(request.from, { zone });
  while (at.toMillis() <= request.to) {
    const next = at
      .startOf(request.unit)
      .plus({ [`${request.unit}s`]: 1 })
      .startOf(request.unit);
    buckets.push({ start: at.toMillis(), end: Math.min(next.toMillis(), request.to + 1) });
    at = next;
  }
  return buckets;
}

describe('the buckets a closed period is added up from', () => {
  it.each([
    ['last 90 days by month', ['year/day 2026-01-01']],
    ['1 Jan 2024 to 15 Mar 2025 by month', ['year/month 2024-01-01', 'year/day 2025-01-01']],
    ['3 Nov 2025 to 10 Jan 2026 by week', ['year/week 2025-01-01', 'month/day 2026-01-01']],
    ['10 Feb to 20 Apr 2025 by week', ['year/week 2025-01-01']],
    ['1 November 2026 by hour', ['day/hour 2026-11-01']],
  ])('“%s” is fetched as %j, each counted bucket inside one of its own', (phrase, windows) => {
    const period = resolvePeriod(phrase, { zone, weekStart: 1, now });
    const plan = periodPlan(period, now);
    const shown = plan.requests.map(({ request }) => {
      return `${request.window}/${request.unit} ${DateTime.fromMillis(request.from, { zone }).toISODate()}`;
    });
    expect(shown).toEqual(windows);

    const own = periodBuckets(period);
    const { targets } = bucketMap(plan, period);
    const counted = plan.requests.flatMap(({ request }, i) => {
      const fetched = luxonFetchedBuckets(request);
      expect(targets[i]).toHaveLength(fetched.length);
      return fetched.map((bucket, j) => ({ ...bucket, target: targets[i]?.[j] ?? -1 })).filter((b) => b.target >= 0);
    });
    for (const bucket of counted) {
      const into = own[bucket.target];
      expect(into && [bucket.start >= into.start, bucket.end <= into.end + 1]).toEqual([true, true]);
    }
    const covered = counted.reduce((sum, bucket) => sum + bucket.end - bucket.start, 0);
    expect(covered).toBe(period.end + 1 - period.start);
  });
});
