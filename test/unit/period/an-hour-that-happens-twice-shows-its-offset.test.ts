import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { periodBuckets, resolvePeriod } from '../../../src/period/index.js';
import { luxonHourAfter } from '../../support/luxon-clock.js';

/*
 * When the clock goes back, one hour of the day happens twice: a chart by hour shows both, and
 * only their offsets tell them apart ("01:00 -04:00", "01:00 -05:00"). West of UTC the sign is a
 * minus; at UTC itself (London in winter) it is "+00:00", never "-00:00".
 */

/** The hour starts of `date` in `zone`, found by Luxon minute by minute, labelled as a person reads them. */
function luxonHourLabels(zone: string, date: string): { start: number; label: string }[] {
  const day = DateTime.fromISO(date, { zone });
  const first = day.startOf('day').toMillis();
  const next = day.plus({ days: 1 }).startOf('day').toMillis();
  const starts = [first];
  for (let at = luxonHourAfter(first, zone); at < next; at = luxonHourAfter(at, zone)) starts.push(at);
  const time = (ms: number) => DateTime.fromMillis(ms, { zone }).toFormat('HH:mm');
  const repeats = (ms: number) => starts.filter((other) => time(other) === time(ms)).length > 1;
  return starts.map((start) => ({
    start,
    label: repeats(start) ? `${time(start)} ${DateTime.fromMillis(start, { zone }).toFormat('ZZ')}` : time(start),
  }));
}

describe('a day whose clock goes back, by hour', () => {
  it.each([
    ['America/New_York', '1 November 2026', '2026-11-01', ['01:00 -04:00', '01:00 -05:00']],
    ['America/St_Johns', '1 November 2026', '2026-11-01', ['01:00 -02:30', '01:00 -03:30']],
    ['America/Santiago', '4 April 2026', '2026-04-04', ['23:00 -03:00', '23:00 -04:00']],
    ['Europe/London', '25 October 2026', '2026-10-25', ['01:00 +01:00', '01:00 +00:00']],
    ['Europe/Dublin', '25 October 2026', '2026-10-25', ['01:00 +01:00', '01:00 +00:00']],
    ['Australia/Sydney', '5 April 2026', '2026-04-05', ['02:00 +11:00', '02:00 +10:00']],
    ['Pacific/Chatham', '5 April 2026', '2026-04-05', ['03:00 +13:45', '03:00 +12:45']],
  ])('in %s, “%s by hour” shows the repeated hour with each offset', (zone, phrase, date, repeated) => {
    const period = resolvePeriod(`${phrase} by hour`, { zone, weekStart: 1, now: Date.parse('2026-11-27T10:00:00Z') });
    const buckets = periodBuckets(period);
    const expected = luxonHourLabels(zone, date);
    expect(expected.filter((hour) => hour.label.includes(' ')).map((hour) => hour.label)).toEqual(repeated);
    expect(buckets.map((bucket) => bucket.label)).toEqual(expected.map((hour) => hour.label));
    expect(buckets.map((bucket) => bucket.start)).toEqual(expected.map((hour) => hour.start));
  });
});
