import type KeyvRedis from '@keyv/redis';
import type KeyvSqlite from '@keyv/sqlite';
import { redisDeletePrefix } from './prefix.js';

/**
 * Atomic claims with a lease: at most one owner holds a key at a time, across every instance
 * on the same store. A holder that dies simply stops renewing; the key is free again when the
 * lease runs out. Leases are measured in real time (Redis's own clock, or this machine's for
 * SQLite): they are about processes staying alive, not about the business clock.
 */
export interface Claims {
  /** True when `owner` now holds `key` for `leaseMs`: nobody held it, or their lease ran out. */
  claim(key: string, owner: string, leaseMs: number): Promise<boolean>;
  /** Lets go of `key` if `owner` still holds it (someone who took over after a lease ran out keeps it). */
  release(key: string, owner: string): Promise<void>;
  /** Drops every claim whose key starts with `prefix` (a workspace leaving). */
  forget(prefix: string): Promise<void>;
}

/** Deletes the key only if its value is still ours: check and delete in one step on the server. */
const RELEASE_IF_OWNER = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0";

/** Redis: `SET key owner NX PX lease` is the claim, a Lua compare-and-delete the release. */
export function redisClaims(adapter: KeyvRedis<unknown>): Claims {
  // The store's adapter connects once, however many callers arrive at the same time (open-store.ts).
  const connection = () => adapter.getClient();
  return {
    async claim(key, owner, leaseMs) {
      const client = await connection();
      return (await client.set(key, owner, { NX: true, PX: leaseMs })) === 'OK';
    },
    async release(key, owner) {
      const client = await connection();
      await client.eval(RELEASE_IF_OWNER, { keys: [key], arguments: [owner] });
    },
    async forget(prefix) {
      await redisDeletePrefix(await connection(), prefix);
    },
  };
}

/**
 * Queries on a table of our own beside keyv's, in the same SQLite file, created (with any indexes
 * of its own, in the order given) on first use. A file that cannot be opened is reported by the
 * store's ready(); the queries rethrow it.
 */
export function sqliteTable(adapter: KeyvSqlite, ...schema: readonly string[]) {
  const ready = schema.reduce<Promise<unknown>>(
    (done, statement) => done.then(() => adapter.query(statement)),
    Promise.resolve(),
  );
  ready.catch(() => {});
  return async <Row>(sql: string, ...args: unknown[]): Promise<Row[]> => {
    await ready;
    return (await adapter.query(sql, ...args)) as Row[];
  };
}

/** How often SQLite's expired claims are deleted. */
const SWEEP_EVERY_MS = 60_000;

/**
 * SQLite: a table beside keyv's in the same file. One upsert statement takes a free or expired
 * claim and says (RETURNING) whether it did; SQLite runs it atomically, across processes too.
 */
export function sqliteClaims(adapter: KeyvSqlite): Claims {
  const query = sqliteTable(
    adapter,
    // WITHOUT ROWID: the key is the table's only b-tree, so a claim (one per Slack request, the
    // replay check's) writes one tree instead of a row plus its key index; measured: 1.13 → 1.02
    // ms CPU per warm /contacts on SQLite (npm run bench). An older file keeps its first table.
    'CREATE TABLE IF NOT EXISTS claims(key TEXT PRIMARY KEY, owner TEXT NOT NULL, expires_at INTEGER NOT NULL) WITHOUT ROWID',
  );
  let sweptAt = 0;
  return {
    async claim(key, owner, leaseMs) {
      const now = Date.now();
      // Redis forgets an expired claim by itself; here expired rows (every Slack request's
      // signature among them) are swept now and then. An expired claim is free either way.
      if (now - sweptAt > SWEEP_EVERY_MS) {
        sweptAt = now;
        await query('DELETE FROM claims WHERE expires_at <= ?', now);
      }
      const taken = await query<{ owner: string }>(
        `INSERT INTO claims(key, owner, expires_at) VALUES(?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
         WHERE claims.expires_at <= ?
         RETURNING owner`,
        key,
        owner,
        now + leaseMs,
        now,
      );
      return taken.length === 1;
    },
    async release(key, owner) {
      await query('DELETE FROM claims WHERE key = ? AND owner = ?', key, owner);
    },
    async forget(prefix) {
      await query('DELETE FROM claims WHERE substr(key, 1, length(?)) = ?', prefix, prefix);
    },
  };
}

/** One process only (`memory:`): a map is atomic enough where nothing runs in parallel. */
export function memoryClaims(): Claims {
  const held = new Map<string, { owner: string; expiresAt: number }>();
  return {
    async claim(key, owner, leaseMs) {
      const now = Date.now();
      const current = held.get(key);
      if (current && current.expiresAt > now) return false;
      held.set(key, { owner, expiresAt: now + leaseMs });
      return true;
    },
    async release(key, owner) {
      if (held.get(key)?.owner === owner) held.delete(key);
    },
    async forget(prefix) {
      for (const key of held.keys()) if (key.startsWith(prefix)) held.delete(key);
    },
  };
}
