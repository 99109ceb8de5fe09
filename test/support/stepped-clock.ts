import { existsSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Debian's `faketime` package puts the library (installed by .ci/run). */
const LIBFAKETIME = [
  '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1',
  '/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1',
  '/usr/lib/faketime/libfaketime.so.1',
].find((path) => existsSync(path));

/**
 * A wall clock for a child process that the test can step, forward or back, while it runs:
 * libfaketime (LD_PRELOAD) reads an offset from a file at every clock read, so rewriting the file
 * moves the child's `Date.now()` at once, and it ticks on from there. Monotonic time (timers,
 * `performance.now()`) stays real, as when an operator or NTP steps a server's clock. Pass `env`
 * to the child; `now()` is its wall clock as it reads it.
 */
export function steppedClock(startIso: string) {
  if (!LIBFAKETIME) throw new Error('libfaketime is not installed (apt-get install faketime)');
  const dir = mkdtempSync(join(tmpdir(), 'contacts-clock-'));
  const file = join(dir, 'offset');
  let offsetMs = Date.parse(startIso) - Date.now();
  /** Every offset the child has had, from when (this machine's clock): to read its clock at a past moment. */
  const history: { fromMs: number; offsetMs: number }[] = [];
  const write = () => {
    history.push({ fromMs: Date.now(), offsetMs });
    const seconds = (Math.abs(offsetMs) / 1000).toFixed(3);
    // Written beside and renamed over: the child never reads a half-written offset.
    writeFileSync(`${file}.next`, `${offsetMs < 0 ? '-' : '+'}${seconds}\n`);
    renameSync(`${file}.next`, file);
  };
  write();
  return {
    env: {
      LD_PRELOAD: LIBFAKETIME,
      FAKETIME_TIMESTAMP_FILE: file,
      FAKETIME_NO_CACHE: '1',
      FAKETIME_DONT_FAKE_MONOTONIC: '1',
    } as Record<string, string>,
    /** The child's wall clock now, in ms. */
    now: () => Date.now() + offsetMs,
    /** What the child's wall clock read at `realMs` (this machine's clock), steps included. */
    readAt(realMs: number): number {
      const entry = history.findLast((h) => h.fromMs <= realMs) ?? history[0];
      return realMs + (entry?.offsetMs ?? offsetMs);
    },
    /** Steps the child's clock by `ms` (negative: back). */
    step(ms: number): void {
      offsetMs += ms;
      write();
    },
    /** Sets the child's clock to an instant, from which it ticks on. */
    set(iso: string): void {
      offsetMs = Date.parse(iso) - Date.now();
      write();
    },
  };
}

export type SteppedClock = ReturnType<typeof steppedClock>;
