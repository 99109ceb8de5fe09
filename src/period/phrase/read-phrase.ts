import type { ParsedComponents, ParsedResult } from 'chrono-node';
import type { Unit, Weekday } from '../calendar.js';
import { PeriodError, type PeriodStep } from '../period-types.js';
import { createPeriodChrono } from './period-chrono.js';
import { isWeekdayDirection, type WeekdayDirection } from './refiners/weekday-words.js';
import { resultEnd, TAG, tagged, tagValue } from './tags.js';

/** What one end of a phrase designates, before it is placed in a zone. */
export type DateSpec =
  | { kind: 'relative'; step: PeriodStep; shift: number; toDate: boolean }
  | { kind: 'trailing'; step: PeriodStep; count: number }
  | { kind: 'day'; year?: number; month: number; day: number }
  | { kind: 'weekday'; weekday: Weekday; direction: WeekdayDirection }
  | { kind: 'month'; year?: number; month: number }
  | { kind: 'quarter'; year?: number; quarter: number }
  | { kind: 'half'; year?: number; half: number }
  | { kind: 'weekend'; shift: number }
  | { kind: 'year'; year: number }
  | { kind: 'week-of'; day: DateSpec }
  | { kind: 'since'; from: DateSpec };

export interface PhraseMeaning {
  /** Null when the phrase names no period (empty, or only "by hour"). */
  readonly what: DateSpec | { kind: 'range'; from: DateSpec; to: DateSpec } | null;
  readonly unit: Unit | undefined;
}

const chrono = createPeriodChrono();

