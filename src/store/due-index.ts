import { randomBytes } from 'node:crypto';
import type KeyvRedis from '@keyv/redis';
import type KeyvSqlite from '@keyv/sqlite';
import { sqliteTable } from './claims.js';
import { redisDeletePrefix } from './prefix.js';

/** One member's place in an index: when it is next due, and the token of the last `set`. */
export interface DueEntry {
  readonly member: string;
  readonly dueAt: number;
  /** New with every `set`, kept by `settle`: what a settle checks to know nobody changed the entry meanwhile. */
  readonly token: string;
}

/**
 * Named indexes of members by when each is next due (which workspaces a scheduled job must look
 * at, and from when), so that a tick reads only what is due instead of every member. Any instance
 * may write at any time: `set` always wins; `settle` (a run writing down when its workspace is
 * next due) only if nothing changed the entry since it was read, so a run never undoes a `set`
 * made while it ran (a schedule saved meanwhile), nor brings back a member taken out.
 */
export interface DueIndex {
  /** Puts `member` in `index`, due at `dueAt`, under a new token. */
  set(index: string, member: string, dueAt: number): Promise<void>;
  /** The members due at `now` (`dueAt <= now`), earliest first; at most `limit` of them. */
  due(index: string, now: number, limit?: number): Promise<DueEntry[]>;
  entry(index: string, member: string): Promise<DueEntry | undefined>;
  /**
   * Moves `member` to `dueAt`, or takes it out (`null`), only if its entry is still the one read:
   * the same token, or (`seen` null) still none. True when it was.
   */
  settle(index: string, member: string, seen: string | null, dueAt: number | null): Promise<boolean>;
  remove(index: string, member: string): Promise<void>;
  /** Puts each of `members` that `index` lacks in it, due at `dueAt`; how many it put in. */
  addMissing(index: string, members: readonly string[], dueAt: number): Promise<number>;
  /** Drops every index whose name starts with `prefix`. */
  forget(prefix: string): Promise<void>;
}

const newToken = () => randomBytes(6).toString('hex');
/** Members added per statement or script call: bounded so that none holds the store for long. */
const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Redis keeps an index as a sorted set (member → dueAt) beside a hash of tokens (member → token). */
const tokensKey = (index: string) => `${index}:tokens`;

/** ZRANGEBYSCORE with each member's token, in one round trip: [member, score, token, …]. */
const DUE = `
local found = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'WITHSCORES', 'LIMIT', 0, ARGV[2])
local out = {}
for i = 1, #found, 2 do
  out[#out + 1] = found[i]
  out[#out + 1] = found[i + 1]
  out[#out + 1] = redis.call('HGET', KEYS[2], found[i]) or ''
end
return out`;

/** ARGV: member, dueAt, token. */
const SET = `
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
return 1`;

const ENTRY = `return {redis.call('ZSCORE', KEYS[1], ARGV[1]), redis.call('HGET', KEYS[2], ARGV[1])}`;

const REMOVE = `
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
return 1`;

/** ARGV: member, seen token ('' = none), dueAt ('' = take out), a token for an entry made here. */
const SETTLE = `
local token = redis.call('HGET', KEYS[2], ARGV[1])
if ARGV[2] == '' then
  if token then return 0 end
  if ARGV[3] ~= '' then
    redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
    redis.call('HSET', KEYS[2], ARGV[1], ARGV[4])
  end
  return 1
end
if token ~= ARGV[2] then return 0 end
if ARGV[3] == '' then
  redis.call('ZREM', KEYS[1], ARGV[1])
  redis.call('HDEL', KEYS[2], ARGV[1])
else
  redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
end
return 1`;

/** ARGV: dueAt, then member and token pairs; adds those not in the index. */
const ADD_MISSING = `
local added = 0
for i = 2, #ARGV, 2 do
  if not redis.call('ZSCORE', KEYS[1], ARGV[i]) then
    redis.call('ZADD', KEYS[1], ARGV[1], ARGV[i])
    redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
    added = added + 1
  end
end
return added`;

/** Redis: a sorted set (ZRANGEBYSCORE … LIMIT reads what is due) and a hash of tokens, changed together. */
export function redisDueIndex(adapter: KeyvRedis<unknown>): DueIndex {
  const connection = () => adapter.getClient();
  /** Each change touches the sorted set and the hash together, in one script: never one without the other. */
  const script = async (lua: string, index: string, args: string[]): Promise<unknown> =>
    (await connection()).eval(lua, { keys: [index, tokensKey(index)], arguments: args });
  return {
    async set(index, member, dueAt) {
      await script(SET, index, [member, String(dueAt), newToken()]);
    },
    async due(index, now, limit = -1) {
      const flat = (await script(DUE, index, [String(now), String(limit)])) as string[];
      const entries: DueEntry[] = [];
      for (let i = 0; i < flat.length; i += 3)
        entries.push({ member: String(flat[i]), dueAt: Number(flat[i + 1]), token: String(flat[i + 2]) });
      return entries;
    },
    async entry(index, member) {
      const [score, token] = (await script(ENTRY, index, [member])) as [string | null, string | null];
      return score === null ? undefined : { member, dueAt: Number(score), token: token ?? '' };
    },
    async settle(index, member, seen, dueAt) {
      const done = await script(SETTLE, index, [member, seen ?? '', dueAt === null ? '' : String(dueAt), newToken()]);
      return Number(done) === 1;
    },
    async remove(index, member) {
      await script(REMOVE, index, [member]);
    },
    async addMissing(index, members, dueAt) {
      let added = 0;
      for (const chunk of chunks(members)) {
        const pairs = chunk.flatMap((member) => [member, newToken()]);
        added += Number(await script(ADD_MISSING, index, [String(dueAt), ...pairs]));
      }
      return added;
    },
    async forget(prefix) {
      await redisDeletePrefix(await connection(), prefix);
    },
  };
}

