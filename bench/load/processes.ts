import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Clock ticks per second of /proc's CPU times (100 on every Linux we run on; asked once). */
const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU time (user + system, every thread: GC, the libuv pool where SQLite runs) a process has used, in ms. */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** Resident memory of a process, in MiB. */
export function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
  return Number(line?.[1] ?? 0) / 1024;
}

export interface Child {
  readonly pid: number;
  readonly port: number;
  stop(): Promise<void>;
}

/**
 * Starts a bench helper (`node [--import tsx] <file>`) that prints `listening <port>` when ready.
 * TypeScript helpers run through tsx; the anchor is plain JavaScript under plain node, like the built app.
 */
export async function startHelper(
  file: string,
  env: Record<string, string> = {},
  nodeArgs: readonly string[] = [],
): Promise<Child> {
  const path = fileURLToPath(new URL(file, import.meta.url));
  const args = [...nodeArgs, ...(path.endsWith('.ts') ? ['--import', 'tsx', path] : [path])];
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/listening (\d+)/);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`${file} exited (code ${code}) before listening`)));
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${file} has no pid`);
  return {
    pid,
    port,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
