import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AlertRunner } from '../../../src/alerts/alert-runner.js';
import { DigestRunner } from '../../../src/digest/digest-runner.js';
import { CALLBACKS } from '../../../src/views/ids.js';
import { someAlertSettings } from '../../support/alert-settings.js';
import { aDigestSchedule } from '../../support/digest-schedule.js';
import { startRedis } from '../../support/redis-server.js';
import { type AppHarness, digestValues, settingsValues, slackAppHarness } from '../../support/slack-app-harness.js';
import { countStoreCalls } from '../../support/store-calls.js';

/*
 * The scheduled jobs tick over their due index: a tick asks the store what is due now and runs
 * only that; each run writes down when its workspace is next due. What a tick asks of the store
 * is counted call by call.
 */

let redis: Awaited<ReturnType<typeof startRedis>>;
/** One app on a SQLite file, one on Redis. */
let onSqlite: AppHarness;
let onRedis: AppHarness;
beforeAll(async () => {
  redis = await startRedis();
  const env = { TELLODY_USERNAME: 'demo', TELLODY_PASSWORD: 'demo' };
  onSqlite = await slackAppHarness({ env });
  onRedis = await slackAppHarness({ env: { ...env, STORE_URL: redis.url } });
});
afterAll(async () => {
  await onSqlite.close();
  await onRedis.close();
  await redis.stop();
});

/** A local time in Athens (EET, UTC+2) on Monday 30 November 2026, or on the Monday a week later. */
const monday = (local: string) => `2026-11-30T${local}:00+02:00`;
const nextMonday = (local: string) => `2026-12-07T${local}:00+02:00`;

describe.each([
  ['a SQLite file', () => onSqlite],
  ['Redis', () => onRedis],
])('on %s, a tick', (_name, app) => {
  let h: AppHarness;
  const ids = Array.from({ length: 20 }, (_, i) => `TMANY${i}`);
  beforeAll(() => {
    h = app();
  });
  afterAll(async () => {
    for (const id of ids) await Promise.all([h.deps.digests.forget(id), h.deps.alerts.forget(id)]);
  });

  it('with nothing due asks the due index once and reads no workspace’s schedule or state, however many have the jobs', async () => {
    for (const id of ids) {
      await h.deps.digests.setSchedule(id, aDigestSchedule(`C${id}`, { teamId: id }));
      await h.deps.alerts.setSettings(id, someAlertSettings(`A${id}`, { teamId: id }));
    }
    const [digests, alerts] = [new DigestRunner(h.deps.jobs.digest), new AlertRunner(h.deps.jobs.alerts)];
    h.clock.set(monday('00:20')); // each is looked at once (set up just now), and placed
    expect(await digests.tick()).toHaveLength(ids.length);
    expect(await alerts.tick()).toHaveLength(ids.length);

    h.clock.set(monday('00:50')); // the digests are due at 09:00, the alert checks at 01:00
    const counted = countStoreCalls(h.deps.store);
    try {
      expect(await digests.tick()).toEqual([]);
      expect(await alerts.tick()).toEqual([]);
      expect(counted.calls).toEqual(['due.due', 'due.due']);
    } finally {
      counted.stop();
    }

    h.clock.set(monday('09:00'));
    const results = await digests.tick();
    expect(results.map((r) => r.workspace).sort()).toEqual([...ids].sort());
    expect(results.every((r) => r.result.outcome === 'posted')).toBe(true);
    expect(await digests.tick()).toEqual([]);
  });
});