interface Row {
  member: unknown;
  dueAt: unknown;
  token: unknown;
}
const entryOf = (row: Row): DueEntry => ({
  member: String(row.member),
  dueAt: Number(row.dueAt),
  token: String(row.token),
});

/** SQLite: a table beside keyv's in the same file, read by (index, due time) through an index of its own. */
export function sqliteDueIndex(adapter: KeyvSqlite): DueIndex {
  const query = sqliteTable(
    adapter,
    `CREATE TABLE IF NOT EXISTS due_index(name TEXT NOT NULL, member TEXT NOT NULL, due_at INTEGER NOT NULL,
       token TEXT NOT NULL, PRIMARY KEY(name, member)) WITHOUT ROWID`,
    'CREATE INDEX IF NOT EXISTS due_index_by_time ON due_index(name, due_at)',
  );
  const COLUMNS = 'member, due_at AS dueAt, token';
  const entry = async (index: string, member: string) => {
    const [row] = await query<Row>(`SELECT ${COLUMNS} FROM due_index WHERE name = ? AND member = ?`, index, member);
    return row ? entryOf(row) : undefined;
  };
  return {
    async set(index, member, dueAt) {
      await query(
        `INSERT INTO due_index(name, member, due_at, token) VALUES(?, ?, ?, ?)
         ON CONFLICT(name, member) DO UPDATE SET due_at = excluded.due_at, token = excluded.token`,
        index,
        member,
        dueAt,
        newToken(),
      );
    },
    async due(index, now, limit = -1) {
      const rows = await query<Row>(
        `SELECT ${COLUMNS} FROM due_index WHERE name = ? AND due_at <= ? ORDER BY due_at LIMIT ?`,
        index,
        now,
        limit,
      );
      return rows.map(entryOf);
    },
    entry,
    async settle(index, member, seen, dueAt) {
      if (seen === null && dueAt === null) return (await entry(index, member)) === undefined;
      const changed =
        seen === null
          ? await query(
              `INSERT INTO due_index(name, member, due_at, token) VALUES(?, ?, ?, ?)
               ON CONFLICT(name, member) DO NOTHING RETURNING member`,
              index,
              member,
              dueAt,
              newToken(),
            )
          : dueAt === null
            ? await query(
                'DELETE FROM due_index WHERE name = ? AND member = ? AND token = ? RETURNING member',
                index,
                member,
                seen,
              )
            : await query(
                'UPDATE due_index SET due_at = ? WHERE name = ? AND member = ? AND token = ? RETURNING member',
                dueAt,
                index,
                member,
                seen,
              );
      return changed.length === 1;
    },
    async remove(index, member) {
      await query('DELETE FROM due_index WHERE name = ? AND member = ?', index, member);
    },
    async addMissing(index, members, dueAt) {
      let added = 0;
      for (const chunk of chunks(members)) {
        const rows = await query(
          `INSERT INTO due_index(name, member, due_at, token) VALUES ${chunk.map(() => '(?, ?, ?, ?)').join(', ')}
           ON CONFLICT(name, member) DO NOTHING RETURNING member`,
          ...chunk.flatMap((member) => [index, member, dueAt, newToken()]),
        );
        added += rows.length;
      }
      return added;
    },
    async forget(prefix) {
      await query('DELETE FROM due_index WHERE substr(name, 1, length(?)) = ?', prefix, prefix);
    },
  };
}

/** One process only (`memory:`). */
export function memoryDueIndex(): DueIndex {
  const indexes = new Map<string, Map<string, { dueAt: number; token: string }>>();
  const of = (index: string) => {
    const entries = indexes.get(index) ?? new Map<string, { dueAt: number; token: string }>();
    indexes.set(index, entries);
    return entries;
  };
  return {
    async set(index, member, dueAt) {
      of(index).set(member, { dueAt, token: newToken() });
    },
    async due(index, now, limit = -1) {
      const due = [...of(index)]
        .filter(([, entry]) => entry.dueAt <= now)
        .map(([member, entry]) => ({ member, ...entry }))
        .sort((a, b) => a.dueAt - b.dueAt);
      return limit < 0 ? due : due.slice(0, limit);
    },
    async entry(index, member) {
      const entry = of(index).get(member);
      return entry ? { member, ...entry } : undefined;
    },
    async settle(index, member, seen, dueAt) {
      const entries = of(index);
      const current = entries.get(member);
      if ((current?.token ?? null) !== seen) return false;
      if (dueAt === null) entries.delete(member);
      else entries.set(member, { dueAt, token: current?.token ?? newToken() });
      return true;
    },
    async remove(index, member) {
      of(index).delete(member);
    },
    async addMissing(index, members, dueAt) {
      const entries = of(index);
      let added = 0;
      for (const member of members) {
        if (entries.has(member)) continue;
        entries.set(member, { dueAt, token: newToken() });
        added++;
      }
      return added;
    },
    async forget(prefix) {
      for (const name of indexes.keys()) if (name.startsWith(prefix)) indexes.delete(name);
    },
  };
}
