import { type Logger, LogLevel } from '@slack/bolt';

/** A Bolt logger that keeps what it is told, for tests that check what operators would see. */
export function recordingLogger(): Logger & { readonly lines: string[] } {
  const lines: string[] = [];
  const keep =
    (level: string) =>
    (...message: unknown[]) => {
      lines.push(`${level} ${message.map(String).join(' ')}`);
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
