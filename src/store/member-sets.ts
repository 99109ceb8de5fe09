import type KeyvRedis from '@keyv/redis';
import type KeyvSqlite from '@keyv/sqlite';
import { sqliteTable } from './claims.js';
import { redisDeletePrefix } from './prefix.js';

/**
 * Named sets of strings whose adds and removes never overwrite each other: which workspaces have
 * a digest, say, written by any instance at any time. (A keyv value holding a list would lose
 * one of two concurrent updates.)
 */
export interface MemberSets {
  add(set: string, member: string): Promise<void>;
  remove(set: string, member: string): Promise<void>;
  /** Sorted. */
  members(set: string): Promise<string[]>;
  /** Drops every set whose name starts with `prefix` (a workspace leaving). */
  forget(prefix: string): Promise<void>;
}

/** Redis: SADD, SREM, SMEMBERS. */
export function redisSets(adapter: KeyvRedis<unknown>): MemberSets {
  const connection = () => adapter.getClient();
  return {
    async add(set, member) {
      await (await connection()).sAdd(set, member);
    },
    async remove(set, member) {
      await (await connection()).sRem(set, member);
    },
    async members(set) {
      return (await (await connection()).sMembers(set)).map(String).sort();
    },
    async forget(prefix) {
      await redisDeletePrefix(await connection(), prefix);
    },
  };
}

/** SQLite: a two-column table beside keyv's in the same file. */
export function sqliteSets(adapter: KeyvSqlite): MemberSets {
  const query = sqliteTable(
    adapter,
    'CREATE TABLE IF NOT EXISTS member_sets(name TEXT NOT NULL, member TEXT NOT NULL, PRIMARY KEY(name, member))',
  );
  return {
    async add(set, member) {
      await query('INSERT OR IGNORE INTO member_sets(name, member) VALUES(?, ?)', set, member);
    },
    async remove(set, member) {
      await query('DELETE FROM member_sets WHERE name = ? AND member = ?', set, member);
    },
    async members(set) {
      const rows = await query<{ member: unknown }>(
        'SELECT member FROM member_sets WHERE name = ? ORDER BY member',
        set,
      );
      return rows.map((row) => String(row.member));
    },
    async forget(prefix) {
      await query('DELETE FROM member_sets WHERE substr(name, 1, length(?)) = ?', prefix, prefix);
    },
  };
}

export function memorySets(): MemberSets {
  const sets = new Map<string, Set<string>>();
  return {
    async add(set, member) {
      sets.set(set, (sets.get(set) ?? new Set()).add(member));
    },
    async remove(set, member) {
      sets.get(set)?.delete(member);
    },
    async members(set) {
      return [...(sets.get(set) ?? [])].sort();
    },
    async forget(prefix) {
      for (const name of sets.keys()) if (name.startsWith(prefix)) sets.delete(name);
    },
  };
}
