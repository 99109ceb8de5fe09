import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../test/support/free-port.js';
import { appEnv, type Sandbox, type StandIn } from './fleet.js';
import { rssMiB } from './processes.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The processes whose parent is `pid`, from /proc. */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** What a container running `npm start` (the Procfile's command) holds beside the app: npm itself, and the shell it starts node from. */
export interface NpmStartOverhead {
  /** npm's RSS once the app serves, and 15 s later when npm has settled (idle, it gives memory back). */
  readonly npmMiB: number;
  readonly npmSettledMiB: number;
  readonly shellMiB: number;
}

const SETTLE_MS = 15_000;

/**
 * Starts the app with `npm start` itself, as the Procfile does, and reads the RSS of the npm and
 * shell processes that stay resident above it; they do no work while the app serves, so the app's
 * own load does not change them.
 */
export async function npmStartOverhead(standIn: StandIn, sandbox: Sandbox): Promise<NpmStartOverhead> {
  const port = await freePort();
  const home = mkdtempSync(join(tmpdir(), 'contacts-npm-start-'));
  const npm = spawn('npm', ['start'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: home,
      NODE_ENV: 'production',
      PORT: String(port),
      ...appEnv({ standIn, sandbox }),
    },
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => npm.once('exit', () => resolve()));
  try {
    const started = Date.now();
    for (;;) {
      const healthy = await fetch(`http://127.0.0.1:${port}/healthz`)
        .then((response) => response.ok)
        .catch(() => false);
      if (healthy) break;
      if (Date.now() - started > 30_000 || npm.exitCode !== null) throw new Error('npm start did not serve /healthz');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const npmPid = npm.pid ?? 0;
    // npm runs the script through a shell (sh -c), which waits for node; node itself is the app, measured apart.
    const shells = childrenOf(npmPid).filter((pid) => readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'node');
    const npmMiB = rssMiB(npmPid);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    return { npmMiB, npmSettledMiB: rssMiB(npmPid), shellMiB: shells.reduce((sum, pid) => sum + rssMiB(pid), 0) };
  } finally {
    // The app stops on SIGTERM and npm then ends with it; npm is killed if it has not within 15 s.
    for (const child of childrenOf(npm.pid ?? 0)) for (const pid of [child, ...childrenOf(child)]) stopIfNode(pid);
    const late = setTimeout(() => npm.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(late);
  }
}

function stopIfNode(pid: number): void {
  try {
    if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'node') process.kill(pid, 'SIGTERM');
  } catch {
    // already gone
  }
}
