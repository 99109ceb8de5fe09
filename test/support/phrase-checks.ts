import { DateTime } from 'luxon';

/**
 * The first instant of the day `first` and the last of the day `last` (ISO dates) in `zone`, by
 * Luxon: the oracle a resolved period's `start` and `end` are checked against.
 */
export function wholeDays(zone: string, first: string, last: string): [number, number] {
  return [
    DateTime.fromISO(first, { zone }).startOf('day').toMillis(),
    DateTime.fromISO(last, { zone }).endOf('day').toMillis(),
  ];
}
