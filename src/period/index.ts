export { type Bucket, periodBuckets } from './buckets.js';
export { type Calendar, isValidZone, parseWeekday, type Unit, WEEKDAY_NAMES, type Weekday } from './calendar.js';
export { keyOf, type Made, makePeriod, type PeriodKey, type PeriodProblem, periodOrProblem } from './make-period.js';
export {
  EXAMPLE_PHRASES,
  type Period,
  PeriodError,
  type PeriodStep,
  type ResolveSettings,
  unlessPeriodError,
  type WindowRequest,
} from './period-types.js';
export { type BucketMap, bucketMap, type PlannedRequest, planRequests, type RequestPlan } from './plan-requests.js';
export { normalizePhrase, resolvePeriod, resolvePeriodAfresh } from './resolve-period.js';
export {
  type Comparison,
  comparisonFor,
  comparisonOrNull,
  isRunning,
  nextPeriod,
  previousPeriod,
  previousPeriodOrNull,
} from './step-period.js';

import type { Period } from './period-types.js';
import { planRequests } from './plan-requests.js';

/** The Tellody requests that answer for a period, as of `now`. */
export function periodPlan(period: Period, now: number) {
  return planRequests({ start: period.start, endExclusive: period.end + 1, unit: period.unit }, period, now);
}
export { periodFromToken, periodToken, validUnits } from './period-token.js';
