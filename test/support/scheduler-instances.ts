import { type ChildProcess, spawn } from 'node:child_process';

/**
 * App instances running the scheduled jobs (test/support/scheduler-process.ts) as child processes,
 * each with its own environment, for tests of several instances on one store. Keeps what each logs.
 */
export function schedulerInstances() {
  const children: ChildProcess[] = [];
  /** What each instance logged, by process id. */
  const logs = new Map<number, string>();
  return {
    logs,
    logOf: (child: ChildProcess) => logs.get(child.pid ?? 0) ?? '',
    /** Starts one more instance; resolves once it says it is ticking. */
    async start(env: Record<string, string>): Promise<ChildProcess> {
      const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/scheduler-process.ts'], {
        env: { PATH: process.env.PATH, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      let log = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        logs.set(child.pid ?? 0, log);
      });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`instance did not start:\n${log}`)), 20_000);
        child.stdout?.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('ready')) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.once('exit', (code) => reject(new Error(`instance exited (${code}):\n${log}`)));
      });
      return child;
    },
    /** Kills every instance still running. */
    killAll(): void {
      for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

export async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000) {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
