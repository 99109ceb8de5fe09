import { expect } from 'vitest';
import { BoltLogger } from '../../src/slack/bolt-logger.js';
import { type AppLogger, createLogger, type LogLevelName } from '../../src/telemetry/logger.js';

/** Waits (up to 5 s) for a line among `lines` that says `words`, for work that goes on after Slack was answered; fails without one. */
export async function expectLogged(lines: readonly string[], words: string): Promise<void> {
  for (let i = 0; i < 250 && !lines.some((line) => line.includes(words)); i++)
    await new Promise((resolve) => setTimeout(resolve, 20));
  expect(lines).toContainEqual(expect.stringContaining(words));
}

/** The app's logger writing into memory: every line kept as the object it is, and as readable text. */
export interface LogCapture {
  readonly log: AppLogger;
  /** `[LEVEL] name msg`, as a person reads a line (name `contacts` unless a library gave its own). */
  readonly lines: string[];
  /** Each line as the JSON object the app wrote (time, level, msg and fields). */
  readonly records: Record<string, unknown>[];
  /** Each line exactly as written, scrubbed: what would reach stdout. */
  readonly raw: string[];
}

/** What a person reads of one JSON line. */
export function readable(record: Record<string, unknown>): string {
  return `[${String(record.level).toUpperCase()}] ${String(record.name ?? 'contacts')} ${String(record.msg ?? '')}`;
}

export function capturedLog(level: LogLevelName = 'debug', sink?: (line: string) => void): LogCapture {
  const capture: Omit<LogCapture, 'log'> = { lines: [], records: [], raw: [] };
  const destination = {
    write(line: string) {
      const record = JSON.parse(line) as Record<string, unknown>;
      capture.raw.push(line);
      capture.records.push(record);
      capture.lines.push(readable(record));
      sink?.(readable(record));
    },
  };
  return { ...capture, log: createLogger({ level, destination }) };
}

/** The app's logger as Bolt and the Slack clients meet it (BoltLogger), at `level`, with what it wrote. */
export function boltLoggerAt(level: LogLevelName): { logger: BoltLogger } & Omit<LogCapture, 'log'> {
  const { log, ...capture } = capturedLog(level);
  return { logger: new BoltLogger(log), ...capture };
}
