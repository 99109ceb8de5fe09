import { TAG, withValue } from '../tags.js';
import { phraseParser, taggedResult } from './base.js';

const SHIFT: Record<string, number> = {
  this: 0,
  current: 0,
  'the current': 0,
  last: -1,
  previous: -1,
  prior: -1,
  past: -1,
  'the last': -1,
  'the past': -1,
  'the previous': -1,
  next: 1,
};

/**
 * "this week", "last month", "previous quarter", "this year so far": a whole calendar period
 * relative to now. Chrono reads "last week" as the instant seven days ago; we mean the
 * calendar week before this one, by the workspace's week start.
 */
export const relativePeriodParser = phraseParser(
  `(${Object.keys(SHIFT).join('|')})\\s+(day|week|month|quarter|year)(\\s+(?:so\\s+far|to\\s+date))?`,
  (match, context) => {
    const [, which = '', step = '', soFar] = match;
    const tags = [TAG.relative, withValue(TAG.step, step.toLowerCase())];
    tags.push(withValue(TAG.count, SHIFT[which.toLowerCase().replace(/\s+/g, ' ')] ?? 0));
    if (soFar) tags.push(TAG.toDate);
    return taggedResult(context, match, tags);
  },
);

const TO_DATE_STEP: Record<string, string> = { w: 'week', m: 'month', q: 'quarter', y: 'year' };

/** "year to date", "month-to-date", "YTD", "so far this year". */
export const toDateParser = phraseParser(
  '(?:(week|month|quarter|year)[\\s-]+to[\\s-]+date|([wmqy])td|so\\s+far\\s+this\\s+(week|month|quarter|year))',
  (match, context) => {
    const step = (match[1] ?? TO_DATE_STEP[(match[2] ?? '').toLowerCase()] ?? match[3] ?? 'year').toLowerCase();
    const tags = [TAG.relative, withValue(TAG.step, step), withValue(TAG.count, 0), TAG.toDate];
    return taggedResult(context, match, tags);
  },
);
