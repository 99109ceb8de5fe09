import type { ParsingResult, Refiner } from 'chrono-node';
import { resultEnd, TAG } from '../tags.js';

const JOINER = /^\s*(?:to|-|–|—|until|till|til|through|thru|and)\s*$/i;
const BETWEEN = /(?:^|\s)(?:between|from)\s+$/i;

/** Only dates and periods can be range ends; a granularity cannot. */
const isEnd = (r: ParsingResult) => !r.end && ![...r.start.tags()].some((tag) => tag.startsWith(TAG.unit));

/**
 * Joins two results into a range where chrono did not: "between Nov 3 and Nov 10", "2023 to
 * 2025", "Q1 to Q3 2025". "and" joins only after "between" (or "from"), so "Nov 3 and Nov 10"
 * alone stays two dates and is refused as ambiguous.
 */
export const rangeRefiner: Refiner = {
  refine(context, results) {
    const merged: ParsingResult[] = [];
    for (const result of results) {
      const previous = merged.at(-1);
      const between = previous ? context.text.slice(resultEnd(previous), result.index) : '';
      const joiner = between.match(JOINER);
      const needsBetween = joiner && /and/i.test(between);
      const opened = previous ? BETWEEN.test(context.text.slice(0, previous.index)) : false;
      if (previous && joiner && isEnd(previous) && isEnd(result) && (!needsBetween || opened)) {
        const range = previous.clone();
        range.start = previous.start;
        range.end = result.start;
        range.text = context.text.slice(previous.index, resultEnd(result));
        merged[merged.length - 1] = range;
        continue;
      }
      merged.push(result);
    }
    return merged;
  },
};
