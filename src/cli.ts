import { parseArgs } from 'node:util';
import { CALENDAR_FLAGS, calendarOptions, mistakeMessage, UsageError } from './command-line.js';
import { isEntryPoint } from './entry-point.js';
import { isoInZone } from './period/calendar.js';
import { periodPlan, resolvePeriod, WEEKDAY_NAMES } from './period/index.js';

const USAGE = 'Usage: npm run --silent cli -- window "<phrase>" [--tz IANA] [--week-start monday] [--now ISO]';

/** `window`: the period a phrase means and the exact Tellody requests for it, as one JSON object. */
function windowCommand(args: string[]): string {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: CALENDAR_FLAGS,
  });
  if (positionals.length > 1) throw new UsageError('Put the phrase in quotes: one phrase per call.');
  const { zone, weekStart, now } = calendarOptions(values);
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
    const mistake = mistakeMessage(error, USAGE);
    if (mistake === null) throw error;
    process.stderr.write(`${mistake}\n`);
    return 2;
  }
}

if (isEntryPoint(import.meta.url)) process.exitCode = main(process.argv.slice(2));
