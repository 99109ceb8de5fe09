import { COUNT_PATTERN, readCount, STEP_PATTERN } from '../numbers.js';
import { TAG, withValue } from '../tags.js';
import { phraseParser, taggedResult } from './base.js';

/** "2 weeks ago", "three months ago", "a year ago": the whole calendar period that many steps back. */
export const unitsAgoParser = phraseParser(`${COUNT_PATTERN}\\s+${STEP_PATTERN}\\s+ago`, (match, context) => {
  const [, count = '1', step = 'day'] = match;
  const tags = [TAG.relative, withValue(TAG.step, step.toLowerCase()), withValue(TAG.count, -readCount(count))];
  return taggedResult(context, match, tags);
});
