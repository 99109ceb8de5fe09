import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Resident memory as a container's limit sees it: every sample, not only the quiet moments between loads. */
export interface RssTrace {
  /** The highest sampled VmRSS, and the last one (when the load's answers have drained), MiB. */
  readonly peakMiB: number;
  readonly endMiB: number;
  /** The kernel's own peak (VmHWM) since the process started: catches what falls between samples. */
  readonly hwmMiB: number;
  readonly everyMs: number;
  /** The longest time between two samples, ms: the sampling really was as fine as it says. */
  readonly maxGapMs: number;
  /** [ms since the watch began, MiB], every sample. */
  readonly samples: readonly (readonly [number, number])[];
}

export interface RssWatch {
  stop(): Promise<RssTrace>;
}

const KIB_PER_MIB = 1024;

/**
 * Watches a process's VmRSS every `everyMs` (default 100) from a process of its own
 * (rss-watch.mjs), so the load generator's busy event loop cannot stretch the gaps.
 */
export async function watchRss(pid: number, everyMs = 100): Promise<RssWatch> {
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL('./rss-watch.mjs', import.meta.url)), String(pid), String(everyMs)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    out += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const ready = () => (out.startsWith('watching\n') ? resolve() : undefined);
    child.stdout.on('data', ready);
    child.once('exit', (code) => reject(new Error(`the RSS watch of ${pid} ended (code ${code}) before it began`)));
  });
  return {
    async stop() {
      child.kill('SIGTERM');
      await exited;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (!line) throw new Error(`the RSS watch of ${pid} printed no summary`);
      const raw = JSON.parse(line) as { samples: [number, number][]; maxGapMs: number; hwmKiB: number };
      const samples = raw.samples.map(([ms, kib]) => [ms, kib / KIB_PER_MIB] as const);
      const mib = samples.map(([, value]) => value);
      return {
        peakMiB: Math.max(0, ...mib),
        endMiB: mib.at(-1) ?? 0,
        hwmMiB: raw.hwmKiB / KIB_PER_MIB,
        everyMs,
        maxGapMs: raw.maxGapMs,
        samples,
      };
    },
  };
}
