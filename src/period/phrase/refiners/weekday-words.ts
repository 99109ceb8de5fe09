import type { Refiner } from 'chrono-node';
import { resultEnd, TAG, withValue } from '../tags.js';

/** Which of its kind a weekday said alone means: "Monday", "last Monday", "this Monday", "next Monday". */
export const WEEKDAY_DIRECTIONS = ['latest', 'before-today', 'this-week', 'next'] as const;
export type WeekdayDirection = (typeof WEEKDAY_DIRECTIONS)[number];

export const isWeekdayDirection = (value: string | undefined): value is WeekdayDirection =>
  (WEEKDAY_DIRECTIONS as readonly (string | undefined)[]).includes(value);

/** Chrono reads "last", "past", "this" and "next" before a weekday, but not these. */
const BEFORE = /(?:^|\s)(?:previous|prior)\s+$/i;

function directionOf(words: string): WeekdayDirection {
  if (/\bnext\b/i.test(words)) return 'next';
  if (/\b(last|past|previous|prior)\b/i.test(words)) return 'before-today';
  if (/\bthis\b/i.test(words)) return 'this-week';
  return 'latest';
}

/**
 * Tags each weekday said alone with what its own words make of it, and grows it over a
 * "previous" or "prior" before it. It runs before chrono merges "last Monday to Wednesday" into
 * one range, whose text no longer says which end the "last" was said of.
 */
export const weekdayWordsRefiner: Refiner = {
  refine(context, results) {
    for (const result of results) {
      if (!result.start.isOnlyWeekdayComponent()) continue;
      const before = context.text.slice(0, result.index).match(BEFORE);
      if (before) {
        const grown = result.index - before[0].trimStart().length;
        result.text = context.text.slice(grown, resultEnd(result));
        result.index = grown;
      }
      result.start.addTag(withValue(TAG.direction, directionOf(result.text)));
    }
    return results;
  },
};
