import { DateTime } from 'luxon';
import { PeriodError, type ResolveSettings, resolvePeriod } from '../../src/period/index.js';

/** The PeriodError a phrase is refused with; fails the test if the phrase resolves or something else is thrown. */
export function refusalOf(phrase: string, settings: ResolveSettings): PeriodError {
  try {
    resolvePeriod(phrase, settings);
  } catch (error) {
    if (error instanceof PeriodError) return error;
    throw error;
  }
  throw new Error(`“${phrase}” resolved, but should have been refused`);
}

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
