import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import KeyvRedis from '@keyv/redis';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { type Claims, memoryClaims, redisClaims, sqliteClaims } from './claims.js';
import { type MemberSets, memorySets, redisSets, sqliteSets } from './member-sets.js';

/** Where state lives when `STORE_URL` is unset: a SQLite file beside the app. */
export const DEFAULT_STORE_URL = 'sqlite://./data/contacts.sqlite';

/** A health check that takes longer than this counts as a failure. */
const PING_TIMEOUT_MS = 2000;

export type StoreKind = 'sqlite' | 'redis' | 'memory';

/**
 * The one key-value store every repository shares. Keys carry their own prefixes
 * (`ws:<workspace>:…`), so workspaces are separated by construction, not by configuration.
 * Errors throw: each repository decides whether a failure may pass (a cache) or not (settings).
 */
export interface Store {
  readonly kind: StoreKind;
  readonly keyv: Keyv;
  /** Atomic claims with a lease (the digest's exactly-once), on the same backend. */
  readonly claims: Claims;
  /** Sets that concurrent writers can add to and remove from safely, on the same backend. */
  readonly sets: MemberSets;
  /** True when a round trip to the backend works: for health checks. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** `sqlite://./data/x.sqlite` is relative to the working directory; `sqlite:///var/lib/x.sqlite` is absolute. */
function sqlitePath(url: string): string {
  const path = url.slice('sqlite://'.length);
  if (!path) throw new Error('STORE_URL sqlite:// needs a file path, e.g. sqlite://./data/contacts.sqlite');
  return resolve(path);
}

type Backend = Pick<Store, 'kind' | 'keyv' | 'claims' | 'sets'>;

function describe(url: string): Backend {
  if (url === 'memory:') {
    return { kind: 'memory', keyv: new Keyv({ throwOnErrors: true }), claims: memoryClaims(), sets: memorySets() };
  }
  if (url.startsWith('sqlite://')) {
    const path = sqlitePath(url);
    mkdirSync(dirname(path), { recursive: true });
    const store = new KeyvSqlite({ uri: `sqlite://${path}`, busyTimeout: 5000 });
    // Write-ahead log: readers never wait for the writer, and a commit is one append instead of a
    // rewritten journal (a digest run writes a dozen rows per workspace). Kept in the file, so
    // every process on it agrees. NORMAL sync in WAL mode survives any crash of the app.
    void store.query('PRAGMA journal_mode = WAL').catch(() => {});
    void store.query('PRAGMA synchronous = NORMAL').catch(() => {});
    const keyv = new Keyv({ store, throwOnErrors: true, useKeyPrefix: false });
    return { kind: 'sqlite', keyv, claims: sqliteClaims(store), sets: sqliteSets(store) };
  }
  if (url.startsWith('redis://') || url.startsWith('rediss://')) {
    // Fail fast while Redis is away instead of queueing commands (and Slack requests) without end.
    const client = {
      url,
      disableOfflineQueue: true,
      socket: { connectTimeout: 3000, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 3000) },
    };
    const store = new KeyvRedis(client, { throwOnConnectError: true, throwOnErrors: true });
    const keyv = new Keyv({ store, throwOnErrors: true, useKeyPrefix: false });
    return { kind: 'redis', keyv, claims: redisClaims(store), sets: redisSets(store) };
  }
  throw new Error('STORE_URL must start with sqlite://, redis:// or rediss:// (or be memory: for tests)');
}

export function openStore(url: string = DEFAULT_STORE_URL): Store {
  const { kind, keyv, claims, sets } = describe(url);
  // Without a listener an adapter's error event would crash the process; the throw reaches the caller anyway.
  keyv.on('error', () => {});
  return {
    kind,
    keyv,
    claims,
    sets,
    async ping() {
      const roundTrip = (async () => {
        await keyv.set('health:ping', Date.now(), 10_000);
        return (await keyv.get('health:ping')) !== undefined;
      })();
      const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), PING_TIMEOUT_MS).unref());
      return Promise.race([roundTrip.catch(() => false), timeout]);
    },
    async close() {
      await keyv.disconnect();
    },
  };
}
