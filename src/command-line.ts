import { DateTime } from 'luxon';
import { PeriodError, parseWeekday, WEEKDAY_NAMES, type Weekday } from './period/index.js';

/** Something wrong with how a command was called; shown with the command's usage line. */
export class UsageError extends Error {}

/** The calendar flags every command shares, for `parseArgs`. */
export const CALENDAR_FLAGS = {
  tz: { type: 'string', default: 'Europe/Athens' },
  'week-start': { type: 'string', default: 'monday' },
  now: { type: 'string' },
} as const;

/** `--tz`, `--week-start` and `--now` read and checked (the zone itself is checked by the resolver). */
export function calendarOptions(values: { tz: string; 'week-start': string; now?: string | undefined }): {
  zone: string;
  weekStart: Weekday;
  now: number;
} {
  const weekStart = parseWeekday(values['week-start']);
  if (weekStart === undefined) throw new UsageError(`--week-start must be one of ${WEEKDAY_NAMES.join(', ')}.`);
  if (values.now === undefined) return { zone: values.tz, weekStart, now: Date.now() };
  const parsed = DateTime.fromISO(values.now, { setZone: true });
  if (!parsed.isValid)
    throw new UsageError(`--now “${values.now}” is not an ISO 8601 instant, e.g. 2026-11-27T10:00:00Z.`);
  return { zone: values.tz, weekStart, now: parsed.toMillis() };
}

/**
 * The one line to print for a mistake in what was asked (a phrase, a flag, an unknown option),
 * or null for anything else, which is a bug and should surface as one.
 */
export function mistakeMessage(
  error: unknown,
  usage: string,
  alsoExpected: (e: unknown) => boolean = () => false,
): string | null {
  if (error instanceof UsageError) return `${error.message} ${usage}`;
  if (error instanceof PeriodError || alsoExpected(error)) return (error as Error).message;
  if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
    return `${error.message}. ${usage}`;
  }
  return null;
}
