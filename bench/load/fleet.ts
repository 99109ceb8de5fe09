import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../../src/tellody/sandbox/server.js';
import { type AppProcess, startBuiltApp } from '../../test/support/app-process.js';
import { startRedis } from '../../test/support/redis-server.js';
import { type Child, startHelper } from './processes.js';

export const SECRET = 'bench-signing-secret';
const ENCRYPTION_KEY = 'be'.repeat(32);

/** What has reached the stand-in since its last reset: every post, and the distinct response_urls posted to. */
export interface StandInStats {
  readonly posts: number;
  readonly answered: number;
  readonly bytes: number;
  readonly lastPostAt: number;
}

/** The bench's Slack (response_url, Web API, QuickChart short URLs), in its own process. */
export interface StandIn {
  readonly base: string;
  stats(): Promise<StandInStats>;
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
    stats: async () => (await fetch(`${base}/stats`)).json() as Promise<StandInStats>,
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
  /** Node flags for the app on top of npm start's, e.g. `--cpu-prof`. */
  readonly nodeArgs?: readonly string[];
  /** Node flags in place of npm start's (heap settings weighed against them). */
  readonly startFlags?: readonly string[];
}

/** The production environment every benchmarked app gets: the bench's Slack, the sandbox, its own SQLite file. */
export function appEnv(options: Pick<AppOptions, 'standIn' | 'sandbox' | 'storeUrl'>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'contacts-bench-'));
  return {
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
  };
}

/** The built app as `npm start` runs it (`node <its flags> dist/index.js`), with a production environment (see test/support/app-process.ts). */
export async function startApp(options: AppOptions): Promise<AppProcess> {
  return startBuiltApp({
    env: appEnv(options),
    ...(options.nodeArgs ? { nodeArgs: options.nodeArgs } : {}),
    ...(options.startFlags ? { startFlags: options.startFlags } : {}),
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
