import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type KeyvSqlite from '@keyv/sqlite';
import type { Installation } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChartCache } from '../../../src/store/chart-cache.js';
import { KeyvInstallationStore } from '../../../src/store/installations.js';
import { workspaceKey } from '../../../src/store/keys.js';
import { openStore, type Store } from '../../../src/store/open-store.js';
import { SecretBox, SecretBoxError } from '../../../src/store/secret-box.js';
import { TellodyCredentialsRepository } from '../../../src/store/tellody-credentials.js';
import { WorkspaceSettingsRepository } from '../../../src/store/workspace-settings.js';
import { startRedis } from '../../support/redis-server.js';

const KEY = 'a'.repeat(64);
const OTHER_KEY = 'b'.repeat(64);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function installation(team: string, enterprise?: string, orgWide = false): Installation {
  return {
    team: orgWide ? undefined : { id: team, name: `Team ${team}` },
    enterprise: enterprise ? { id: enterprise, name: 'Acme' } : undefined,
    user: { id: 'U1', token: undefined, scopes: undefined },
    bot: { token: `xoxb-${team}`, scopes: ['commands'], id: 'B1', userId: 'UB1' },
    isEnterpriseInstall: orgWide,
    appId: 'A1',
    tokenType: 'bot',
    authVersion: 'v2',
  } as Installation;
}

let redis: Awaited<ReturnType<typeof startRedis>>;
const dir = mkdtempSync(join(tmpdir(), 'contacts-store-'));
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis.stop());

/** The same behaviour, whatever the backend: one suite, every store. */
describe.each([
  ['SQLite file', () => `sqlite://${join(dir, `store-${Math.random()}.sqlite`)}`],
  ['Redis', () => redis.url],
  ['memory', () => 'memory:'],
])('the store on %s', (_name, url) => {
  let store: Store;
  beforeAll(() => {
    store = openStore(url());
  });
  afterAll(() => store.close());

  it('serves twenty first requests at once on a store just opened (one connection, no losers)', async () => {
    const fresh = openStore(url());
    try {
      const keys = Array.from({ length: 20 }, (_, i) => workspaceKey('TFRESH', 'n', i));
      await Promise.all(keys.map((key, i) => fresh.keyv.set(key, i)));
      expect(await Promise.all(keys.map((key) => fresh.keyv.get(key)))).toEqual(keys.map((_, i) => i));
    } finally {
      await fresh.close();
    }
  });

  it('answers a health ping, and says it is ready', async () => {
    await expect(store.ready()).resolves.toBeUndefined();
    expect(await store.ping()).toBe(true);
  });

  it('keeps settings by workspace, and one workspace never sees another’s', async () => {
    const settings = new WorkspaceSettingsRepository(store);
    await settings.set('T1', { weekStart: 0, zone: 'America/New_York', updatedAt: 1 });
    await settings.set('T2', { weekStart: 1, zone: 'Asia/Kolkata', updatedAt: 2 });
    expect(await settings.get('T1')).toMatchObject({ weekStart: 0, zone: 'America/New_York' });
    expect(await settings.get('T2')).toMatchObject({ weekStart: 1, zone: 'Asia/Kolkata' });
    expect(await settings.get('T3')).toBeUndefined();
    await expect(settings.set('T1', { weekStart: 9 as never, zone: 'Nowhere', updatedAt: 3 })).rejects.toThrow();
    expect(await settings.get('T1')).toMatchObject({ weekStart: 0 });
  });

  it('stores Tellody passwords sealed, opened only with the key and for the same workspace', async () => {
    const credentials = new TellodyCredentialsRepository(store, new SecretBox(KEY));
    await credentials.set('T1', { username: 'acme', password: 's3cret-pässword' }, 5);
    expect(await credentials.get('T1')).toEqual({ username: 'acme', password: 's3cret-pässword' });
    const raw = JSON.stringify(await store.keyv.get(workspaceKey('T1', 'tellody')));
    expect(raw).not.toContain('s3cret');
    await expect(new TellodyCredentialsRepository(store, new SecretBox(OTHER_KEY)).get('T1')).rejects.toThrow(
      SecretBoxError,
    );
    await store.keyv.set(workspaceKey('T2', 'tellody'), await store.keyv.get(workspaceKey('T1', 'tellody')));
    await expect(credentials.get('T2')).rejects.toThrow(SecretBoxError);
  });

  it('keeps Slack installations, org-wide ones by enterprise', async () => {
    const installs: string[] = [];
    const installations = new KeyvInstallationStore(store, async (workspace) => {
      installs.push(workspace);
    });
    await installations.storeInstallation(installation('T9'));
    await installations.storeInstallation(installation('', 'E1', true));
    expect(installs).toEqual(['T9', 'E1']);
    const team = await installations.fetchInstallation({
      teamId: 'T9',
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(team.bot?.token).toBe('xoxb-T9');
    const org = await installations.fetchInstallation({ teamId: 'T5', enterpriseId: 'E1', isEnterpriseInstall: true });
    expect(org.isEnterpriseInstall).toBe(true);
    await installations.deleteInstallation({ teamId: 'T9', enterpriseId: undefined, isEnterpriseInstall: false });
    await expect(
      installations.fetchInstallation({ teamId: 'T9', enterpriseId: undefined, isEnterpriseInstall: false }),
    ).rejects.toThrow();
  });

  it('lets cached charts expire', async () => {
    const cache = new ChartCache(store);
    const chart = { contactsAdded: [1], groupsAdded: [0], contactsServed: [3], contactsBlocked: [0] };
    await cache.set('ws:T1:chart:x', { chart, fetchedAt: 1 }, 50);
    expect((await cache.get('ws:T1:chart:x'))?.chart).toEqual(chart);
    await sleep(1200);
    expect(await cache.get('ws:T1:chart:x')).toBeUndefined();
  });

  it('refuses a workspace id that could reach into another’s keys', () => {
    expect(() => workspaceKey('T1:settings', 'x')).toThrow();
    expect(() => workspaceKey('', 'x')).toThrow();
  });
});

describe('a SQLite file', () => {
  it('keeps a write-ahead log, so a write does not hold up the reads of the next command', async () => {
    const store = openStore(`sqlite://${join(dir, 'wal.sqlite')}`);
    try {
      await store.ready();
      const sqlite = store.keyv.store as KeyvSqlite;
      expect(await sqlite.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    } finally {
      await store.close();
    }
  });
});

describe('a store that cannot be reached', () => {
  it('says so to the health check, and the chart cache carries on without it', async () => {
    const gone = await startRedis();
    const store = openStore(gone.url);
    expect(await store.ping()).toBe(true);
    await gone.stop();
    expect(await store.ping()).toBe(false);
    const errors: unknown[] = [];
    const cache = new ChartCache(store, (e) => errors.push(e));
    expect(await cache.get('ws:T1:chart:y')).toBeUndefined();
    expect(errors.length).toBeGreaterThan(0);
    await store.close().catch(() => {});
  });
});
