import type { ParsingResult, Refiner } from 'chrono-node';
import { TAG } from '../tags.js';

const PREFIXES: readonly [RegExp, string][] = [
  [/(?:^|\s)(?:the\s+)?week\s+(?:of|starting|beginning|commencing)\s+(?:the\s+)?$/i, TAG.weekOf],
  [/(?:^|\s)(?:ever\s+)?since\s+$/i, TAG.since],
];

/**
 * "week of March 3" and "since Monday": words before a date that change what it means. The
 * result grows to cover the words and carries a tag for the resolver.
 */
export const prefixWordsRefiner: Refiner = {
  refine(context, results) {
    return results.map((result: ParsingResult) => {
      const before = context.text.slice(0, result.index);
      for (const [pattern, tag] of PREFIXES) {
        const match = before.match(pattern);
        if (!match || result.end) continue;
        const grown = before.length - match[0].trimStart().length;
        result.text = context.text.slice(grown, result.index + result.text.length);
        result.index = grown;
        result.start.addTag(tag);
        break;
      }
      return result;
    });
  },
};
