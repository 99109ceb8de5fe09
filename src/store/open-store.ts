import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import KeyvRedis from '@keyv/redis';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { localChanges, redisChanges, type StoreChanges } from './changes.js';
import { type Claims, memoryClaims, redisClaims, sqliteClaims } from './claims.js';
import { type DueIndex, memoryDueIndex, redisDueIndex, sqliteDueIndex } from './due-index.js';
import { type ForgetPrefix, memoryForget, redisForget, sqliteForget } from './forget-prefix.js';
import { type MemberSets, memorySets, redisSets, sqliteSets } from './member-sets.js';

/** Where state lives when `STORE_URL` is unset: a SQLite file beside the app. */
export const DEFAULT_STORE_URL = 'sqlite://./data/contacts.sqlite';

/** A health check that takes longer than this counts as a failure. */
const PING_TIMEOUT_MS = 2000;

export type StoreKind = 'sqlite' | 'redis' | 'memory';

/** The store cannot be opened or reached. Names where (the URL without its password) and why, nothing more. */
export class StoreUnavailableError extends Error {
  constructor(
    readonly where: string,
    readonly reason: string,
    /** The setting the URL came from, for the operator to check. */
    readonly setting = 'STORE_URL',
  ) {
    super(`the store at ${where} cannot be used: ${reason}`);
    this.name = 'StoreUnavailableError';
  }
}

/** What node-redis throws while Redis is away or the connection drops (the classes of @redis/client's errors.js). */
const REDIS_CONNECTION_ERRORS = new Set([
  'ClientOfflineError',
  'ClientClosedError',
  'ConnectionTimeoutError',
  'SocketClosedUnexpectedlyError',
  'SocketTimeoutError',
  'DisconnectsClientError',
  'ReconnectStrategyError',
]);
/** Network errors on the way to Redis, and SQLite's "cannot open / locked too long / I/O failed". */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'SQLITE_BUSY',
  'SQLITE_CANTOPEN',
  'SQLITE_IOERR',
]);

/**
 * True when `error` says the store did not answer (Redis away or restarting, its connection
 * dropped, SQLite locked or unreadable) rather than that something was wrong with what was asked:
 * a known kind of failure that passes by itself, so people can honestly be told to try again.
 */
export function isStoreOutage(error: unknown): boolean {
  if (error instanceof StoreUnavailableError) return true;
  if (!(error instanceof Error)) return false;
  if (REDIS_CONNECTION_ERRORS.has(error.constructor.name)) return true;
  // @keyv/redis's own words when its client cannot connect (RedisErrorMessages.RedisClientNotConnectedThrown).
  if (error.message.startsWith('Redis client is not connected')) return true;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && UNREACHABLE_CODES.has(code);
}

/** A store URL fit for a log line or an error: any password in it is masked. */
export function describeStoreUrl(url: string): string {
  return url.replace(/^(rediss?:\/\/)([^@/]*)@/, (_all, scheme: string, auth: string) =>
    auth.includes(':') ? `${scheme}${auth.slice(0, auth.indexOf(':') + 1)}***@` : `${scheme}***@`,
  );
}

/**
 * The one key-value store every repository shares. Keys carry their own prefixes
 * (`ws:<workspace>:…`), so workspaces are separated by construction, not by configuration.
 * Errors throw: each repository decides whether a failure may pass (a cache) or not (settings).
 */
