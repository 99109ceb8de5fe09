import { TAG } from '../tags.js';
import { phraseParser, taggedResult } from './base.js';

/** "2025", "the year 2025", "in 2025": a calendar year. Chrono alone ignores a bare year. */
export const bareYearParser = phraseParser(
  '(?:(?:the\\s+)?year\\s+)?((?:19|20)\\d{2})(?![-/.:\\d])',
  (match, context) => {
    const year = Number(match[1]);
    return taggedResult(context, match, [TAG.year, TAG.setAside], { year, month: 1, day: 1 });
  },
);
