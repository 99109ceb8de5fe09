import { bucketStarts, wallParts } from './calendar.js';
import { bucketLabel } from './label.js';
import type { Period } from './period-types.js';

export interface Bucket {
  readonly start: number;
  /** Last millisecond. */
  readonly end: number;
  readonly label: string;
}

/** The period's buckets in its unit, first at its start, each labelled; an hour that repeats on a fall-back day shows its offset. */
export function periodBuckets(period: Period): Bucket[] {
  const starts = bucketStarts(period.start, period.end + 1, period.unit, period);
  const spansYears = wallParts(period.start, period.zone).year !== wallParts(period.end, period.zone).year;
  const hourKey = (at: number) => {
    const p = wallParts(at, period.zone);
    return `${p.year}-${p.month}-${p.day} ${p.hour}`;
  };
  const seen = new Map<string, number>();
  if (period.unit === 'hour') for (const at of starts) seen.set(hourKey(at), (seen.get(hourKey(at)) ?? 0) + 1);
  return starts.map((start, i) => ({
    start,
    end: (starts[i + 1] ?? period.end + 1) - 1,
    label: bucketLabel(start, period.unit, period, (seen.get(hourKey(start)) ?? 0) > 1, spansYears),
  }));
}
