import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { isoInZone } from './period/calendar.js';
import { PeriodError, parseWeekday, periodPlan, resolvePeriod, WEEKDAY_NAMES } from './period/index.js';

const USAGE = 'Usage: npm run --silent cli -- window "<phrase>" [--tz IANA] [--week-start monday] [--now ISO]';

class UsageError extends Error {}

function parseNow(value: string | undefined): number {
  if (value === undefined) return Date.now();
  const parsed = DateTime.fromISO(value, { setZone: true });
  if (!parsed.isValid) throw new UsageError(`--now “${value}” is not an ISO 8601 instant, e.g. 2026-11-27T10:00:00Z.`);
  return parsed.toMillis();
}

/** `window`: the period a phrase means and the exact Tellody requests for it, as one JSON object. */
function windowCommand(args: string[]): string {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { tz: { type: 'string' }, 'week-start': { type: 'string' }, now: { type: 'string' } },
  });
  if (positionals.length > 1) throw new UsageError('Put the phrase in quotes: one phrase per call.');
  const zone = values.tz ?? 'Europe/Athens';
  const weekStart = parseWeekday(values['week-start'] ?? 'monday');
  if (weekStart === undefined) throw new UsageError(`--week-start must be one of ${WEEKDAY_NAMES.join(', ')}.`);
  const now = parseNow(values.now);
  const phrase = positionals[0] ?? '';
  const period = resolvePeriod(phrase, { zone, weekStart, now });
  return JSON.stringify({
    phrase,
    timezone: period.zone,
    weekStart: WEEKDAY_NAMES[period.weekStart],
    label: period.label,
    start: isoInZone(period.start, zone),
    end: isoInZone(period.end, zone),
    unit: period.unit,
    requests: periodPlan(period, now).requests.map(({ request }) => request),
  });
}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    if (command !== 'window') throw new UsageError(command ? `Unknown command “${command}”.` : 'No command given.');
    process.stdout.write(`${windowCommand(rest)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof PeriodError || error instanceof UsageError) {
      process.stderr.write(`${error.message}${error instanceof UsageError ? ` ${USAGE}` : ''}\n`);
      return 2;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${error.message}. ${USAGE}\n`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