const FILLER = new Set(
  'a an and between the for from of in on over during show me my please report contacts contact stats numbers activity what was were is'.split(
    ' ',
  ),
);
/** Dashes of every length: “last month – daily” is as clear as “last month - daily”. */
const PUNCTUATION = /[\s,.;:!?()[\]{}"'“”‘’`*_~/–—-]+/;

const STEPS = new Set<string>(['day', 'week', 'month', 'quarter', 'year']);
const asStep = (value: string | undefined): PeriodStep => (value && STEPS.has(value) ? (value as PeriodStep) : 'day');

function certain(components: ParsedComponents, name: 'year' | 'month' | 'day'): number | undefined {
  return components.isCertain(name) ? (components.get(name) ?? undefined) : undefined;
}

/** The weekday-words refiner tags every weekday said alone with its direction. */
function weekdayDirection(components: ParsedComponents): WeekdayDirection {
  const direction = tagValue(components, TAG.direction);
  return isWeekdayDirection(direction) ? direction : 'latest';
}

/** One end of a chrono result as a spec. */
function readComponents(components: ParsedComponents): DateSpec {
  const count = Number(tagValue(components, TAG.count) ?? '0');
  if (tagged(components, TAG.relative)) {
    const step = asStep(tagValue(components, TAG.step));
    return { kind: 'relative', step, shift: count, toDate: tagged(components, TAG.toDate) };
  }
  if (tagged(components, TAG.weekend)) return { kind: 'weekend', shift: count };
  if (tagged(components, TAG.trailing))
    return { kind: 'trailing', step: asStep(tagValue(components, TAG.step)), count };
  const year = certain(components, 'year');
  const inner = readCalendarDate(components, year, count);
  if (tagged(components, TAG.weekOf)) return { kind: 'week-of', day: inner };
  if (tagged(components, TAG.since)) return { kind: 'since', from: inner };
  return inner;
}

function readCalendarDate(components: ParsedComponents, year: number | undefined, count: number): DateSpec {
  const withYear = <T extends object>(spec: T) => (year === undefined ? spec : { ...spec, year });
  if (tagged(components, TAG.half)) return withYear({ kind: 'half' as const, half: (count + 1) / 2 });
  if (tagged(components, TAG.quarter)) return withYear({ kind: 'quarter' as const, quarter: count });
  if (tagged(components, TAG.year)) return { kind: 'year', year: year ?? components.get('year') ?? 0 };
  if (components.isCertain('weekday') && !components.isCertain('day') && !components.isCertain('month')) {
    return {
      kind: 'weekday',
      weekday: (components.get('weekday') ?? 0) as Weekday,
      direction: weekdayDirection(components),
    };
  }
  const month = components.get('month') ?? 1;
  if (!components.isCertain('day') && components.isCertain('month')) return withYear({ kind: 'month' as const, month });
  const day = components.get('day') ?? 1;
  if (!components.isCertain('day') && !components.isCertain('month')) {
    if (year !== undefined) return { kind: 'year', year };
    // Only counted from now ("in a quarter"): chrono's own date, in its own year; not a date said
    // without one, which would move it to the latest such day that has been.
    return { kind: 'day', year: components.get('year') ?? undefined, month, day };
  }
  return withYear({ kind: 'day' as const, month, day });
}

function leftoverWords(text: string, results: readonly ParsedResult[]): string[] {
  let rest = '';
  let at = 0;
  for (const result of results) {
    rest += ` ${text.slice(at, result.index)}`;
    at = resultEnd(result);
  }
  rest += ` ${text.slice(at)}`;
  return rest.split(PUNCTUATION).filter((word) => word && !FILLER.has(word.toLowerCase()));
}

function readUnit(results: readonly ParsedResult[]): Unit | undefined {
  const units = new Set(results.map((r) => tagValue(r.start, TAG.unit)).filter((u) => u !== undefined));
  if (units.size > 1) {
    throw new PeriodError(
      'conflicting-units',
      `The phrase asks for more than one granularity (${[...units].join(', ')}).`,
    );
  }
  return [...units][0] as Unit | undefined;
}

/**
 * Reads a phrase into what it designates. `reference` is now, with the zone's offset at now,
 * so chrono's "today" and "yesterday" fall on the workspace's calendar day.
 */
/**
 * "3/11" is 3 November in most of the world and 11 March in the US: a report for the wrong
 * month is worse than a question, so a numeric date that reads both ways is refused.
 */
function refuseAmbiguousNumericDates(phrase: string): void {
  for (const match of phrase.matchAll(/(?<![\d/.-])(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2,4}))?(?![\d/.-])/g)) {
    const [text, a, b] = match;
    if (Number(a) <= 12 && Number(b) <= 12 && a !== b && Number(a) > 0 && Number(b) > 0) {
      const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
      const dayFirst = `${Number(a)} ${months[Number(b) - 1]}`;
      const monthFirst = `${Number(b)} ${months[Number(a) - 1]}`;
      throw new PeriodError(
        'ambiguous-date',
        `“${text}” could be ${dayFirst} or ${monthFirst}; write the month as a word, like “${dayFirst}”.`,
      );
    }
  }
}

export function readPhrase(phrase: string, reference: { instant: Date; timezone: number }): PhraseMeaning {
  refuseAmbiguousNumericDates(phrase);
  const results = chrono.parse(phrase, reference);
  const unknown = leftoverWords(phrase, results);
  if (unknown.length > 0) {
    const what = results.length === 0 ? 'I couldn’t find a date or period in' : 'I didn’t understand';
    throw new PeriodError(results.length === 0 ? 'unparseable' : 'leftover', `${what} “${unknown.join(' ')}”.`);
  }
  const unit = readUnit(results);
  const dates = results.filter((r) => tagValue(r.start, TAG.unit) === undefined);
  if (dates.length > 1) {
    const found = dates.map((r) => `“${r.text}”`).join(' and ');
    throw new PeriodError(
      'several-periods',
      `I found more than one period (${found}); for a range, join them with “to”.`,
    );
  }
  const [date] = dates;
  if (!date) return { what: null, unit };
  const from = readComponents(date.start);
  const what = date.end ? { kind: 'range' as const, from, to: readComponents(date.end) } : from;
  return { what, unit };
}
