import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type KeyvSqlite from '@keyv/sqlite';
import type { Installation } from '@slack/bolt';
import { KeyvHooks } from 'keyv';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AlertRepository, type AlertState } from '../../../src/store/alert-settings.js';
import { DigestRepository, type WeekRecord } from '../../../src/store/digest-schedules.js';
import { KeyvInstallationStore } from '../../../src/store/installations.js';
import { workspaceKey } from '../../../src/store/keys.js';
import { NumbersCache } from '../../../src/store/numbers-cache.js';
import { openStore, type Store, StoreUnavailableError } from '../../../src/store/open-store.js';
import { SecretBox, SecretBoxError } from '../../../src/store/secret-box.js';
import { TellodyCredentialsRepository } from '../../../src/store/tellody-credentials.js';
import { WorkspaceSettingsRepository } from '../../../src/store/workspace-settings.js';
import { freePort } from '../../support/free-port.js';
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
  ['SQLite file', () => `sqlite://${join(dir, `store-${Math.random()}.sqlite`)}`, 'sqlite'],
  ['Redis', () => redis.url, 'redis'],
  ['memory', () => 'memory:', 'memory'],
])('the store on %s', (_name, url, kind) => {
  // A store per test: what a test needs is made inside it, so each mutation run knows which tests use it.
  let store: Store;
  beforeEach(() => {
    store = openStore(url());
  });
  afterEach(() => store.close());

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

  it('answers a health ping, says it is ready, and which kind it is (for /healthz and the start-up line)', async () => {
    await expect(store.ready()).resolves.toBeUndefined();
    expect(await store.ping()).toBe(true);
    expect(store.kind).toBe(kind);
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
    const installations = new KeyvInstallationStore(store, new SecretBox(KEY), async (workspace) => {
      installs.push(workspace);
    });
    await installations.storeInstallation(installation('T9'));
    expect(JSON.stringify(await store.keyv.get(workspaceKey('T9', 'installation')))).not.toContain('xoxb-T9');
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

  it('still reads an installation stored in the clear by an earlier version, and seals it then', async () => {
    const installations = new KeyvInstallationStore(store, new SecretBox(KEY));
    const query = { teamId: 'TOLD', enterpriseId: undefined, isEnterpriseInstall: false };
    await store.keyv.set(workspaceKey('TOLD', 'installation'), installation('TOLD'));
    expect((await installations.fetchInstallation(query)).bot?.token).toBe('xoxb-TOLD');
    expect(JSON.stringify(await store.keyv.get(workspaceKey('TOLD', 'installation')))).not.toContain('xoxb-TOLD');
    expect((await installations.fetchInstallation(query)).bot?.token).toBe('xoxb-TOLD');
  });

  it('opens an installation sealed under a previous key and seals it again under the current one', async () => {
    const query = { teamId: 'TROT', enterpriseId: undefined, isEnterpriseInstall: false };
    await new KeyvInstallationStore(store, new SecretBox(OTHER_KEY)).storeInstallation(installation('TROT'));
    const rotated = new KeyvInstallationStore(store, new SecretBox(KEY, [OTHER_KEY]));
    expect((await rotated.fetchInstallation(query)).bot?.token).toBe('xoxb-TROT');
    const currentOnly = new KeyvInstallationStore(store, new SecretBox(KEY));
    expect((await currentOnly.fetchInstallation(query)).bot?.token).toBe('xoxb-TROT');
  });

  it('opens a sealed installation only with the key and for its own workspace', async () => {
    await new KeyvInstallationStore(store, new SecretBox(KEY)).storeInstallation(installation('TS1'));
    const query = (teamId: string) => ({ teamId, enterpriseId: undefined, isEnterpriseInstall: false });
    await expect(
      new KeyvInstallationStore(store, new SecretBox(OTHER_KEY)).fetchInstallation(query('TS1')),
    ).rejects.toThrow(SecretBoxError);
    await store.keyv.set(
      workspaceKey('TS2', 'installation'),
      await store.keyv.get(workspaceKey('TS1', 'installation')),
    );
    await expect(new KeyvInstallationStore(store, new SecretBox(KEY)).fetchInstallation(query('TS2'))).rejects.toThrow(
      SecretBoxError,
    );
  });

  it('reads a sealed installation and Tellody login without writing them again (every Slack request reads them)', async () => {
    const box = new SecretBox(KEY);
    await new KeyvInstallationStore(store, box).storeInstallation(installation('TW1'));
    await new TellodyCredentialsRepository(store, box).set('TW1', { username: 'acme', password: 'p' }, 1);
    const written: string[] = [];
    store.keyv.hooks.addHandler(KeyvHooks.PRE_SET, (data: { key: string }) => written.push(data.key));
    const query = { teamId: 'TW1', enterpriseId: undefined, isEnterpriseInstall: false };
    expect((await new KeyvInstallationStore(store, box).fetchInstallation(query)).bot?.token).toBe('xoxb-TW1');
    expect(await new TellodyCredentialsRepository(store, box).get('TW1')).toEqual({ username: 'acme', password: 'p' });
    expect(written).toEqual([]);
  });

  it('says which workspace has no installation, and refuses a request that names no workspace', async () => {
    const installations = new KeyvInstallationStore(store, new SecretBox(KEY));
    await expect(
      installations.fetchInstallation({ teamId: 'TNONE', enterpriseId: undefined, isEnterpriseInstall: false }),
    ).rejects.toThrow('no installation for TNONE');
    await expect(
      installations.fetchInstallation({ teamId: undefined, enterpriseId: undefined, isEnterpriseInstall: false }),
    ).rejects.toThrow('a Slack request without a team or enterprise id');
    // An org-wide request is the enterprise's, never a team's that happens to be named.
    await expect(
      installations.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: true }),
    ).rejects.toThrow('a Slack request without a team or enterprise id');
  });

  it('lets cached charts expire', async () => {
    const cache = new NumbersCache(store);
    const chart = { contactsAdded: [1], groupsAdded: [0], contactsServed: [3], contactsBlocked: [0] };
    await cache.set('ws:T1:chart:x', { chart, fetchedAt: 1 }, 500);
    expect((await cache.get('ws:T1:chart:x'))?.chart).toEqual(chart);
    await sleep(1200);
    expect(await cache.get('ws:T1:chart:x')).toBeUndefined();
  });

  it('keeps a cached chart per workspace, Tellody account and exact window, and no account’s name in its key', async () => {
    const cache = new NumbersCache(store);
    const week = {
      from: 1_795_300_000_000,
      to: 1_795_904_799_999,
      unit: 'day' as const,
      window: 'week' as const,
      dow: 1 as const,
    };
    const key = cache.key('T1', 'https://tellody.example/|acme', week);
    expect(key).toMatch(/^ws:T1:chart:[\w-]{16}:week:day:1:1795300000000:1795904799999$/);
    expect(key).not.toContain('acme');
    const others = [
      cache.key('T2', 'https://tellody.example/|acme', week),
      cache.key('T1', 'https://tellody.example/|other', week),
      cache.key('T1', 'https://tellody.example/|acme', { ...week, unit: 'hour' }),
      cache.key('T1', 'https://tellody.example/|acme', { ...week, dow: 0 }),
    ];
    expect(new Set([key, ...others]).size).toBe(5);
    const chart = { contactsAdded: [1], groupsAdded: [0], contactsServed: [3], contactsBlocked: [0] };
    await cache.set(key, { chart, fetchedAt: 1 }, 60_000);
    expect((await cache.get(key))?.chart).toEqual(chart);
    for (const other of others) expect(await cache.get(other)).toBeUndefined();
  });

  it('lets one owner at a time claim a key, until the lease runs out or the owner lets go', async () => {
    const key = `ws:T1:digest:claim:${Math.random()}`;
    expect(await store.claims.claim(key, 'instance-a', 60_000)).toBe(true);
    expect(await store.claims.claim(key, 'instance-b', 60_000)).toBe(false);
    expect(await store.claims.claim(key, 'instance-a', 60_000)).toBe(false);
    await store.claims.release(key, 'instance-b');
    expect(await store.claims.claim(key, 'instance-b', 60_000)).toBe(false);
    await store.claims.release(key, 'instance-a');
    expect(await store.claims.claim(key, 'instance-b', 300)).toBe(true);
    await sleep(400);
    expect(await store.claims.claim(key, 'instance-c', 60_000)).toBe(true);
    // The owner whose lease ran out cannot release what another now holds.
    await store.claims.release(key, 'instance-b');
    expect(await store.claims.claim(key, 'instance-d', 60_000)).toBe(false);
  });

  it('gives a key to exactly one of many claimants racing for it', async () => {
    const key = `ws:T1:digest:claim:race-${Math.random()}`;
    const won = await Promise.all(
      Array.from({ length: 25 }, (_, i) => store.claims.claim(key, `instance-${i}`, 60_000)),
    );
    expect(won.filter(Boolean)).toHaveLength(1);
  });

  it('forgets a workspace’s claims and leaves other workspaces’ alone', async () => {
    await store.claims.claim('ws:T7:digest:claim:2026-11-23', 'a', 60_000);
    await store.claims.claim('ws:T8:digest:claim:2026-11-23', 'a', 60_000);
    await store.claims.forget('ws:T7:digest:claim');
    expect(await store.claims.claim('ws:T7:digest:claim:2026-11-23', 'b', 60_000)).toBe(true);
    expect(await store.claims.claim('ws:T8:digest:claim:2026-11-23', 'b', 60_000)).toBe(false);
  });

  it('keeps sets whose members concurrent writers add and remove without losing any', async () => {
    const set = `digest:test:${Math.random()}`;
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.sets.add(set, `T${i}`)));
    await store.sets.add(set, 'T3');
    expect(await store.sets.members(set)).toHaveLength(20);
    await store.sets.remove(set, 'T3');
    expect(await store.sets.members(set)).not.toContain('T3');
    expect(await store.sets.members(`${set}:none`)).toEqual([]);
  });

  it('keeps members by when each is due, and answers with those due, earliest first', async () => {
    const index = `due:test:${Math.random()}`;
    await store.due.set(index, 'T3', 3000);
    await store.due.set(index, 'T1', 1000);
    await store.due.set(index, 'T2', 2000);
    await store.due.set(index, 'T9', 9000);
    const due = async (now: number, limit?: number) =>
      (await store.due.due(index, now, limit)).map((entry) => [entry.member, entry.dueAt]);
    expect(await due(2500)).toEqual([
      ['T1', 1000],
      ['T2', 2000],
    ]);
    expect(await due(3000, 2)).toEqual([
      ['T1', 1000],
      ['T2', 2000],
    ]);
    expect(await due(999)).toEqual([]);
    expect(await store.due.due(`${index}:none`, 10_000)).toEqual([]);
    await store.due.set(index, 'T1', 5000);
    await store.due.remove(index, 'T2');
    expect(await due(5000)).toEqual([
      ['T3', 3000],
      ['T1', 5000],
    ]);
    expect(await store.due.entry(index, 'T2')).toBeUndefined();
    expect(await store.due.entry(index, 'T9')).toMatchObject({ member: 'T9', dueAt: 9000 });
    expect(await store.due.due(index, 1_796_000_000_000)).toHaveLength(3); // times are milliseconds since 1970
  });

  it('settles a member only while its entry is the one read: never over a change made since, never back once out', async () => {
    const index = `due:settle:${Math.random()}`;
    await store.due.set(index, 'T1', 0);
    const [read] = await store.due.due(index, 0);
    const token = read?.token ?? 'none';
    expect(await store.due.settle(index, 'T1', token, 5000)).toBe(true);
    expect(await store.due.entry(index, 'T1')).toEqual({ member: 'T1', dueAt: 5000, token });
    expect(await store.due.settle(index, 'T1', token, 7000)).toBe(true);
    await store.due.set(index, 'T1', 0); // changed since it was read (a schedule saved meanwhile)
    expect(await store.due.settle(index, 'T1', token, 9000)).toBe(false);
    expect(await store.due.entry(index, 'T1')).toMatchObject({ dueAt: 0 });
    const current = (await store.due.entry(index, 'T1'))?.token ?? 'none';
    expect(await store.due.settle(index, 'T1', current, null)).toBe(true);
    expect(await store.due.entry(index, 'T1')).toBeUndefined();
    expect(await store.due.settle(index, 'T1', current, 3000)).toBe(false);
    expect(await store.due.entry(index, 'T1')).toBeUndefined();
    // Read as absent: placed only while there still is none.
    expect(await store.due.settle(index, 'T2', null, 4000)).toBe(true);
    expect(await store.due.settle(index, 'T2', null, 6000)).toBe(false);
    expect(await store.due.entry(index, 'T2')).toMatchObject({ dueAt: 4000 });
    expect(await store.due.settle(index, 'T3', null, null)).toBe(true);
    expect(await store.due.entry(index, 'T3')).toBeUndefined();
  });

  it('adds only the members an index lacks, however many', async () => {
    const index = `due:missing:${Math.random()}`;
    await store.due.set(index, 'T7', 5000);
    const members = Array.from({ length: 1200 }, (_, i) => `T${i}`);
    expect(await store.due.addMissing(index, members, 0)).toBe(1199);
    expect(await store.due.entry(index, 'T7')).toMatchObject({ dueAt: 5000 });
    expect(await store.due.due(index, 0)).toHaveLength(1199);
    expect(await store.due.addMissing(index, members, 0)).toBe(0);
  });

  it('keeps digest schedules and their delivery log, and forgets all of a workspace’s on request', async () => {
    const digests = new DigestRepository(store);
    const schedule = {
      enabled: true,
      channelId: 'C1',
      channelName: 'marketing',
      day: 1 as const,
      time: '09:00',
      activeSince: 1,
      setUpBy: 'U1',
      teamId: 'T1',
      appId: 'A1',
    };
    await digests.setSchedule('TD1', schedule);
    await digests.setSchedule('TD2', { ...schedule, time: '10:30' });
    expect(await digests.schedule('TD1')).toEqual(schedule);
    expect(await digests.enrolled()).toEqual(expect.arrayContaining(['TD1', 'TD2']));
    expect(await digests.due.entry('TD1')).toMatchObject({ dueAt: 0 }); // due at once: its next tick places it
    const week = (n: number): WeekRecord => ({
      week: `2026-${String(n).padStart(2, '0')}-01`,
      occurrence: n,
      state: 'posted',
      attempts: 1,
      updatedAt: n,
      ts: `${n}.0`,
    });
    for (let n = 1; n <= 14; n++) await digests.setWeek('TD1', week(n));
    expect(await digests.latestWeek('TD1')).toEqual(week(14));
    expect(await digests.week('TD1', week(2).week)).toBeUndefined(); // only the latest 12 weeks are kept
    expect(await digests.week('TD1', week(3).week)).toEqual(week(3));
    expect(await store.claims.claim(digests.claimKey('TD1', week(14).week), 'instance-a', 60_000)).toBe(true);
    await digests.forget('TD1');
    expect(await digests.schedule('TD1')).toBeUndefined();
    expect(await digests.latestWeek('TD1')).toBeUndefined();
    // Every record, not only the list of them: a reinstall must not find last month's "posted".
    for (let n = 3; n <= 14; n++) expect(await digests.week('TD1', week(n).week)).toBeUndefined();
    // A delivery claimed before the uninstall does not hold up a reinstalled workspace's digest.
    expect(await store.claims.claim(digests.claimKey('TD1', week(14).week), 'instance-b', 60_000)).toBe(true);
    expect(await digests.enrolled()).not.toContain('TD1');
    expect(await digests.due.entry('TD1')).toBeUndefined();
    expect(await digests.schedule('TD2')).toMatchObject({ time: '10:30' });
    expect(await digests.due.entry('TD2')).toBeDefined();
  });

  it('forgets every value, claim, set and index under a prefix, and nothing that merely looks alike', async () => {
    await store.keyv.set('ws:TF1:settings', { a: 1 });
    await store.keyv.set('ws:TF1:chart:x:week', { b: 2 });
    await store.keyv.set('ws:TF10:settings', { kept: true });
    await store.claims.claim('ws:TF1:digest:claim:w', 'a', 60_000);
    await store.claims.claim('ws:TF10:digest:claim:w', 'a', 60_000);
    await store.sets.add('ws:TF1:digest:weeks', '2026-11-16');
    await store.sets.add('ws:TF10:digest:weeks', '2026-11-16');
    await store.due.set('ws:TF1:due', 'x', 1);
    await store.due.set('ws:TF10:due', 'x', 1);
    await store.forget('ws:TF1:');
    expect(await store.keyv.get('ws:TF1:settings')).toBeUndefined();
    expect(await store.keyv.get('ws:TF1:chart:x:week')).toBeUndefined();
    expect(await store.claims.claim('ws:TF1:digest:claim:w', 'b', 60_000)).toBe(true);
    expect(await store.sets.members('ws:TF1:digest:weeks')).toEqual([]);
    expect(await store.keyv.get('ws:TF10:settings')).toEqual({ kept: true });
    expect(await store.claims.claim('ws:TF10:digest:claim:w', 'b', 60_000)).toBe(false);
    expect(await store.sets.members('ws:TF10:digest:weeks')).toEqual(['2026-11-16']);
    expect(await store.due.due('ws:TF1:due', 1)).toEqual([]);
    expect(await store.due.entry('ws:TF10:due', 'x')).toMatchObject({ dueAt: 1 });
  });

  it('reads a prefix with glob characters literally', async () => {
    await store.keyv.set('ws:T*:x', 1);
    await store.keyv.set('ws:TQ:x', 2);
    await store.forget('ws:T*:');
    expect(await store.keyv.get('ws:T*:x')).toBeUndefined();
    expect(await store.keyv.get('ws:TQ:x')).toBe(2);
  });

  it('keeps alert settings, state and the day’s mutes, and forgets all of a workspace’s on request', async () => {
    const alerts = new AlertRepository(store);
    const settings = {
      measures: { contactsBlocked: true, contactsAdded: false, contactsServed: true },
      channelId: 'C1',
      channelName: 'marketing',
      sensitivity: 'high' as const,
      quietHours: { from: '22:00', to: '07:00' },
      setUpBy: 'U1',
      teamId: 'T1',
      appId: 'A1',
    };
    await alerts.setSettings('TA1', settings);
    await alerts.setSettings('TA2', { ...settings, sensitivity: 'low' });
    expect(await alerts.settings('TA1')).toEqual(settings);
    expect(await alerts.enrolled()).toEqual(expect.arrayContaining(['TA1', 'TA2']));
    expect(await alerts.due.entry('TA1')).toMatchObject({ dueAt: 0 });
    const episode = {
      measure: 'contactsBlocked' as const,
      openedAt: 5,
      hour: 11,
      channelId: 'C1',
      ts: '1.2',
      summary: 'x',
    };
    const state: AlertState = {
      day: '2026-11-30',
      checkedSlot: 7,
      checkedAt: 5,
      episodes: { contactsBlocked: episode },
      last: episode,
    };
    await alerts.setState('TA1', state);
    expect(await alerts.state('TA1')).toEqual(state);
    // Mutes from two clicks at once both count; yesterday's are dropped when today's are read.
    await Promise.all([
      alerts.mute('TA1', '2026-11-30', 'contactsBlocked'),
      alerts.mute('TA1', '2026-11-30', 'contactsServed'),
      alerts.mute('TA1', '2026-11-29', 'contactsAdded'),
    ]);
    expect([...(await alerts.mutedOn('TA1', '2026-11-30'))].sort()).toEqual(['contactsBlocked', 'contactsServed']);
    expect([...(await alerts.mutedOn('TA1', '2026-11-29'))]).toEqual([]);
    expect(await store.claims.claim(alerts.claimKey('TA1'), 'instance-1', 60_000)).toBe(true);
    await alerts.forget('TA1');
    expect(await alerts.settings('TA1')).toBeUndefined();
    expect(await alerts.state('TA1')).toBeUndefined();
    expect([...(await alerts.mutedOn('TA1', '2026-11-30'))]).toEqual([]);
    expect(await alerts.enrolled()).not.toContain('TA1');
    expect(await alerts.due.entry('TA1')).toBeUndefined();
    expect(await store.claims.claim(alerts.claimKey('TA1'), 'instance-2', 60_000)).toBe(true);
    expect(await alerts.settings('TA2')).toMatchObject({ sensitivity: 'low' });
  });

  it('refuses a workspace id that could reach into another’s keys', () => {
    expect(() => workspaceKey('T1:settings', 'x')).toThrow(/workspace id/);
    expect(() => workspaceKey('', 'x')).toThrow(/workspace id/);
  });

  it('keeps every workspace’s data under ws:<workspace>:…, where earlier versions left it', async () => {
    const settings = { weekStart: 3, zone: 'Asia/Kolkata', updatedAt: 7 };
    await store.keyv.set('ws:TOLD:settings', settings);
    expect(await new WorkspaceSettingsRepository(store).get('TOLD')).toEqual(settings);
    expect(workspaceKey('T1', 'digest', 'claim', '2026-11-23')).toBe('ws:T1:digest:claim:2026-11-23');
  });

  it('says a workspace has no Tellody login, settings or digest when it has none, and reads a damaged record as none', async () => {
    expect(await new TellodyCredentialsRepository(store, new SecretBox(KEY)).get('TNONE')).toBeUndefined();
    expect(await new TellodyCredentialsRepository(store, new SecretBox(KEY)).username('TNONE')).toBeUndefined();
    const settings = new WorkspaceSettingsRepository(store);
    expect(await settings.get('TNONE')).toBeUndefined();
    await store.keyv.set(workspaceKey('TBAD', 'settings'), { weekStart: 'Monday' });
    expect(await settings.get('TBAD')).toBeUndefined();
    const digests = new DigestRepository(store);
    expect(await digests.schedule('TNONE')).toBeUndefined();
    expect(await digests.week('TNONE', '2026-11-23')).toBeUndefined();
    expect(await digests.latestWeek('TNONE')).toBeUndefined();
  });

  it('keeps the username readable when no key opens the password, to say whose login to enter again', async () => {
    await new TellodyCredentialsRepository(store, new SecretBox(OTHER_KEY)).set(
      'TLOST',
      { username: 'acme', password: 'p' },
      1,
    );
    const credentials = new TellodyCredentialsRepository(store, new SecretBox(KEY));
    await expect(credentials.get('TLOST')).rejects.toThrow(SecretBoxError);
    expect(await credentials.username('TLOST')).toBe('acme');
  });

  it('seals a password opened with the previous key again with the current one, keeping when it was saved', async () => {
    await new TellodyCredentialsRepository(store, new SecretBox(OTHER_KEY)).set(
      'TROT',
      { username: 'acme', password: 'p1' },
      42,
    );
    const rotated = new TellodyCredentialsRepository(store, new SecretBox(KEY, [OTHER_KEY]));
    expect(await rotated.get('TROT')).toEqual({ username: 'acme', password: 'p1' });
    // Now the current key alone opens it: the previous key can be retired.
    expect(await new TellodyCredentialsRepository(store, new SecretBox(KEY)).get('TROT')).toEqual({
      username: 'acme',
      password: 'p1',
    });
    expect(await store.keyv.get(workspaceKey('TROT', 'tellody'))).toMatchObject({ savedAt: 42 });
  });

  it('forgets a workspace’s Tellody login and settings on request, and only that workspace’s', async () => {
    const credentials = new TellodyCredentialsRepository(store, new SecretBox(KEY));
    const settings = new WorkspaceSettingsRepository(store);
    for (const team of ['TGONE', 'TSTAY']) {
      await credentials.set(team, { username: 'acme', password: 'p' }, 1);
      await settings.set(team, { weekStart: 1, zone: 'UTC', updatedAt: 1 });
    }
    await credentials.delete('TGONE');
    await settings.delete('TGONE');
    expect(await credentials.get('TGONE')).toBeUndefined();
    expect(await settings.get('TGONE')).toBeUndefined();
    expect(await credentials.get('TSTAY')).toEqual({ username: 'acme', password: 'p' });
    expect(await settings.get('TSTAY')).toMatchObject({ zone: 'UTC' });
  });

  it('forgets hundreds of a workspace’s claims at once', async () => {
    const prefix = `ws:TMANY${Math.random().toString(36).slice(2)}:digest:claim`;
    for (let i = 0; i < 450; i++) await store.claims.claim(`${prefix}:${i}`, 'a', 60_000);
    await store.claims.forget(prefix);
    const again = await Promise.all(
      Array.from({ length: 450 }, (_, i) => store.claims.claim(`${prefix}:${i}`, 'b', 60_000)),
    );
    expect(again.every(Boolean)).toBe(true);
  });

  it('lets go of a claim never made, and removes from a set never made, without complaint', async () => {
    await expect(store.claims.release(`ws:T1:digest:claim:none-${Math.random()}`, 'a')).resolves.toBeUndefined();
    await expect(store.sets.remove(`digest:none:${Math.random()}`, 'T1')).resolves.toBeUndefined();
  });

  it('keeps a mute for a later day while reading an earlier one (the report zone moved west)', async () => {
    const alerts = new AlertRepository(store);
    await alerts.mute('TM1', '2026-12-01', 'contactsAdded');
    await alerts.mute('TM1', '2026-11-29', 'contactsServed');
    expect([...(await alerts.mutedOn('TM1', '2026-11-30'))]).toEqual([]);
    expect([...(await alerts.mutedOn('TM1', '2026-12-01'))]).toEqual(['contactsAdded']);
    expect([...(await alerts.mutedOn('TM1', '2026-11-29'))]).toEqual([]);
  });

  it('lists a set’s members in order, whatever order they came in', async () => {
    const set = `digest:order:${Math.random()}`;
    for (const member of ['T3', 'T1', 'T2']) await store.sets.add(set, member);
    expect(await store.sets.members(set)).toEqual(['T1', 'T2', 'T3']);
  });
});

