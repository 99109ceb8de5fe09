import { createClient } from '@keyv/redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CachedReads } from '../../../src/store/cached-reads.js';
import { workspaceKey } from '../../../src/store/keys.js';
import { openStore, type Store } from '../../../src/store/open-store.js';
import { SecretBox } from '../../../src/store/secret-box.js';
import { TellodyCredentialsRepository } from '../../../src/store/tellody-credentials.js';
import { WorkspaceSettingsRepository } from '../../../src/store/workspace-settings.js';
import { startRedis } from '../../support/redis-server.js';

const KEY = 'c'.repeat(64);
/** Long enough that only word of a change can make an instance see it within these tests. */
const FOR_GOOD = { max: 100, ttlMs: 10 * 60_000 };
const ATHENS = { weekStart: 1 as const, zone: 'Europe/Athens', updatedAt: 1 };
const KOLKATA = { weekStart: 0 as const, zone: 'Asia/Kolkata', updatedAt: 2 };

/** Asks until `read` gives what `expected` wants (word between instances takes a moment), or gives up after 5 s. */
async function eventually<T>(read: () => Promise<T>, expected: (value: T) => boolean): Promise<T> {
  const started = Date.now();
  let value = await read();
  while (!expected(value) && Date.now() - started < 5000) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    value = await read();
  }
  return value;
}

describe('settings kept in memory, one instance', () => {
  let store: Store;
  beforeAll(() => {
    store = openStore('memory:');
  });
  afterAll(() => store.close());

  it('keeps what it read, absences too, until a save drops the copy', async () => {
    const settings = new WorkspaceSettingsRepository(store, FOR_GOOD);
    expect(await settings.get('T1')).toBeUndefined();
    await store.keyv.set(workspaceKey('T1', 'settings'), ATHENS); // behind the repository's back
    expect(await settings.get('T1')).toBeUndefined();
    await new WorkspaceSettingsRepository(store, FOR_GOOD).set('T1', KOLKATA);
    expect(await settings.get('T1')).toMatchObject({ zone: 'Asia/Kolkata' });
  });

  it('trusts a copy only briefly', async () => {
    const settings = new WorkspaceSettingsRepository(store, { max: 100, ttlMs: 50 });
    expect(await settings.get('T2')).toBeUndefined();
    await store.keyv.set(workspaceKey('T2', 'settings'), ATHENS);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(await settings.get('T2')).toMatchObject({ zone: 'Europe/Athens' });
  });

  it('keeps at most its size, the least recently read going first', async () => {
    const settings = new WorkspaceSettingsRepository(store, { max: 2, ttlMs: 10 * 60_000 });
    for (const team of ['T3', 'T4', 'T5']) expect(await settings.get(team)).toBeUndefined();
    for (const team of ['T3', 'T4', 'T5']) await store.keyv.set(workspaceKey(team, 'settings'), ATHENS);
    expect(await settings.get('T3')).toMatchObject({ zone: 'Europe/Athens' }); // pushed out by T4 and T5
    expect(await settings.get('T5')).toBeUndefined(); // still the copy
  });
});

describe('settings kept in memory, when a workspace is forgotten or a save races a read', () => {
  let store: Store;
  beforeAll(() => {
    store = openStore('memory:');
  });
  afterAll(() => store.close());

  it('drops the copy of an uninstalled workspace’s settings at once, and keeps every other workspace’s', async () => {
    const settings = new WorkspaceSettingsRepository(store, FOR_GOOD);
    await settings.set('T6', ATHENS);
    await settings.set('T60', ATHENS);
    expect(await settings.get('T6')).toMatchObject({ zone: 'Europe/Athens' });
    expect(await settings.get('T60')).toMatchObject({ zone: 'Europe/Athens' });
    await store.keyv.set(workspaceKey('T60', 'settings'), KOLKATA); // behind the repository's back
    await store.forget(`${workspaceKey('T6')}:`);
    // A reinstall right after reads no settings, so it starts the workspace afresh.
    expect(await settings.get('T6')).toBeUndefined();
    expect(await settings.get('T60')).toMatchObject({ zone: 'Europe/Athens' }); // still its copy
  });

  it('does not keep what a read found when a save came while it was reading', async () => {
    const reads = new CachedReads<string>(store.changes, FOR_GOOD);
    let finish: (value: string) => void = () => {};
    const slowRead = reads.read('ws:T9:settings', () => new Promise((resolve) => (finish = resolve)));
    await reads.write('ws:T9:settings', async () => {});
    finish('before the save');
    expect(await slowRead).toBe('before the save');
    expect(await reads.read('ws:T9:settings', async () => 'after the save')).toBe('after the save');
  });
});

