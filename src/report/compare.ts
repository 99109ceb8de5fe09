import { type Change, MEASURES, type Measure, type Totals } from './types.js';

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

export function change(measure: Measure, current: number, previous: number): Change {
  const delta = current - previous;
  const trend = delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat';
  const goodWhenUp = measure !== 'contactsBlocked';
  const verdict = trend === 'flat' ? 'neutral' : (trend === 'up') === goodWhenUp ? 'good' : 'bad';
  return { current, previous, delta, percent: previous === 0 ? null : (delta / previous) * 100, trend, verdict };
}

export function changes(current: Totals, previous: Totals): Record<Measure, Change> {
  const result = {} as Record<Measure, Change>;
  for (const measure of MEASURES) result[measure] = change(measure, current[measure], previous[measure]);
  return result;
}
