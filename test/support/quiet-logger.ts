import { type Logger, LogLevel } from '@slack/bolt';

/** A Bolt logger that keeps what it is told (and passes each line to `sink`), for tests that check what operators see. */
export function recordingLogger(sink?: (line: string) => void): Logger & { readonly lines: string[] } {
  const lines: string[] = [];
  const keep =
    (level: string) =>
    (...message: unknown[]) => {
      const line = `${level} ${message.map(String).join(' ')}`;
      lines.push(line);
      sink?.(line);
    };
  return {
    lines,
    debug: () => {},
    info: keep('info'),
    warn: keep('warn'),
    error: keep('error'),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: () => {},
  };
}