describe('two instances on one Redis', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let one: Store;
  let two: Store;
  beforeAll(async () => {
    redis = await startRedis();
    one = openStore(redis.url);
    two = openStore(redis.url);
  });
  afterAll(async () => {
    await Promise.all([one.close(), two.close()]);
    await redis.stop();
  });

  it('drops one instance’s copy of the settings as soon as the other saves', async () => {
    const here = new WorkspaceSettingsRepository(one, FOR_GOOD);
    const there = new WorkspaceSettingsRepository(two, FOR_GOOD);
    await there.set('T1', ATHENS);
    expect(await here.get('T1')).toMatchObject({ zone: 'Europe/Athens' });
    await there.set('T1', KOLKATA);
    const seen = await eventually(
      () => here.get('T1'),
      (s) => s?.zone === 'Asia/Kolkata',
    );
    expect(seen).toMatchObject({ zone: 'Asia/Kolkata', weekStart: 0 });
  });

  it('drops the copy of a Tellody login changed or deleted on the other instance', async () => {
    const here = new TellodyCredentialsRepository(one, new SecretBox(KEY), () => {}, FOR_GOOD);
    const there = new TellodyCredentialsRepository(two, new SecretBox(KEY), () => {}, FOR_GOOD);
    await there.set('T2', { username: 'acme', password: 'first' }, 1);
    expect(await here.get('T2')).toEqual({ username: 'acme', password: 'first' });
    await there.set('T2', { username: 'acme', password: 'second' }, 2);
    expect(
      await eventually(
        () => here.get('T2'),
        (c) => c?.password === 'second',
      ),
    ).toEqual({
      username: 'acme',
      password: 'second',
    });
    await there.delete('T2');
    expect(
      await eventually(
        () => here.get('T2'),
        (c) => c === undefined,
      ),
    ).toBeUndefined();
  });
  it('drops every copy when its word from Redis comes back after a dropped connection (word may have been missed)', async () => {
    // An instance of its own, so that its subscription is made (and its reconnection heard) in this test.
    const fresh = openStore(redis.url);
    try {
      const here = new WorkspaceSettingsRepository(fresh, FOR_GOOD);
      await new WorkspaceSettingsRepository(two, FOR_GOOD).set('T3', ATHENS);
      await new Promise((resolve) => setTimeout(resolve, 300)); // the save's own word has come and gone
      expect(await here.get('T3')).toMatchObject({ zone: 'Europe/Athens' });
      // Changed with no word sent: only the reconnection below may make this instance read it again.
      await two.keyv.set(workspaceKey('T3', 'settings'), KOLKATA);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await here.get('T3')).toMatchObject({ zone: 'Europe/Athens' });
      await withAdmin(redis.url, (admin) => admin.sendCommand(['CLIENT', 'KILL', 'TYPE', 'pubsub']));
      expect(
        await eventually(
          () => here.get('T3'),
          (s) => s?.zone === 'Asia/Kolkata',
        ),
      ).toMatchObject({ zone: 'Asia/Kolkata' });
    } finally {
      await fresh.close();
    }
  });

  it('leaves no connection open once closed, the ones for word of changes included', async () => {
    const clients = () => withAdmin(redis.url, async (admin) => (await admin.clientList()).length - 1);
    const before = await clients();
    const three = openStore(redis.url);
    const settings = new WorkspaceSettingsRepository(three, FOR_GOOD); // listens: a subscribed connection
    await settings.set('T4', ATHENS); // announces: a publishing connection
    expect(await settings.get('T4')).toMatchObject({ zone: 'Europe/Athens' });
    expect(await clients()).toBe(before + 3);
    await three.close();
    expect(await eventually(clients, (n) => n === before)).toBe(before);
  });
});

/** A connection of the test's own to the same Redis, to see and cut the app's connections from outside. */
const adminClient = (url: string) => createClient({ url });
async function withAdmin<T>(url: string, use: (admin: ReturnType<typeof adminClient>) => Promise<T>): Promise<T> {
  const admin = adminClient(url);
  await admin.connect();
  try {
    return await use(admin);
  } finally {
    admin.destroy();
  }
}
