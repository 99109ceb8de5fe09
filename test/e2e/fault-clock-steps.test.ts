import { afterAll, describe, expect, it } from 'vitest';
import { DigestRepository } from '../../src/store/digest-schedules.js';
import { aDigestSchedule } from '../support/digest-schedule.js';
import { type FaultRig, faultRig } from '../support/fault-rig.js';
import { sleep, until } from '../support/scheduler-instances.js';
import { steppedClock } from '../support/stepped-clock.js';

/**
 * The built app's wall clock stepped while it runs (libfaketime: timers keep real time, as when
 * NTP or an operator steps a server's clock), around the digest's minute, Mondays 09:00 in Athens.
 * Each scenario has its own app, store and clock, and they run side by side. A "canary"
 * workspace, set up after the step and due at a minute the clock passes again, proves that the
 * scheduler ticked after the step: its digest is posted at that tick, where the first is not.
 */
const WEEK = '2026-11-30';
const rigs: FaultRig[] = [];
afterAll(() => Promise.all(rigs.map((rig) => rig.close())));

async function rigAt(startIso: string) {
  const clock = steppedClock(startIso);
  const rig = await faultRig({ now: clock.now });
  rigs.push(rig);
  await rig.digestIn('CDIGEST');
  return { clock, rig };
}

/** A second workspace's digest, set up just now (after the step), due Mondays at `time`. */
async function canary(rig: FaultRig, time: string, activeSince: number): Promise<void> {
  await new DigestRepository(rig.store).setSchedule(
    'TCANARY',
    aDigestSchedule('CCANARY', { teamId: 'TCANARY', time, activeSince }),
  );
}

describe.concurrent('the clock stepped around the digest’s minute', () => {
  it('forward 10 minutes, over 09:00: the digest is posted at the next tick, once', async () => {
    const { clock, rig } = await rigAt('2026-12-07T08:55:20+02:00');
    await rig.startApp(clock.env);
    expect(rig.slack.messagesIn('CDIGEST')).toHaveLength(0); // 08:55: not due
    clock.step(10 * 60_000); // 09:05: 09:00 never came round on this clock
    await until(() => rig.slack.messagesIn('CDIGEST').length === 1, 'the digest, late', 45_000);
    await canary(rig, '09:06', clock.now() - 60_000);
    await until(() => rig.slack.messagesIn('CCANARY').length === 1, 'a tick after the post', 45_000);
    await sleep(2000); // the rest of that tick's work
    expect(rig.slack.messagesIn('CDIGEST')).toHaveLength(1);
    expect(await rig.week(WEEK)).toMatchObject({ state: 'posted', attempts: 1 });
  }, 60_000);

  it('back 2 minutes, from after 09:00 to before it: 09:00 comes round again and nothing more is posted', async () => {
    const { clock, rig } = await rigAt('2026-12-07T09:01:20+02:00');
    await rig.startApp(clock.env); // due at start: posted at once
    await until(() => rig.slack.messagesIn('CDIGEST').length === 1, 'the digest', 20_000);
    clock.step(-2 * 60_000); // 08:59:2x: the digest's minute is still to come on this clock
    await canary(rig, '09:00', clock.now() - 60_000);
    await until(() => rig.slack.messagesIn('CCANARY').length === 1, 'a tick at 09:00, the second time', 45_000);
    await sleep(2000); // the rest of that tick's work
    expect(rig.slack.messagesIn('CDIGEST')).toHaveLength(1);
    expect(await rig.week(WEEK)).toMatchObject({ state: 'posted', attempts: 1 });
  }, 60_000);
});
