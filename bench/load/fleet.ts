import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../../src/tellody/sandbox/server.js';
import { type AppProcess, startBuiltApp } from '../../test/support/app-process.js';
import { startRedis } from '../../test/support/redis-server.js';
import { type Child, startHelper } from './processes.js';

export const SECRET = 'bench-signing-secret';
const ENCRYPTION_KEY = 'be'.repeat(32);

/** The bench's Slack (response_url, Web API, QuickChart short URLs), in its own process. */
export interface StandIn {
  readonly base: string;
  stats(): Promise<{ posts: number; bytes: number; lastPostAt: number }>;
  reset(): Promise<void>;
  /** Resolves when a post to `/respond/<id>` has arrived. */
  waitFor(id: string): Promise<void>;
  /** The latest body posted to a response_url. */
  last(): Promise<string>;
  stop(): Promise<void>;
}

export async function startStandIn(): Promise<StandIn> {
  const child = await startHelper('./response-standin.ts');
  const base = `http://127.0.0.1:${child.port}`;
  return {
    base,
    stats: async () =>
      (await fetch(`${base}/stats`)).json() as Promise<{ posts: number; bytes: number; lastPostAt: number }>,
    reset: async () => {
      await (await fetch(`${base}/reset`, { method: 'POST' })).text();
    },
    waitFor: async (id) => {
      await (await fetch(`${base}/wait/${id}`)).text();
    },
    last: async () => (await fetch(`${base}/last`)).text(),
    stop: () => child.stop(),
  };
}

/** Something the bench drives: one or more processes answering Slack requests. */
export interface Target {
  readonly name: string;
  readonly urls: readonly string[];
  readonly pids: readonly number[];
  /** False for the anchor that only acks: nothing arrives at response_url. */
  readonly answers: boolean;
  stop(): Promise<void>;
}

export async function startAnchor(
  standIn: StandIn,
  message: string | null,
  nodeArgs: readonly string[] = [],
): Promise<Target> {
  const env: Record<string, string> = {
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_API_URL: `${standIn.base}/api/`,
  };
  if (message !== null) {
    const file = join(mkdtempSync(join(tmpdir(), 'contacts-bench-')), 'message.json');
    writeFileSync(file, message);
    env.ANCHOR_MESSAGE_FILE = file;
  }
  const child: Child = await startHelper('./bolt-anchor.mjs', env, nodeArgs);
  return {
    name: message === null ? 'bare Bolt, ack only' : 'bare Bolt, ack + post the message',
    urls: [`http://127.0.0.1:${child.port}/slack/events`],
    pids: [child.pid],
    answers: message !== null,
    stop: () => child.stop(),
  };
}

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

export interface AppOptions {
  readonly standIn: StandIn;
  readonly sandbox: Sandbox;
  /** Default: a SQLite file of its own. */
  readonly storeUrl?: string;
  /** Node flags for the app, e.g. `--cpu-prof`. */
  readonly nodeArgs?: readonly string[];
}

/** The built app, `node dist/index.js`, with a production environment (see test/support/app-process.ts). */
export async function startApp(options: AppOptions): Promise<AppProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'contacts-bench-'));
  return startBuiltApp({
    env: {
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_API_URL: `${options.standIn.base}/api/`,
      QUICKCHART_HOST: options.standIn.base,
      TELLODY_BASE_URL: options.sandbox.baseUrl,
      TELLODY_USERNAME: 'demo',
      TELLODY_PASSWORD: 'demo',
      STORE_URL: options.storeUrl ?? `sqlite://${join(dir, 'contacts.sqlite')}`,
      ENCRYPTION_KEY,
      LOG_LEVEL: 'info',
    },
    ...(options.nodeArgs ? { nodeArgs: options.nodeArgs } : {}),
  });
}

export function appTarget(name: string, apps: readonly AppProcess[]): Target {
  return {
    name,
    urls: apps.map((app) => `${app.base}/slack/events`),
    pids: apps.map((app) => app.child.pid ?? 0),
    answers: true,
    stop: async () => {
      await Promise.all(apps.map((app) => app.stop()));
    },
  };
}

export { startRedis, startSandbox };
