import { type ChildProcess, spawn } from 'node:child_process';
import { openStore } from '../../src/store/open-store.js';
import { type SandboxFaults, startSandbox } from '../../src/tellody/sandbox/server.js';
import { startRedis } from './redis-server.js';
import { startSlackStandIn } from './slack-standin.js';

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

/**
 * Several app instances sharing one Redis, one Tellody sandbox (clock pinned at `now`) and one
 * Slack stand-in, each instance a child process whose clock is pinned too.
 */
export async function schedulerCluster(options: { now: string; faults?: Partial<SandboxFaults> }) {
  const redis = await startRedis();
  const sandbox = await startSandbox({
    now: () => Date.parse(options.now),
    accounts: [{ username: 'demo', password: 'demo', zone: 'Europe/Athens', seed: 1 }],
    ...(options.faults ? { faults: options.faults } : {}),
  });
  const slack = await startSlackStandIn();
  const store = openStore(redis.url);
  const instances = schedulerInstances();
  return {
    sandbox,
    slack,
    store,
    instances,
    /** One more instance on the shared Redis, with claims that lapse after `leaseMs`. */
    startInstance(leaseMs = 60_000, concurrency = 8): Promise<ChildProcess> {
      return instances.start({
        SLACK_SIGNING_SECRET: 'secret',
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_API_URL: slack.apiUrl,
        TELLODY_BASE_URL: sandbox.baseUrl,
        TELLODY_USERNAME: 'demo',
        TELLODY_PASSWORD: 'demo',
        STORE_URL: redis.url,
        ENCRYPTION_KEY: 'ab'.repeat(32),
        DIGEST_CONCURRENCY: String(concurrency),
        DIGEST_TEST_NOW: options.now,
        DIGEST_TEST_LEASE_MS: String(leaseMs),
      });
    },
    async close() {
      instances.killAll();
      await store.close();
      await slack.close();
      await sandbox.close();
      await redis.stop();
    },
  };
}
