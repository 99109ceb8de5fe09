import { type Change, MEASURES, type Measure, type Totals } from './report-types.js';

/** A change is worth a mark only when it is at least this large relative to before… */
export const NOTABLE_PERCENT = 5;
/** …and at least this many (contacts, groups, opt-outs beyond what the old rate predicts). */
export const NOTABLE_COUNT = 10;

export function emptyTotals(): Record<Measure, number> {
  return { contactsAdded: 0, groupsAdded: 0, contactsServed: 0, contactsBlocked: 0 };
}

export function addInto(target: Record<Measure, number>, values: Totals): void {
  for (const measure of MEASURES) target[measure] += values[measure];
}

/** Opt-outs per contact served; null when none were served (a rate of nothing is not 0 %). */
export function optOutRate(totals: Totals): number | null {
  return totals.contactsServed > 0 ? totals.contactsBlocked / totals.contactsServed : null;
}

const isNotable = (percent: number | null, delta: number) =>
  Math.abs(delta) >= NOTABLE_COUNT && (percent === null || Math.abs(percent) >= NOTABLE_PERCENT);

/**
 * How a count moved. The verdict is good or bad only when the move is both relatively and
 * absolutely large (1,549 against 1,562 is noise, so is 23 against 22); for opt-outs, fewer is good.
 */
export function change(measure: Measure, current: number, previous: number): Change {
  const delta = current - previous;
  const trend = delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat';
  const percent = previous === 0 ? null : (delta / previous) * 100;
  const goodWhenUp = measure !== 'contactsBlocked';
  const verdict = !isNotable(percent, delta) ? 'neutral' : (trend === 'up') === goodWhenUp ? 'good' : 'bad';
  return { current, previous, delta, percent, trend, verdict, judgedBy: 'count' };
}

/**
 * Opt-outs judged by their rate: more opt-outs after sending to many more people is no bad news.
 * Notable when the rate moved by 5 % of itself and the opt-outs beyond (or short of) what the
 * old rate predicts for this period's sends are at least NOTABLE_COUNT. Without sends on both
 * sides there is no rate, and the count is judged instead.
 */
export function optOutChange(current: Totals, previous: Totals): Change {
  const byCount = change('contactsBlocked', current.contactsBlocked, previous.contactsBlocked);
  const [now, before] = [optOutRate(current), optOutRate(previous)];
  if (now === null || before === null) return byCount;
  const excess = current.contactsBlocked - before * current.contactsServed;
  // Stryker disable next-line ConditionalExpression: equivalent, see docs/testing.md
  const ratePercent = before === 0 ? null : ((now - before) / before) * 100;
  // Stryker disable next-line EqualityOperator: equivalent, see docs/testing.md
  const verdict = !isNotable(ratePercent, excess) ? 'neutral' : excess > 0 ? 'bad' : 'good';
  return { ...byCount, verdict, judgedBy: 'rate' };
}

export function changes(current: Totals, previous: Totals): Record<Measure, Change> {
  const result = {} as Record<Measure, Change>;
  for (const measure of MEASURES) result[measure] = change(measure, current[measure], previous[measure]);
  result.contactsBlocked = optOutChange(current, previous);
  return result;
}
