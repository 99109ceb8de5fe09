import { type Logger, LogLevel } from '@slack/bolt';
import { errorText } from '../telemetry/error-text.js';
import type { AppLogger, LogLevelName } from '../telemetry/logger.js';

/** Bolt's words for a level, ours (pino's) for the same. */
const LEVELS: Record<LogLevel, LogLevelName> = {
  [LogLevel.DEBUG]: 'debug',
  [LogLevel.INFO]: 'info',
  [LogLevel.WARN]: 'warn',
  [LogLevel.ERROR]: 'error',
};

/** One argument as text: an error by its kind and words (never its stack), anything else as JSON. */
function textOf(message: unknown): string {
  if (typeof message === 'string') return message;
  if (message instanceof Error) return errorText(message);
  try {
    return JSON.stringify(message) ?? String(message);
  } catch {
    return String(message);
  }
}

/**
 * Bolt's logger interface over the app's pino logger, so Bolt's own lines, the Web API client's
 * and the Socket Mode client's come out as the app's do: JSON, scrubbed, with the library's name.
 * At debug level the Socket Mode client prints each payload it receives, a settings submission
 * included; the app's logger scrubs every line, so no token or password reaches the log.
 */
export class BoltLogger implements Logger {
  private name = 'contacts';

  constructor(private readonly log: AppLogger) {}

  private write(level: LogLevelName, messages: unknown[]): void {
    if (!this.log.isLevelEnabled(level)) return;
    this.log[level]({ name: this.name }, messages.map(textOf).join(' '));
  }

  debug(...messages: unknown[]): void {
    this.write('debug', messages);
  }
  info(...messages: unknown[]): void {
    this.write('info', messages);
  }
  warn(...messages: unknown[]): void {
    this.write('warn', messages);
  }
  error(...messages: unknown[]): void {
    this.write('error', messages);
  }
  setLevel(level: LogLevel): void {
    this.log.level = LEVELS[level];
  }
  getLevel(): LogLevel {
    const found = Object.entries(LEVELS).find(([, name]) => name === this.log.level);
    return (found?.[0] as LogLevel | undefined) ?? LogLevel.INFO;
  }
  setName(name: string): void {
    this.name = name;
  }
}
