import { type Logger, LogLevel } from '@slack/bolt';

const RULES: readonly [RegExp, string][] = [
  // Slack tokens: bot, user, app-level, refresh.
  [/\bx(ox[abposer]|app)-[A-Za-z0-9-]+/g, 'x$1-[redacted]'],
  // The settings modal's password input, wherever a payload is printed.
  [/("settings_tellody_password"\s*:\s*\{[^{}]*?"value"\s*:\s*)"(?:[^"\\]|\\.)*"/g, '$1"[redacted]"'],
  [
    /(\\"settings_tellody_password\\"\s*:\s*\{[^{}]*?\\"value\\"\s*:\s*)\\"(?:[^"\\]|\\[^"])*\\"/g,
    '$1\\"[redacted]\\"',
  ],
  // Any field called password, secret or token; Tellody's session cookie and XSRF token.
  [/("(?:password|client_secret|[a-z_]*token)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi, '$1"[redacted]"'],
  [/(JSESSIONID=)[^;\s"]+/g, '$1[redacted]'],
  [/(X-XSRF-TOKEN["':\s]+)[A-Za-z0-9_-]{8,}/gi, '$1[redacted]'],
];

/** Scrubs secrets out of one log line. */
export function redact(line: string): string {
  return RULES.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), line);
}

const ORDER = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];

/**
 * The app's logger, for Bolt and every Slack client it makes. At debug level the Socket Mode
 * client prints each payload it receives, a settings submission included, so every line passes
 * through `redact` first: no token or password reaches the log, whichever library wrote it.
 */
export class RedactingLogger implements Logger {
  private name = 'contacts';

  constructor(
    private level: LogLevel,
    private readonly write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  ) {}

  private log(level: LogLevel, messages: unknown[]): void {
    if (ORDER.indexOf(level) < ORDER.indexOf(this.level)) return;
    const text = messages
      .map((m) => (typeof m === 'string' ? m : m instanceof Error ? `${m.name}: ${m.message}` : JSON.stringify(m)))
      .join(' ');
    this.write(redact(`[${level.toUpperCase()}] ${this.name} ${text}`));
  }

  debug(...messages: unknown[]): void {
    this.log(LogLevel.DEBUG, messages);
  }
  info(...messages: unknown[]): void {
    this.log(LogLevel.INFO, messages);
  }
  warn(...messages: unknown[]): void {
    this.log(LogLevel.WARN, messages);
  }
  error(...messages: unknown[]): void {
    this.log(LogLevel.ERROR, messages);
  }
  setLevel(level: LogLevel): void {
    this.level = level;
  }
  getLevel(): LogLevel {
    return this.level;
  }
  setName(name: string): void {
    this.name = name;
  }
}
