import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { freePort } from './free-port.js';

/**
 * A real redis-server (from Debian's package, installed by .ci/run) on a free port, with no
 * persistence (and a password when asked for one): each test file gets its own and stops it after.
 */
export async function startRedis(
  options: { password?: string } = {},
): Promise<{ url: string; port: number; cli(...command: string[]): Promise<string>; stop(): Promise<void> }> {
  const port = await freePort();
  const auth = options.password ? ['--requirepass', options.password] : [];
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...auth],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start in 10 s')), 10_000);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(
        new Error(`redis-server could not start (is it installed? apt-get install redis-server): ${error.message}`),
      );
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return {
    url: options.password ? `redis://:${options.password}@127.0.0.1:${port}` : `redis://127.0.0.1:${port}`,
    port,
    /** One command through redis-cli (`CONFIG SET maxmemory 1`: a Redis that is full), its answer as text. */
    cli: (...command: string[]) =>
      new Promise<string>((resolve, reject) => {
        const password = options.password ? ['-a', options.password, '--no-auth-warning'] : [];
        execFile('redis-cli', ['-p', String(port), ...password, ...command], (error, stdout) =>
          error ? reject(error) : resolve(stdout.trim()),
        );
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