export interface Store {
  readonly kind: StoreKind;
  readonly keyv: Keyv;
  /** Word between instances that a value changed, for copies kept in memory (see changes.ts). */
  readonly changes: StoreChanges;
  /** Atomic claims with a lease (the digest's exactly-once), on the same backend. */
  readonly claims: Claims;
  /** Sets that concurrent writers can add to and remove from safely, on the same backend. */
  readonly sets: MemberSets;
  /** Members by when each is next due (the scheduled jobs' workspaces), read by time, on the same backend. */
  readonly due: DueIndex;
  /** Deletes every value, claim, set and index under a prefix (a workspace leaving), unrecoverably. */
  readonly forget: ForgetPrefix;
  /** True when a round trip to the backend works: for health checks. */
  ping(): Promise<boolean>;
  /**
   * Resolves once the backend has answered; rejects with `StoreUnavailableError` saying why it
   * cannot (a file that cannot be opened, a Redis that does not answer). Checked at start-up.
   */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** `sqlite://./data/x.sqlite` is relative to the working directory; `sqlite:///var/lib/x.sqlite` is absolute. */
function sqlitePath(url: string): string {
  const path = url.slice('sqlite://'.length);
  if (!path) throw new Error('STORE_URL sqlite:// needs a file path, e.g. sqlite://./data/contacts.sqlite');
  return resolve(path);
}

/**
 * @keyv/redis connects on first use, but two first uses at once race: `isOpen` turns true as the
 * first starts connecting, so the second gets a client that is not ready and (offline queue off)
 * fails. Every caller waits for the one connection in progress instead.
 */
class KeyvRedisConnectingOnce extends KeyvRedis<unknown> {
  private connecting: ReturnType<KeyvRedis<unknown>['getClient']> | undefined;

  override getClient(): ReturnType<KeyvRedis<unknown>['getClient']> {
    if ('isReady' in this.client && this.client.isReady) return super.getClient();
    this.connecting ??= super.getClient().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }
}

/** How long start-up waits for the backend before saying it cannot be reached. */
const READY_TIMEOUT_MS = 5000;

type Backend = Pick<Store, 'kind' | 'keyv' | 'changes' | 'claims' | 'sets' | 'due' | 'forget'>;

export interface StoreOptions {
  /**
   * Accept a Redis server's TLS certificate without verifying it. Only for a host that serves
   * a self-signed one and says so (Heroku's Key-Value Store); the connection is still encrypted.
   */
  readonly tlsUnverified?: boolean;
  /** The setting the URL came from (STORE_URL unless said), named when the store cannot be used. */
  readonly setting?: string;
  /** Told of every failed operation and every connection error the backend reports (for counting). */
  readonly onError?: (error: unknown) => void;
}

function describe(url: string, options: StoreOptions): Backend {
  if (url === 'memory:') {
    const keyv = new Keyv({ throwOnErrors: true });
    const [claims, sets, due] = [memoryClaims(), memorySets(), memoryDueIndex()];
    const forget = memoryForget(keyv, [claims, sets, due]);
    return { kind: 'memory', keyv, changes: localChanges(), claims, sets, due, forget };
  }
  if (url.startsWith('sqlite://')) {
    const path = sqlitePath(url);
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (error) {
      throw new StoreUnavailableError(
        describeStoreUrl(url),
        `its folder cannot be created (${folderProblem(error)})`,
        options.setting,
      );
    }
    const store = new KeyvSqlite({ uri: `sqlite://${path}`, busyTimeout: 5000 });
    // Write-ahead log: readers never wait for the writer (the next command's reads never wait for
    // the chart kept after the last answer), and a commit is one append instead of a rewritten
    // journal (a digest run writes a dozen rows per workspace). Kept in the file, so every process
    // on it agrees. NORMAL sync in WAL mode survives any crash of the app.
    store.query('PRAGMA journal_mode = WAL').catch(() => {});
    store.query('PRAGMA synchronous = NORMAL').catch(() => {});
    // What is deleted is overwritten with zeros, not left in free pages (an uninstalled
    // workspace's login must not be readable from the file).
    store.query('PRAGMA secure_delete = ON').catch(() => {});
    const keyv = new Keyv({ store, throwOnErrors: true, useKeyPrefix: false });
    const [claims, sets, due] = [sqliteClaims(store), sqliteSets(store), sqliteDueIndex(store)];
    const forget = sqliteForget(store, [claims, sets, due]);
    return { kind: 'sqlite', keyv, changes: localChanges(), claims, sets, due, forget };
  }
  if (url.startsWith('redis://') || url.startsWith('rediss://')) {
    // Fail fast while Redis is away instead of queueing commands (and Slack requests) without end.
    const tls = options.tlsUnverified ? ({ rejectUnauthorized: false } as const) : {};
    const client = {
      url,
      disableOfflineQueue: true,
      socket: {
        connectTimeout: 3000,
        reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 3000),
        ...tls,
      },
    };
    const store = new KeyvRedisConnectingOnce(client, {
      throwOnConnectError: true,
      throwOnErrors: true,
      connectionTimeout: 3000,
    });
    const keyv = new Keyv({ store, throwOnErrors: true, useKeyPrefix: false });
    const changes = redisChanges(url, { connectTimeout: 3000, ...tls });
    return {
      kind: 'redis',
      keyv,
      changes,
      claims: redisClaims(store),
      sets: redisSets(store),
      due: redisDueIndex(store),
      forget: redisForget(store),
    };
  }
  throw new Error('STORE_URL must start with sqlite://, redis:// or rediss:// (or be memory: for one process)');
}

