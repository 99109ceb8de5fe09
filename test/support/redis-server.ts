import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';

/** A certificate signed by nobody but itself, as Heroku's Key-Value Store presents: made with openssl. */
function selfSignedCertificate(): { cert: string; key: string } {
  const dir = mkdtempSync(join(tmpdir(), 'redis-tls-'));
  const [cert, key] = [join(dir, 'cert.pem'), join(dir, 'key.pem')];
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2'],
      ...['-subj', '/CN=redis-self-signed', '-keyout', key, '-out', cert],
    ],
    { stdio: 'ignore' },
  );
  return { cert, key };
}

/** Starts redis-server with `args`; resolves once it accepts connections. */
async function spawnRedis(args: readonly string[]): Promise<ChildProcess> {
  const child: ChildProcess = spawn('redis-server', [...args], { stdio: ['ignore', 'pipe', 'pipe'] });
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
  return child;
}

/**
 * A real redis-server (from Debian's package, installed by .ci/run) on a free port, with no
 * persistence (and a password when asked for one): each test file gets its own and stops it after.
 * With `persist`, every write is appended to a file and synced before Redis answers
 * (`appendfsync always`), as a production Redis that keeps installations must: `restart()` then
 * brings it back, on the same port, with everything it had said yes to. With `tls`, it speaks only
 * TLS (`rediss://`), with a self-signed certificate.
 */
export async function startRedis(options: { password?: string; persist?: boolean; tls?: boolean } = {}): Promise<{
  url: string;
  port: number;
  pause(): void;
  resume(): void;
  cli(...command: string[]): Promise<string>;
  /** Ends the server (SIGKILL: a crash; SIGTERM: a clean shutdown); resolves once it has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port (and the same data, when persisted); resolves once it accepts connections. */
  start(): Promise<void>;
  stop(): Promise<void>;
}> {
  const port = await freePort();
  const auth = options.password ? ['--requirepass', options.password] : [];
  const persistence = options.persist
    ? ['--dir', mkdtempSync(join(tmpdir(), 'contacts-redis-')), '--appendonly', 'yes', '--appendfsync', 'always']
    : ['--appendonly', 'no'];
  const tls = options.tls ? selfSignedCertificate() : undefined;
  const listen = tls
    ? ['--port', '0', '--tls-port', String(port), '--tls-cert-file', tls.cert, '--tls-key-file', tls.key]
    : ['--port', String(port)];
  const args = [...listen, '--tls-auth-clients', 'no', '--bind', '127.0.0.1', '--save', '', ...persistence, ...auth];
  let child = await spawnRedis(args);
  const kill = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
      // A paused server takes the SIGTERM only once it runs again.
      child.kill('SIGCONT');
    });
  return {
    url: `${tls ? 'rediss' : 'redis'}://${options.password ? `:${options.password}@` : ''}127.0.0.1:${port}`,
    port,
    /** Freezes the server (SIGSTOP): connections stay open and nothing is answered — a stalled Redis. */
    pause: () => {
      child.kill('SIGSTOP');
    },
    /** Lets a paused server answer again (SIGCONT); what it was sent meanwhile is answered then. */
    resume: () => {
      child.kill('SIGCONT');
    },
    /** One command through redis-cli (`CONFIG SET maxmemory 1`: a Redis that is full), its answer as text. */
    cli: (...command: string[]) =>
      new Promise<string>((resolve, reject) => {
        const password = options.password ? ['-a', options.password, '--no-auth-warning'] : [];
        const secure = tls ? ['--tls', '--insecure'] : [];
        execFile('redis-cli', ['-p', String(port), ...secure, ...password, ...command], (error, stdout) =>
          error ? reject(error) : resolve(stdout.trim()),
        );
      }),
    kill: (signal = 'SIGKILL') => kill(signal),
    async start() {
      child = await spawnRedis(args);
    },
    stop: () => kill('SIGTERM'),
  };
}
