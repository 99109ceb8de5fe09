import { type DestinationStream, type Logger, pino } from 'pino';
import pretty from 'pino-pretty';
import { redact } from './redact.js';

/** The app's logger: pino, one JSON object per line (time, level, msg and fields). */
export type AppLogger = Logger;

export type LogLevelName = 'debug' | 'info' | 'warn' | 'error';

export interface LoggerOptions {
  readonly level?: LogLevelName;
  /** `json` (one object per line, for a log pipeline) or `pretty` (lines for people at a terminal). */
  readonly format?: 'json' | 'pretty';
  /** Where the lines go: standard output unless given. */
  readonly destination?: DestinationStream;
}

/**
 * Fields whose values never reach the log, wherever a line puts them. The free text of every line
 * is scrubbed as well (redact.ts): a token or password inside a message or an error's words.
 */
const SECRET_FIELDS = [
  'token',
  'password',
  'client_secret',
  'authorization',
  'cookie',
  '*.token',
  '*.password',
  '*.client_secret',
  '*.authorization',
  '*.cookie',
  'headers["x-xsrf-token"]',
];

/** A destination that scrubs each serialized line before it is written: fields a path list cannot foresee. */
function scrubbing(target: DestinationStream): DestinationStream {
  return { write: (line: string) => target.write(redact(line)) };
}

export function createLogger(options: LoggerOptions = {}): AppLogger {
  const target =
    options.destination ??
    (options.format === 'pretty'
      ? pretty({ translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname', singleLine: true })
      : pino.destination({ dest: 1, sync: true }));
  return pino(
    {
      level: options.level ?? 'info',
      timestamp: pino.stdTimeFunctions.isoTime,
      // Level names, not pino's numbers: what people and most log pipelines read.
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: SECRET_FIELDS, censor: '[redacted]' },
      hooks: {
        logMethod(args, method) {
          // Free text is scrubbed before it is escaped into JSON, where the patterns still read it whole.
          method.apply(
            this,
            args.map((arg) => (typeof arg === 'string' ? redact(arg) : arg)) as Parameters<typeof method>,
          );
        },
      },
    },
    scrubbing(target),
  );
}