function folderProblem(error: unknown): string {
  const code = codeOf(error);
  if (code === 'EEXIST' || code === 'ENOTDIR') return 'part of that path is a file, not a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'read-only file system';
  return code;
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.message : String(error);
}

/** Why the backend does not answer, in words an operator can act on. */
function reasonOf(kind: StoreKind, lastError: unknown, setting = 'STORE_URL'): string {
  const code = codeOf(lastError);
  if (kind === 'redis') {
    if (code === 'ECONNREFUSED') return 'nothing is listening there (connection refused); is Redis running?';
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'that host name cannot be resolved';
    if (/WRONGPASS|NOAUTH/.test(code)) return `Redis refused the password in ${setting}`;
    if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) return `its TLS certificate cannot be verified (${code})`;
    return `Redis does not answer (${code})`;
  }
  if (code === 'SQLITE_CANTOPEN') return 'the SQLite file cannot be opened or created there';
  if (code === 'SQLITE_NOTADB') return 'that file is not a SQLite database';
  return code;
}

/** Asks the backend once, within a deadline; the adapter's own error events say why it failed. */
async function checkReady(
  kind: StoreKind,
  keyv: Keyv,
  where: string,
  errors: unknown[],
  setting: string | undefined,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
  });
  try {
    await Promise.race([keyv.get('health:ready'), deadline]);
  } catch (error) {
    throw new StoreUnavailableError(where, reasonOf(kind, errors[0] ?? error, setting), setting);
  } finally {
    clearTimeout(timer);
  }
}

/** The same operations, each failure told to `onError` before it is thrown on to the caller. */
function counting<T extends object>(operations: T, onError: (error: unknown) => void): T {
  const wrapped = Object.entries(operations).map(([name, operation]) => [
    name,
    async (...args: unknown[]) => {
      try {
        return await (operation as (...a: unknown[]) => Promise<unknown>).apply(operations, args);
      } catch (error) {
        onError(error);
        throw error;
      }
    },
  ]);
  return Object.fromEntries(wrapped) as T;
}

export function openStore(url: string = DEFAULT_STORE_URL, options: StoreOptions = {}): Store {
  const where = describeStoreUrl(url);
  const { kind, keyv, changes, claims, sets, due, forget } = describe(url, options);
  // Without a listener an adapter's error event would crash the process; the throw reaches the caller anyway.
  // The first few are kept: they say why the backend could not be reached at start-up.
  const errors: unknown[] = [];
  const onError = options.onError ?? (() => {});
  keyv.on('error', (error: unknown) => {
    if (errors.length < 5) errors.push(error);
    onError(error);
  });
  // Asked now, not later: @keyv/sqlite rejects its connection promise unobserved when the file
  // cannot be opened, and an unobserved rejection would end the process.
  const ready = checkReady(kind, keyv, where, errors, options.setting);
  ready.catch(() => {});
  return {
    kind,
    keyv,
    changes,
    // keyv reports its own failures above; these go to the backend beside it.
    claims: counting(claims, onError),
    sets: counting(sets, onError),
    due: counting(due, onError),
    // Copies kept in memory on every instance (settings, logins) go with what was forgotten.
    async forget(prefix) {
      await forget(prefix);
      await changes.announce(prefix);
    },
    ready: () => ready,
    async ping() {
      const roundTrip = (async () => {
        await keyv.set('health:ping', Date.now(), 10_000);
        return (await keyv.get('health:ping')) !== undefined;
      })();
      const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), PING_TIMEOUT_MS).unref());
      return Promise.race([roundTrip.catch(() => false), timeout]);
    },
    async close() {
      await Promise.all([keyv.disconnect(), changes.close()]);
    },
  };
}
