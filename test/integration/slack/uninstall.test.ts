import { existsSync, readFileSync } from 'node:fs';
import type KeyvRedis from '@keyv/redis';
import type KeyvSqlite from '@keyv/sqlite';
import type { Installation } from '@slack/bolt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CALLBACKS, DIGEST_ACTIONS } from '../../../src/views/ids.js';
import { startRedis } from '../../support/redis-server.js';
import { type AppHarness, digestValues, settingsValues, slackAppHarness } from '../../support/slack-app-harness.js';

/** A login and a token that appear nowhere else, so finding their bytes anywhere means they were left behind. */
const CANARY = { username: 'canary-user-7f3a9c', password: 'canary-pass-91b2e4' };
const CANARY_TOKEN = 'xoxb-canary-token-5d8e21';

let redis: Awaited<ReturnType<typeof startRedis>>;
let h: AppHarness | undefined;
beforeAll(async () => {
  redis = await startRedis();
});
afterEach(async () => {
  await h?.close();
  h = undefined;
});
afterAll(() => redis.stop());

const until = async (done: () => Promise<boolean>) => {
  for (let i = 0; i < 200 && !(await done()); i++) await new Promise((r) => setTimeout(r, 25));
};

/** A workspace that used everything: its own Tellody login, a cached report, a digest sent, an installation. */
async function useEverything(app: AppHarness): Promise<{ sealed: string }> {
  const saved = await app.submit(settingsValues({ zone: 'Europe/Athens', ...CANARY }));
  expect(saved).toMatchObject({ status: 200, text: '' });
  await app.slack.waitForPosts((await app.command('last week')).id);
  expect(await app.submit(digestValues({ channel: 'CDIGEST' }), {}, CALLBACKS.digest)).toMatchObject({ status: 200 });
  const posted = app.slack.callsTo('chat.postMessage').length;
  await app.click(
    { type: 'button', action_id: DIGEST_ACTIONS.sendNow },
    { user: 'UADMIN', container: { type: 'view' } },
  );
  await app.slack.waitForCalls('chat.postMessage', posted + 1);
  await app.deps.installations.storeInstallation({
    team: { id: 'T1', name: 'Acme' },
    enterprise: undefined,
    user: { id: 'UADMIN', token: undefined, scopes: undefined },
    bot: { token: CANARY_TOKEN, scopes: ['commands'], id: 'B1', userId: 'UBOT' },
    isEnterpriseInstall: false,
    appId: 'A1',
    tokenType: 'bot',
    authVersion: 'v2',
  } as Installation);
  await app.deps.alerts.setSettings('T1', {
    measures: { contactsBlocked: true, contactsAdded: true, contactsServed: false },
    channelId: 'CDIGEST',
    channelName: 'cdigest',
    sensitivity: 'normal',
    setUpBy: 'UADMIN',
    teamId: 'T1',
    appId: 'A1',
  });
  await app.deps.alerts.mute('T1', '2026-11-27', 'contactsBlocked');
  const stored = (await app.deps.store.keyv.get('ws:T1:tellody')) as { password: string };
  expect(await app.deps.digests.enrolled()).toContain('T1');
  expect(await app.deps.alerts.enrolled()).toContain('T1');
  expect(await app.deps.digests.due.entry('T1')).toBeDefined();
  expect(await app.deps.alerts.due.entry('T1')).toBeDefined();
  return { sealed: stored.password };
}

async function uninstall(app: AppHarness): Promise<void> {
  expect((await app.event({ type: 'app_uninstalled' })).status).toBe(200);
  await until(async () => !(await app.deps.digests.enrolled()).includes('T1'));
  await until(async () => (await app.deps.store.keyv.get('ws:T1:tellody')) === undefined);
  await new Promise((r) => setTimeout(r, 200));
}

function fileBytes(path: string): string {
  return [path, `${path}-wal`]
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file).toString('latin1'))
    .join('');
}

describe('uninstalling, on a SQLite file', () => {
  it('deletes every key of the workspace, and neither the file nor its -wal holds the login or the token after', async () => {
    h = await slackAppHarness({ accounts: [{ ...CANARY, zone: 'Europe/Athens', seed: 3 }] });
    const { sealed } = await useEverything(h);
    const adapter = h.deps.store.keyv.store as KeyvSqlite;
    const path = String(adapter.opts.db);
    const before = fileBytes(path);
    expect(before).toContain(CANARY.username);
    expect(before).toContain(sealed);
    const rows = (sql: string) => adapter.query(sql, 'ws:T1:', 'ws:T1:') as Promise<unknown[]>;
    expect((await rows('SELECT key FROM keyv WHERE substr(key, 1, length(?)) = ?')).length).toBeGreaterThan(3);

    await uninstall(h);

    expect(await rows('SELECT key FROM keyv WHERE substr(key, 1, length(?)) = ?')).toEqual([]);
    expect(await rows('SELECT key FROM claims WHERE substr(key, 1, length(?)) = ?')).toEqual([]);
    expect(await rows('SELECT name FROM member_sets WHERE substr(name, 1, length(?)) = ?')).toEqual([]);
    expect(await h.deps.digests.enrolled()).not.toContain('T1');
    expect(await h.deps.alerts.enrolled()).not.toContain('T1');
    expect(await adapter.query("SELECT name FROM due_index WHERE member = 'T1'")).toEqual([]);
    const after = fileBytes(path);
    expect(after).not.toContain(CANARY.username);
    expect(after).not.toContain(sealed);
    expect(after).not.toContain(CANARY_TOKEN);
  });
});

describe('uninstalling, on Redis', () => {
  it('deletes every key of the workspace: values, claims and sets, and its places in the due indexes', async () => {
    h = await slackAppHarness({
      env: { STORE_URL: redis.url },
      accounts: [{ ...CANARY, zone: 'Europe/Athens', seed: 3 }],
    });
    await useEverything(h);
    const client = await (h.deps.store.keyv.store as KeyvRedis<unknown>).getClient();
    const keysOfT1 = async () => (await client.keys('*')).map(String).filter((key) => key.includes('ws:T1:'));
    expect((await keysOfT1()).length).toBeGreaterThan(3);

    await uninstall(h);

    expect(await keysOfT1()).toEqual([]);
    expect(await h.deps.digests.enrolled()).not.toContain('T1');
    expect(await h.deps.alerts.enrolled()).not.toContain('T1');
    for (const index of [h.deps.digests.due.index, h.deps.alerts.due.index]) {
      expect(await client.zScore(index, 'T1')).toBeNull();
      expect(await client.hGet(`${index}:tokens`, 'T1')).toBeNull();
    }
  });
});
