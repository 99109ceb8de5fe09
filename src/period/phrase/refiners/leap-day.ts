import type { ParsingComponents, Refiner } from 'chrono-node';

const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

/** A date said without its year; chrono leaves a result's `end` null, not undefined, when it has none. */
const yearless = (components: ParsingComponents | null | undefined): components is ParsingComponents =>
  Boolean(components?.isCertain('month')) && !components?.isCertain('year');

const isLeapDay = (components: ParsingComponents) => components.get('month') === 2 && components.get('day') === 29;

/**
 * Chrono implies the reference year for a date said without one, then drops the result when
 * that year has no such date: "29 Feb" asked in 2026 would read as nothing at all. Imply the
 * latest leap year instead; the resolver still picks the real year (the latest 29 February that
 * has begun). Only when it is the phrase's one yearless date: with another ("Feb 28 to Feb 29")
 * chrono would order the ends by those made-up years, so such a range stays refused.
 */
export const leapDayRefiner: Refiner = {
  refine(_context, results) {
    const dates = results.flatMap((result) => [result.start, result.end]).filter(yearless);
    const [leapDay, ...others] = dates;
    if (!leapDay || others.length > 0 || !isLeapDay(leapDay)) return results;
    let year = leapDay.get('year') ?? 2000;
    while (!isLeapYear(year)) year--;
    leapDay.imply('year', year);
    return results;
  },
};