describe('a SQLite file', () => {
  /** What a SQLite file and its write-ahead log hold, as bytes anyone with the disk could read. */
  const fileBytes = (path: string) =>
    [path, `${path}-wal`].map((file) => (existsSync(file) ? readFileSync(file, 'latin1') : '')).join('');

  it('keeps a write-ahead log, so a write does not hold up the reads of the next command', async () => {
    const store = openStore(`sqlite://${join(dir, 'wal.sqlite')}`);
    try {
      await store.ready();
      const sqlite = store.keyv.store as KeyvSqlite;
      expect(await sqlite.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
      // In WAL mode NORMAL survives any crash of the app and commits without waiting for the disk.
      expect(await sqlite.query('PRAGMA synchronous')).toEqual([{ synchronous: 1 }]);
    } finally {
      await store.close();
    }
  });

  it('keeps no byte of a forgotten workspace’s values in the file or its log', async () => {
    const path = join(dir, `forgotten-${Math.random()}.sqlite`);
    const store = openStore(`sqlite://${path}`);
    const secret = `sealed-login-${randomUUID()}`;
    const bytes = () => fileBytes(path);
    try {
      await store.keyv.set(workspaceKey('TGONE', 'tellody'), { password: secret });
      await store.keyv.set(workspaceKey('TSTAY', 'settings'), { zone: 'UTC' });
      expect(bytes()).toContain(secret); // so the test can see it when it stays
      await store.forget(`${workspaceKey('TGONE')}:`);
      expect(bytes()).not.toContain(secret);
      expect(await store.keyv.get(workspaceKey('TSTAY', 'settings'))).toEqual({ zone: 'UTC' });
    } finally {
      await store.close();
    }
  });

  it('forgets a workspace while another process is reading the file, once that read is over', async () => {
    const path = join(dir, `busy-${Math.random()}.sqlite`);
    const [store, reader] = [openStore(`sqlite://${path}`), openStore(`sqlite://${path}`)];
    const other = reader.keyv.store as KeyvSqlite;
    const secret = `sealed-login-${randomUUID()}`;
    try {
      await store.keyv.set(workspaceKey('TBUSY', 'tellody'), { password: secret });
      // The other process reads inside a transaction: the log cannot be reset under its snapshot.
      await other.query('BEGIN');
      await other.query('SELECT count(*) FROM keyv');
      const forgetting = store.forget(`${workspaceKey('TBUSY')}:`);
      await sleep(200);
      await other.query('COMMIT');
      await expect(forgetting).resolves.toBeUndefined();
      expect(fileBytes(path)).not.toContain(secret);
    } finally {
      await Promise.all([store.close(), reader.close()]);
    }
  });

  it('sweeps expired claims away (one per Slack request), so the file does not grow with them', async () => {
    const store = openStore(`sqlite://${join(dir, `sweep-${Math.random()}.sqlite`)}`);
    const sqlite = store.keyv.store as KeyvSqlite;
    const rows = async () => ((await sqlite.query('SELECT count(*) AS n FROM claims')) as { n: number }[])[0]?.n;
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.parse('2026-11-30T09:00:00Z'));
      for (let i = 0; i < 20; i++) await store.claims.claim(`ws:T1:seen:${i}`, 'a', 1000);
      vi.setSystemTime(Date.parse('2026-11-30T09:00:30Z'));
      await store.claims.claim('ws:T1:seen:late', 'a', 1000);
      expect(await rows()).toBe(21); // expired, but swept only now and then
      vi.setSystemTime(Date.parse('2026-11-30T09:01:05Z'));
      await store.claims.claim('ws:T1:seen:next', 'a', 1000);
      expect(await rows()).toBe(1);
    } finally {
      vi.useRealTimers();
      await store.close();
    }
  });
});