describe('the digest’s due time', () => {
  let h: AppHarness;
  beforeAll(() => {
    h = onSqlite;
  });
  afterEach(() => h.slack.slowDown('chat.postMessage', 0));
  const runner = () => new DigestRunner(h.deps.jobs.digest);
  const dueAt = async (id: string) => (await h.deps.digests.due.entry(id))?.dueAt;

  it('of a digest saved at 08:59 for 09:00 is 09:00, and it is posted then', async () => {
    h.clock.set(monday('08:59'));
    const saved = await h.submit(
      digestValues({ channel: 'CSAVED', day: 'monday', time: '09:00' }),
      {},
      CALLBACKS.digest,
    );
    expect(saved.status).toBe(200);
    await runner().tick();
    expect(h.slack.messagesIn('CSAVED')).toHaveLength(0);
    expect(await dueAt('T1')).toBe(Date.parse(monday('09:00')));
    h.clock.set(monday('09:00'));
    await runner().tick();
    expect(h.slack.messagesIn('CSAVED')).toHaveLength(1);
    expect(await dueAt('T1')).toBe(Date.parse(nextMonday('09:00')));
  });

  it('moves with the workspace’s zone when its settings are saved', async () => {
    h.clock.set(nextMonday('08:00')); // 06:00 UTC
    // The workspace moves to New York, with a Tellody account kept in that zone.
    const newYork = settingsValues({ zone: 'America/New_York', username: 'ny', password: 'ny-pass' });
    expect((await h.submit(newYork)).status).toBe(200);
    await runner().tick();
    const nineInNewYork = Date.parse('2026-12-07T09:00:00-05:00');
    expect(await dueAt('T1')).toBe(nineInNewYork);
    h.clock.set(nextMonday('09:00')); // 09:00 in Athens, where it used to go out
    expect(await runner().tick()).toEqual([]);
    expect(h.slack.messagesIn('CSAVED')).toHaveLength(1);
    h.clock.set('2026-12-07T09:00:00-05:00');
    await runner().tick();
    expect(h.slack.messagesIn('CSAVED')).toHaveLength(2);
    const athens = settingsValues({ zone: 'Europe/Athens', username: 'demo', password: 'demo' });
    expect((await h.submit(athens)).status).toBe(200);
    await runner().tick(); // placed again, in Athens
  });

  it('stays at the slot while no instance runs, and the digest is caught up when one does', async () => {
    await h.deps.digests.setSchedule('TDOWN', aDigestSchedule('CDOWN', { teamId: 'TDOWN' }));
    h.clock.set(monday('08:00'));
    await runner().tick();
    expect(await dueAt('TDOWN')).toBe(Date.parse(monday('09:00')));
    h.clock.set(monday('15:30')); // nothing ran from 08:00 to 15:30
    expect((await runner().tick()).map((r) => [r.workspace, r.result.outcome])).toEqual([['TDOWN', 'posted']]);
    await h.deps.digests.forget('TDOWN');
  });

  it('is not overwritten by a run that started before the schedule was saved again', async () => {
    await h.deps.digests.setSchedule('TRACE', aDigestSchedule('CRACE', { teamId: 'TRACE' }));
    h.clock.set(monday('09:00'));
    h.slack.slowDown('chat.postMessage', 500);
    const posts = h.slack.callsTo('chat.postMessage').length;
    const ticking = runner().tick();
    await h.slack.waitForCalls('chat.postMessage', posts + 1);
    // While the 09:00 digest is being posted, an admin moves it to 10:00.
    await h.deps.digests.setSchedule('TRACE', aDigestSchedule('CRACE', { teamId: 'TRACE', time: '10:00' }));
    expect(await ticking).toEqual([{ workspace: 'TRACE', result: { outcome: 'posted' } }]);
    expect(await dueAt('TRACE')).toBe(0); // still due at once: the run's "next Monday 09:00" was not written
    await runner().tick();
    expect(await dueAt('TRACE')).toBe(Date.parse(monday('10:00')));
    await h.deps.digests.forget('TRACE');
  });

  it('is indexed at start for workspaces a store written before the index holds, and their digests go out', async () => {
    await h.deps.digests.setSchedule('TOLD', aDigestSchedule('COLD', { teamId: 'TOLD' }));
    await h.deps.store.due.remove(h.deps.digests.due.index, 'TOLD'); // as an older version left it
    h.clock.set(monday('09:00'));
    expect(await runner().tick()).toEqual([]);
    expect(await runner().reconcile()).toBe(1);
    expect(await runner().reconcile()).toBe(0);
    expect(await runner().tick()).toEqual([{ workspace: 'TOLD', result: { outcome: 'posted' } }]);
    await h.deps.digests.forget('TOLD');
  });

  it('is put right by the sweep when the index holds it for later, by one instance a period', async () => {
    await h.deps.digests.setSchedule('TDRIFT', aDigestSchedule('CDRIFT', { teamId: 'TDRIFT' }));
    h.clock.set(monday('08:00'));
    await runner().tick();
    // An entry wrong for whatever reason: a year late.
    await h.deps.store.due.set(h.deps.digests.due.index, 'TDRIFT', Date.parse('2027-11-29T09:00:00+02:00'));
    h.clock.set(monday('09:00'));
    expect(await runner().tick()).toEqual([]);
    const swept = await runner().sweepIfDue();
    // TDRIFT, and any other this file's clock, stepped back a week, left placed for later.
    expect(swept?.late).toBeGreaterThanOrEqual(1);
    expect(await dueAt('TDRIFT')).toBe(Date.parse(monday('09:00')));
    expect(await runner().sweepIfDue()).toBeNull(); // another instance: this period is swept
    const results = await runner().tick();
    expect(results.filter((r) => r.workspace === 'TDRIFT')).toEqual([
      { workspace: 'TDRIFT', result: { outcome: 'posted' } },
    ]);
    await h.deps.digests.forget('TDRIFT');
  });

  it('leaves the index when the digest is switched off, and comes back when it is switched on', async () => {
    await h.deps.digests.setSchedule('TOFF', aDigestSchedule('COFF', { teamId: 'TOFF', enabled: false }));
    h.clock.set(monday('08:00'));
    await runner().tick();
    expect(await dueAt('TOFF')).toBeUndefined();
    await h.deps.digests.setSchedule('TOFF', aDigestSchedule('COFF', { teamId: 'TOFF' }));
    await runner().tick();
    expect(await dueAt('TOFF')).toBe(Date.parse(monday('09:00')));
    await h.deps.digests.forget('TOFF');
    expect(await dueAt('TOFF')).toBeUndefined();
  });
});

