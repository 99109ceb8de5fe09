import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { resolvePeriod } from '../../../src/period/index.js';

/*
 * Saturday and Sunday together are a weekend, named by where it lies from now: "This weekend"
 * from its first millisecond to its last, "Last weekend" for the week after it (from the Monday
 * it ends on), and just "Weekend" once a newer one has ended.
 */
describe('a Saturday-and-Sunday period is named by where it lies from now', () => {
  it.each([
    ['Europe/Athens', 'this weekend', '2026-03-14T00:00:00.000', '2026-03-14', 'This weekend'],
    ['America/St_Johns', 'this weekend', '2026-03-15T23:59:59.999', '2026-03-14', 'This weekend'],
    ['Europe/Athens', 'last weekend', '2026-03-16T00:00:00.000', '2026-03-14', 'Last weekend'],
    ['Europe/Athens', 'last weekend', '2026-03-15T12:00:00.000', '2026-03-07', 'Last weekend'],
    ['America/New_York', '7 March to 8 March 2026', '2026-03-15T23:59:59.999', '2026-03-07', 'Last weekend'],
    ['America/New_York', '7 March to 8 March 2026', '2026-03-16T00:00:00.000', '2026-03-07', 'Weekend'],
    ['Asia/Kathmandu', '7 March to 8 March 2026', '2026-11-27T12:00:00.000', '2026-03-07', 'Weekend'],
  ])('in %s, “%s” asked at %s (local) is the weekend of %s, “%s”', (zone, phrase, nowLocal, saturday, title) => {
    const now = DateTime.fromISO(nowLocal, { zone }).toMillis();
    const period = resolvePeriod(phrase, { zone, weekStart: 1, now });
    const first = DateTime.fromISO(saturday, { zone });
    expect(first.weekday).toBe(6);
    expect(period.start).toBe(first.startOf('day').toMillis());
    expect(period.end).toBe(first.plus({ days: 2 }).startOf('day').toMillis() - 1);
    expect(period.title).toBe(title);
  });
});
