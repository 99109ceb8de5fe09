import { TAG, withValue } from '../tags.js';
import { phraseParser, taggedResult } from './base.js';

const ADVERB: Record<string, string> = { hourly: 'hour', daily: 'day', weekly: 'week', monthly: 'month' };

/** "by hour", "per day", "weekly": the bucket size, anywhere in the phrase. */
export const granularityParser = phraseParser(
  '(?:(?:by|per|each|in)\\s+(?:the\\s+)?(hour|day|week|month)s?|(hourly|daily|weekly|monthly))',
  (match, context) => {
    const unit = match[1]?.toLowerCase() ?? ADVERB[(match[2] ?? '').toLowerCase()] ?? 'day';
    return taggedResult(context, match, [withValue(TAG.unit, unit), TAG.setAside]);
  },
);
