import { PeriodError, resolvePeriod } from '../../src/period/index.js';
import type { PeriodErrorCode, ResolveSettings } from '../../src/period/period-types.js';

/** What resolvePeriod refuses `phrase` with, code and words; throws if it resolves or fails some other way. */
export function refusalOf(phrase: string, settings: ResolveSettings): { code: PeriodErrorCode; problem: string } {
  try {
    resolvePeriod(phrase, settings);
  } catch (error) {
    if (error instanceof PeriodError) return { code: error.code, problem: error.problem };
    throw error;
  }
  throw new Error(`“${phrase}” was resolved`);
}
