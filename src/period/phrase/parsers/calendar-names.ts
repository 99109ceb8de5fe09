import { TAG, withValue } from '../tags.js';
import { phraseParser, taggedResult } from './base.js';

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/**
 * "Jan", "Sept 2025": chrono leaves a short month name alone (it could be a word); in a report
 * period it can only be the month. A day next to it ("Nov 3") is chrono's, being the longer match.
 */
export const shortMonthParser = phraseParser(
  `(${Object.keys(MONTHS).join('|')})\\.?(?:\\s+(\\d{4}))?`,
  (match, context) => {
    const month = MONTHS[(match[1] ?? '').toLowerCase()] ?? 1;
    const year = match[2] ? Number(match[2]) : undefined;
    const result = taggedResult(context, match, [], { month, day: 1, ...(year === undefined ? {} : { year }) });
    result.start.delete('day');
    result.start.imply('day', 1);
    if (year === undefined) {
      result.start.delete('year');
      result.start.imply('year', context.refDate.getUTCFullYear());
    }
    return result;
  },
);

/** "2026-10": an ISO year and month. */
export const isoYearMonthParser = phraseParser('(\\d{4})-(0[1-9]|1[0-2])(?![-\\d])', (match, context) => {
  const result = taggedResult(context, match, [], { year: Number(match[1]), month: Number(match[2]), day: 1 });
  result.start.delete('day');
  result.start.imply('day', 1);
  return result;
});

const HALF: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, h1: 1, h2: 2 };

/** "first half of 2025", "H2 2025", "2nd half": six months from January or July (two quarters). */
export const halfYearParser = phraseParser(
  '(?:(first|second|1st|2nd)\\s+half(?:\\s+(?:of\\s+)?(\\d{4}))?|(h1|h2)\\s*(\\d{4})?)',
  (match, context) => {
    const half = HALF[(match[1] ?? match[3] ?? '').toLowerCase()] ?? 1;
    const yearText = match[2] ?? match[4];
    const tags = [TAG.quarter, withValue(TAG.count, half * 2 - 1), TAG.half];
    const result = taggedResult(context, match, tags, {
      month: half * 6 - 5,
      day: 1,
      ...(yearText ? { year: Number(yearText) } : {}),
    });
    if (!yearText) {
      result.start.delete('year');
      result.start.imply('year', context.refDate.getUTCFullYear());
    }
    return result;
  },
);

/** "last weekend", "this weekend": Saturday and Sunday. */
export const weekendParser = phraseParser('(this|last|past|previous)\\s+weekend', (match, context) => {
  const which = (match[1] ?? '').toLowerCase();
  return taggedResult(context, match, [TAG.weekend, withValue(TAG.count, which === 'this' ? 0 : -1)]);
});