/** Two app instances are two connections: the claim must hold across them, not just within one. */
describe.each([
  ['one SQLite file', () => `sqlite://${join(dir, `shared-${Math.random()}.sqlite`)}`],
  ['one Redis', () => redis.url],
])('two stores on %s', (_name, url) => {
  it('give a claim to exactly one of them', async () => {
    const shared = url();
    const [a, b] = [openStore(shared), openStore(shared)];
    try {
      const key = `ws:T1:digest:claim:${Math.random()}`;
      const won = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).claims.claim(key, `instance-${i}`, 60_000)),
      );
      expect(won.filter(Boolean)).toHaveLength(1);
      await a.sets.add('digest:shared', 'T1');
      await b.sets.add('digest:shared', 'T2');
      expect(await a.sets.members('digest:shared')).toEqual(['T1', 'T2']);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('never settle a due entry one read over a change the other made since', async () => {
    const shared = url();
    const [a, b] = [openStore(shared), openStore(shared)];
    try {
      const index = `due:shared:${Math.random()}`;
      await a.due.set(index, 'T1', 0);
      const [read] = await b.due.due(index, 0);
      await a.due.set(index, 'T1', 0);
      expect(await b.due.settle(index, 'T1', read?.token ?? 'none', 9)).toBe(false);
      expect(await a.due.due(index, 0)).toHaveLength(1);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('a store that cannot be opened says where and why, without its password', () => {
  const reasonFor = async (url: string) => {
    const store = openStore(url);
    try {
      await store.ready();
      return 'ready';
    } catch (error) {
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).name).toBe('StoreUnavailableError');
      return (error as Error).message;
    } finally {
      await store.close().catch(() => {});
    }
  };

  it('names a Redis nobody listens at', async () => {
    const port = await freePort();
    expect(await reasonFor(`redis://:hunter2@127.0.0.1:${port}`)).toBe(
      `the store at redis://:***@127.0.0.1:${port} cannot be used: nothing is listening there (connection refused); is Redis running?`,
    );
  });

  it('names a Redis that refuses the password it was given, without the password', async () => {
    const guarded = await startRedis({ password: 'the-right-one' });
    try {
      expect(await reasonFor(`redis://:hunter2@127.0.0.1:${guarded.port}`)).toBe(
        `the store at redis://:***@127.0.0.1:${guarded.port} cannot be used: Redis refused the password in STORE_URL`,
      );
      expect(await reasonFor(guarded.url)).toBe('ready');
    } finally {
      await guarded.stop();
    }
  });

  it('names a Redis that takes the connection but never answers, and fails its health check in time', async () => {
    const silent = createServer(() => {}).listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const { port } = silent.address() as AddressInfo;
    const store = openStore(`rediss://127.0.0.1:${port}`); // TLS URLs are Redis too
    try {
      expect(store.kind).toBe('redis');
      await expect(store.ready()).rejects.toThrow(
        `the store at rediss://127.0.0.1:${port} cannot be used: Redis does not answer (Redis timed out after 3000ms)`,
      );
      expect(await store.ping()).toBe(false);
    } finally {
      await store.close().catch(() => {});
      silent.close();
    }
  });

  it('names a SQLite path where folders cannot be made', () => {
    // sysfs refuses new folders even to root, the way a locked-down volume refuses the app's user.
    expect(() => openStore('sqlite:///sys/contacts-for-slack/contacts.sqlite')).toThrow(
      'the store at sqlite:///sys/contacts-for-slack/contacts.sqlite cannot be used: its folder cannot be created (permission denied)',
    );
  });

  it('names a file that is not a SQLite database', async () => {
    const file = join(dir, `not-sqlite-${Math.random()}.txt`);
    writeFileSync(file, 'Quarterly contacts export\n'.repeat(200));
    expect(await reasonFor(`sqlite://${file}`)).toBe(
      `the store at sqlite://${file} cannot be used: that file is not a SQLite database`,
    );
  });

  it('names a Redis host that does not resolve', async () => {
    expect(await reasonFor('redis://no-such-host.invalid:6379')).toMatch(/that host name cannot be resolved$/);
  });

  it('names a SQLite file that is a folder', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'contacts-folder-'));
    expect(await reasonFor(`sqlite://${folder}`)).toBe(
      `the store at sqlite://${folder} cannot be used: the SQLite file cannot be opened or created there`,
    );
  });

  it('names a SQLite path whose folder is a file', () => {
    const file = join(dir, `plain-file-${Math.random()}`);
    writeFileSync(file, 'x');
    expect(() => openStore(`sqlite://${file}/contacts.sqlite`)).toThrow(
      `the store at sqlite://${file}/contacts.sqlite cannot be used: its folder cannot be created (part of that path is a file, not a folder)`,
    );
  });

  it.each([
    ['sqlite://', /sqlite:\/\/ needs a file path/],
    ['postgres://db/contacts', /STORE_URL must start with sqlite:\/\/, redis:\/\/ or rediss:\/\//],
  ])('refuses the STORE_URL %s, saying what would work', (url, problem) => {
    expect(() => openStore(url)).toThrow(problem);
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
    const cache = new NumbersCache(store, (e) => errors.push(e));
    expect(await cache.get('ws:T1:chart:y')).toBeUndefined();
    expect(errors).toHaveLength(1);
    const chart = { contactsAdded: [1], groupsAdded: [0], contactsServed: [3], contactsBlocked: [0] };
    await expect(cache.set('ws:T1:chart:y', { chart, fetchedAt: 1 }, 60_000)).resolves.toBeUndefined();
    expect(errors).toHaveLength(2);
    // Settings are not a cache: a write that cannot be made fails loudly instead of passing silently.
    await expect(
      new WorkspaceSettingsRepository(store).set('T1', { weekStart: 1, zone: 'UTC', updatedAt: 1 }),
    ).rejects.toThrow();
    await store.close().catch(() => {});
  });

  it('fails a SQLite write loudly once the file is closed', async () => {
    const store = openStore(`sqlite://${join(dir, `closed-${Math.random()}.sqlite`)}`);
    await store.ready();
    await store.close();
    await expect(
      new WorkspaceSettingsRepository(store).set('T1', { weekStart: 1, zone: 'UTC', updatedAt: 1 }),
    ).rejects.toThrow();
  });
});
