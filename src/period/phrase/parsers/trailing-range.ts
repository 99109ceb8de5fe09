import { COUNT_PATTERN, readCount, STEP_PATTERN } from '../numbers.js';
import { TAG, withValue } from '../tags.js';
import { phraseParser, taggedResult } from './base.js';

/**
 * "last 7 days", "past 30 days", "the last 4 weeks": N whole steps ending with the last
 * complete one (days end yesterday, weeks end last week).
 */
export const trailingRangeParser = phraseParser(
  `(?:the\\s+)?(?:last|past|previous|prior)\\s+${COUNT_PATTERN}\\s+${STEP_PATTERN}`,
  (match, context) => {
    const [, count = '1', step = 'day'] = match;
    const tags = [TAG.trailing, withValue(TAG.step, step.toLowerCase()), withValue(TAG.count, readCount(count))];
    return taggedResult(context, match, tags);
  },
);
