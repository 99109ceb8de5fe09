import { TAG, withValue } from '../tags.js';
import { phraseParser, taggedResult } from './base.js';

const ORDINAL: Record<string, number> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
};

function fullYear(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const digits = text.replace(/^['’]/, '');
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

const YEAR = `(\\d{4}|['’]\\d{2})`;

/** "Q3 2025", "q3", "Q3 '25", "2025 Q3", "third quarter of 2025". Without a year: the latest past one. */
export const quarterParser = phraseParser(
  `(?:q([1-4])(?:\\s*[-/]?\\s*${YEAR})?|(first|second|third|fourth|1st|2nd|3rd|4th)\\s+quarter(?:\\s+(?:of\\s+)?${YEAR})?|(\\d{4})\\s*[-/]?\\s*q([1-4]))`,
  (match, context) => {
    const [, q1, y1, ordinal, y2, y3, q3] = match;
    const quarter = Number(q1 ?? q3 ?? ORDINAL[(ordinal ?? '').toLowerCase()] ?? 1);
    const year = fullYear(y1 ?? y2 ?? y3);
    const result = taggedResult(context, match, [TAG.quarter, withValue(TAG.count, quarter)], {
      month: quarter * 3 - 2,
      day: 1,
      ...(year === undefined ? {} : { year }),
    });
    if (year === undefined) {
      result.start.delete('year');
      result.start.imply('year', context.refDate.getUTCFullYear());
    }
    return result;
  },
);
