import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { resolvePeriod } from '../../../src/period/index.js';

/*
 * "Last 7 days - hourly": a dash joins two dates into a range ("Nov 3 - Nov 10"), but what
 * follows it here is how to show the period, not where it ends. An en or em dash is no different.
 */
describe('a granularity set off by a dash', () => {
  it.each([
    ['last 7 days - hourly', '2026-03-09', '2026-03-16', 'hour'],
    ['Q4 2025 - weekly', '2025-10-01', '2026-01-01', 'week'],
    ['last month - by week', '2026-02-01', '2026-03-01', 'week'],
    // Typographic dashes, as phones and Slack's own formatting type them, read like "-".
    ['last 7 days – hourly', '2026-03-09', '2026-03-16', 'hour'],
    ['Q4 2025 — weekly', '2025-10-01', '2026-01-01', 'week'],
  ])('“%s” is %s to %s by %s', (phrase, first, afterLast, unit) => {
    const zone = 'America/St_Johns';
    const period = resolvePeriod(phrase, {
      zone,
      weekStart: 1,
      now: DateTime.fromISO('2026-03-16T12:00', { zone }).toMillis(),
    });
    expect([period.start, period.end + 1, period.unit]).toEqual([
      DateTime.fromISO(first, { zone }).toMillis(),
      DateTime.fromISO(afterLast, { zone }).toMillis(),
      unit,
    ]);
  });
});
