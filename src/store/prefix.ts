import type KeyvRedis from '@keyv/redis';

type RedisClient = Awaited<ReturnType<KeyvRedis<unknown>['getClient']>>;

/** A prefix as a literal in a Redis SCAN pattern: `*`, `?`, `[`, `]` and `\` match only themselves. */
export function globLiteral(prefix: string): string {
  return prefix.replace(/[*?[\]\\]/g, '\\$&');
}

/** Redis: every key that starts with `prefix` (values, claims and sets alike), found by SCAN and deleted. */
export async function redisDeletePrefix(client: RedisClient, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const page = await client.scan(cursor, { MATCH: `${globLiteral(prefix)}*`, COUNT: 200 });
    if (page.keys.length > 0) await client.del(page.keys);
    cursor = String(page.cursor);
  } while (cursor !== '0');
}