describe('the alert checks’ due time', () => {
  let h: AppHarness;
  beforeAll(() => {
    h = onSqlite;
  });
  /** What the check did for TQ (others may be due: workspaces whose settings were saved, without alerts). */
  const checkAt = async (iso: string) => {
    h.clock.set(iso);
    const results = await new AlertRunner(h.deps.jobs.alerts).tick();
    return results.filter((r) => r.workspace === 'TQ').map((r) => r.result.outcome);
  };
  const dueAt = async (id: string) => (await h.deps.alerts.due.entry(id))?.dueAt;

  it('is the next quarter hour after a check, the end of quiet hours within them, and 01:00 after midnight', async () => {
    const quietHours = { from: '22:00', to: '07:00' };
    await h.deps.alerts.setSettings('TQ', someAlertSettings('CQ', { teamId: 'TQ', quietHours }));
    expect(await checkAt(monday('21:50'))).toEqual(['checked']);
    expect(await dueAt('TQ')).toBe(Date.parse(monday('22:00')));
    expect(await checkAt(monday('22:05'))).toEqual(['quiet-hours']);
    expect(await dueAt('TQ')).toBe(Date.parse('2026-12-01T07:00:00+02:00'));
    expect(await checkAt('2026-12-01T03:05:00+02:00')).toEqual([]);
    expect(await checkAt('2026-12-01T07:05:00+02:00')).toEqual(['checked']);
    expect(await dueAt('TQ')).toBe(Date.parse('2026-12-01T07:15:00+02:00'));

    await h.deps.alerts.setSettings('TQ', someAlertSettings('CQ', { teamId: 'TQ' }));
    expect(await checkAt('2026-12-02T00:20:00+02:00')).toEqual(['too-early']);
    expect(await dueAt('TQ')).toBe(Date.parse('2026-12-02T01:00:00+02:00'));
    expect(await checkAt('2026-12-02T00:50:00+02:00')).toEqual([]);
    expect(await checkAt('2026-12-02T01:05:00+02:00')).toEqual(['checked']);

    await h.deps.alerts.setSettings(
      'TQ',
      someAlertSettings('CQ', {
        teamId: 'TQ',
        measures: {
          contactsBlocked: false,
          contactsAdded: false,
          contactsServed: false,
        },
      }),
    );
    expect(await checkAt('2026-12-02T01:20:00+02:00')).toEqual(['off']);
    expect(await dueAt('TQ')).toBeUndefined();
    await h.deps.alerts.forget('TQ');
  });
});
