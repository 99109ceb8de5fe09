import type KeyvRedis from '@keyv/redis';
import type KeyvSqlite from '@keyv/sqlite';
import type Keyv from 'keyv';
import { redisDeletePrefix } from './prefix.js';

/** Deletes every value, claim, set and index whose key starts with a prefix, beyond recovery from the backend's files. */
export type ForgetPrefix = (prefix: string) => Promise<void>;

/** What keeps its own keys beside keyv's values (claims, sets, due indexes), each forgetting its own under a prefix. */
interface ForgetsOwn {
  forget(prefix: string): Promise<void>;
}

/** How often a checkpoint that other connections keep busy is tried again. */
const CHECKPOINT_TRIES = 5;

/**
 * SQLite: the rows go, and (with `secure_delete` on, see open-store.ts) their bytes are zeroed
 * in the pages written. In WAL mode those pages go to the -wal file first and the old ones stay
 * in the database until a checkpoint; older frames holding the data stay in the -wal file until
 * it is reset. A TRUNCATE checkpoint does both: afterwards neither file holds what was deleted.
 */
export function sqliteForget(adapter: KeyvSqlite, tables: readonly ForgetsOwn[]): ForgetPrefix {
  const table = adapter.opts.table ?? 'keyv';
  return async (prefix) => {
    await adapter.query(`DELETE FROM ${table} WHERE substr(key, 1, length(?)) = ?`, prefix, prefix);
    for (const own of tables) await own.forget(prefix);
    for (let attempt = 1; attempt <= CHECKPOINT_TRIES; attempt++) {
      const [result] = (await adapter.query('PRAGMA wal_checkpoint(TRUNCATE)')) as { busy: number }[];
      if (!result?.busy) return;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
    throw new Error('the SQLite write-ahead log could not be checkpointed: another process keeps it busy');
  };
}

/** Redis: claims, sets and indexes are keys of their own; keyv's values carry the adapter's namespace in front. */
export function redisForget(adapter: KeyvRedis<unknown>): ForgetPrefix {
  return async (prefix) => {
    const client = await adapter.getClient();
    await redisDeletePrefix(client, adapter.createKeyPrefix(prefix, adapter.namespace));
    await redisDeletePrefix(client, prefix);
  };
}

/** Memory (`memory:`, one process): keyv's Map (its keys carry keyv's namespace), the claims, the sets and the indexes. */
export function memoryForget(keyv: Keyv, own: readonly ForgetsOwn[]): ForgetPrefix {
  return async (prefix) => {
    const map = keyv.store as Map<string, unknown>;
    const stored = keyv.namespace ? `${keyv.namespace}:${prefix}` : prefix;
    for (const key of [...map.keys()]) if (key.startsWith(stored)) map.delete(key);
    for (const part of own) await part.forget(prefix);
  };
}
