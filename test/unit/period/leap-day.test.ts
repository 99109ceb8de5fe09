import { describe, expect, it } from 'vitest';
import type { Weekday } from '../../../src/period/calendar.js';
import { PeriodError, resolvePeriod } from '../../../src/period/index.js';

const asOf = (nowIso: string) => ({ zone: 'Europe/Athens', weekStart: 1 as Weekday, now: Date.parse(nowIso) });

describe('29 February said without a year is the latest one that has been', () => {
  it.each([
    ['29 Feb', '2026-03-10T10:00:00Z', 'Thu 29 Feb 2024'],
    ['Feb 29', '2025-06-01T10:00:00Z', 'Thu 29 Feb 2024'],
    ['29 February', '2024-03-10T10:00:00Z', '10 days ago · Thu 29 Feb 2024'],
    ['29 Feb', '2024-02-10T10:00:00Z', 'Sat 29 Feb 2020'],
    // 2100 is no leap year: the last 29 February before it is eight years back.
    ['29 Feb', '2103-06-01T10:00:00Z', 'Wed 29 Feb 2096'],
    ['week of Feb 29', '2026-03-10T10:00:00Z', 'Week · Mon 26 Feb – Sun 3 Mar 2024'],
    ['29 Feb to 3 Mar 2024', '2026-03-10T10:00:00Z', '4 days · Thu 29 Feb – Sun 3 Mar 2024'],
  ])('“%s” asked at %s → %s', (phrase, now, label) => {
    expect(resolvePeriod(phrase, asOf(now)).label).toBe(label);
  });

  it('a range whose other end is a year away from any 29 February says the date does not exist', () => {
    for (const phrase of ['1 March 2025 to Feb 29', 'Feb 29 to Mar 3 2027']) {
      expect(() => resolvePeriod(phrase, asOf('2026-11-27T10:00:00Z'))).toThrow(
        /^That date does not exist\. Try “last week”/,
      );
    }
  });

  it('a range from 29 February to a date in the following year starts on the leap day before it', () => {
    expect(resolvePeriod('Feb 29 to Mar 3 2025', asOf('2026-11-27T10:00:00Z')).label).toBe(
      '369 days · 29 Feb 2024 – 3 Mar 2025',
    );
  });

  it('a stated year without 29 February is still refused', () => {
    expect(() => resolvePeriod('29 February 2025', asOf('2026-03-10T10:00:00Z'))).toThrow(PeriodError);
  });

  it('“31 February” is refused, not read as some other day', () => {
    expect(() => resolvePeriod('31 February', asOf('2026-03-10T10:00:00Z'))).toThrow(
      /couldn’t find a date or period in “31 February”/,
    );
  });
});
