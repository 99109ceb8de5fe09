import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { resultEnd, TAG, tagged } from '../tags.js';

/**
 * A pair of refiners around chrono's own: the first takes our set-aside results (bare years,
 * granularity) out of the list, the last puts back those that no other result covers. Chrono's
 * filters would otherwise drop "2025" as an unlikely all-digit match, and its merging refiners
 * would glue "by day" onto a date.
 */
export function setAsideRefiners(): { takeOut: Refiner; putBack: Refiner } {
  const aside = new WeakMap<ParsingContext, ParsingResult[]>();
  const takeOut: Refiner = {
    refine(context, results) {
      aside.set(
        context,
        results.filter((r) => tagged(r.start, TAG.setAside)),
      );
      return results.filter((r) => !tagged(r.start, TAG.setAside));
    },
  };
  const putBack: Refiner = {
    refine(context, results) {
      const kept = [...results];
      for (const candidate of aside.get(context) ?? []) {
        const overlaps = kept.some((r) => candidate.index < resultEnd(r) && r.index < resultEnd(candidate));
        if (!overlaps) kept.push(candidate);
      }
      return kept.sort((a, b) => a.index - b.index);
    },
  };
  return { takeOut, putBack };
}
