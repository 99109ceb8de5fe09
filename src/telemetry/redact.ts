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

/**
 * Scrubs secrets out of one log line, whoever wrote it: every line the app logs passes through
 * here (telemetry/logger.ts), its free text and its fields alike.
 */
export function redact(line: string): string {
  return RULES.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), line);
}
