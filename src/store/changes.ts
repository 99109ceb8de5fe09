import { createClient } from '@keyv/redis';

/** Redis channel on which every instance hears which key another has changed. */
export const CHANGES_CHANNEL = 'contacts:changed';
/** A save waits at most this long to tell the other instances. */
const ANNOUNCE_TIMEOUT_MS = 1000;

/**
 * Word between instances that a stored value changed, so a copy kept in memory is dropped at
 * once rather than when it expires. One instance (SQLite, memory) hears only itself; with Redis,
 * every instance on the same Redis hears every other (pub/sub). Word can be lost (a dropped
 * connection): caches that listen also expire on their own, and a reconnection clears them.
 */
export interface StoreChanges {
  /** Tells every instance, this one included, that `key` changed. Never throws: a lost word only delays. */
  announce(key: string): Promise<void>;
  /**
   * `key` changed (here or elsewhere); a key ending in `:` is a prefix (every key under it was
   * forgotten); `null` means "anything may have changed" (word may have been missed).
   */
  listen(listener: (key: string | null) => void): void;
  close(): Promise<void>;
}

/** One process: word goes straight to the listeners. */
export function localChanges(): StoreChanges {
  const listeners: ((key: string | null) => void)[] = [];
  return {
    async announce(key) {
      for (const listener of listeners) listener(key);
    },
    listen(listener) {
      listeners.push(listener);
    },
    async close() {},
  };
}

/** Socket options for both connections: the connect timeout, and TLS leniency where the host needs it. */
type Socket = { readonly connectTimeout: number; readonly rejectUnauthorized?: false };

const connection = (url: string, socket: Socket) =>
  createClient({
    url,
    // Fail at once while Redis is away rather than queue: a lost word only delays, a stuck save is worse.
    disableOfflineQueue: true,
    socket: { ...socket, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 3000) },
  });
type RedisClient = ReturnType<typeof connection>;

/**
 * Redis pub/sub on a connection of its own (a subscribed connection can do nothing else), and one
 * for publishing, both opened on first use. Until the subscription is up, and after any reconnect,
 * listeners are told that anything may have changed.
 */
export function redisChanges(url: string, socket: Socket): StoreChanges {
  const listeners: ((key: string | null) => void)[] = [];
  const tell = (key: string | null) => {
    for (const listener of listeners) listener(key);
  };
  const clients: RedisClient[] = [];
  let subscriber: Promise<RedisClient> | undefined;
  let publisher: Promise<RedisClient> | undefined;
  const open = async (): Promise<RedisClient> => {
    const client = connection(url, socket);
    clients.push(client);
    client.on('error', () => {}); // reconnects on its own; the caches expire meanwhile
    await client.connect();
    return client;
  };
  const subscribe = async (): Promise<RedisClient> => {
    const client = await open();
    client.on('ready', () => tell(null)); // back after a drop: word may have been missed
    await client.subscribe(CHANGES_CHANNEL, (key) => tell(key));
    return client;
  };
  return {
    async announce(key) {
      tell(key); // this instance at once, whatever Redis does
      let timer: NodeJS.Timeout | undefined;
      try {
        publisher ??= open();
        const deadline = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('no answer')), ANNOUNCE_TIMEOUT_MS);
        });
        await Promise.race([publisher.then((client) => client.publish(CHANGES_CHANNEL, key)), deadline]);
      } catch {
        publisher = undefined; // the next announcement tries a new connection
      } finally {
        clearTimeout(timer);
      }
    },
    listen(listener) {
      listeners.push(listener);
      if (!subscriber) {
        subscriber = subscribe();
        subscriber.catch(() => {
          subscriber = undefined;
        });
      }
    },
    async close() {
      // At once, even mid-connect: nothing is waiting on these connections but word of changes.
      for (const client of clients.splice(0)) {
        if (client.isOpen) client.destroy();
      }
    },
  };
}
