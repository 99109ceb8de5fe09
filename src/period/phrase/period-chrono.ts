import type { Chrono, Parser, Refiner } from 'chrono-node';
// English only: the package's root also loads every other locale's parsers (some 11 MB of memory).
import { casual } from 'chrono-node/en';
import { bareYearParser } from './parsers/bare-year.js';
import { halfYearParser, isoYearMonthParser, shortMonthParser, weekendParser } from './parsers/calendar-names.js';
import { granularityParser } from './parsers/granularity.js';
import { quarterParser } from './parsers/quarter.js';
import { relativePeriodParser, toDateParser } from './parsers/relative-period.js';
import { trailingRangeParser } from './parsers/trailing-range.js';
import { unitsAgoParser } from './parsers/units-ago.js';
import { leapDayRefiner } from './refiners/leap-day.js';
import { prefixWordsRefiner } from './refiners/prefix-words.js';
import { rangeRefiner } from './refiners/range.js';
import { setAsideRefiners } from './refiners/set-aside.js';
import { weekdayWordsRefiner } from './refiners/weekday-words.js';

/**
 * Times of day play no part in a report period, and chrono's time parser reads the "from 3"
 * of "from 3 Nov" as 03:00: leave time parsing out.
 */
const TIME_PARSERS = new Set(['ENTimeExpressionParser', 'ENCasualTimeParser']);
const isTimeParser = (parser: Parser) => TIME_PARSERS.has(parser.constructor.name);

/** Chrono drops dates that do not exist in their (implied) year in its UnlikelyFormatFilter: `refiner` runs just before it. */
function beforeFilter(refiners: readonly Refiner[], refiner: Refiner): Refiner[] {
  const at = refiners.findIndex((r) => r.constructor.name === 'UnlikelyFormatFilter');
  // A chrono without that filter drops nothing: last is as good as anywhere, and drops none of its refiners.
  if (at < 0) return [...refiners, refiner];
  return [...refiners.slice(0, at), refiner, ...refiners.slice(at)];
}

/**
 * chrono's casual English, extended through its parser and refiner API. Our parsers go first:
 * on an equal match chrono keeps the earlier result, so "last week" means our calendar week,
 * not chrono's instant seven days ago.
 */
export function createPeriodChrono(): Chrono {
  const chrono = casual.clone();
  chrono.parsers = [
    toDateParser,
    relativePeriodParser,
    trailingRangeParser,
    unitsAgoParser,
    quarterParser,
    halfYearParser,
    weekendParser,
    isoYearMonthParser,
    bareYearParser,
    shortMonthParser,
    granularityParser,
    ...chrono.parsers.filter((parser) => !isTimeParser(parser)),
  ];
  const { takeOut, putBack } = setAsideRefiners();
  chrono.refiners = [
    takeOut,
    weekdayWordsRefiner,
    ...beforeFilter(chrono.refiners, leapDayRefiner),
    putBack,
    prefixWordsRefiner,
    rangeRefiner,
  ];
  return chrono;
}
