import { DigestRepository } from '../../src/store/digest-schedules.js';
import { aDigestSchedule } from '../../test/support/digest-schedule.js';
import { faultRig } from '../../test/support/fault-rig.js';
import { steppedClock } from '../../test/support/stepped-clock.js';
import { type FaultRow, log, sleep } from './common.js';

/** Workspaces due every two minutes from 09:00 (Athens), so every step lands near one's minute. */
const WORKSPACES = 16;

/**
 * The built app's wall clock stepped forward 10 minutes and back 2, again and again, through a
 * quarter hour of digest times: each digest whose time the clock has passed is posted once.
 */
export async function clockSteps(cycles: number): Promise<FaultRow[]> {
  const clock = steppedClock('2026-12-07T08:56:00+02:00');
  const rig = await faultRig({ now: clock.now });
  const digests = new DigestRepository(rig.store);
  const ids = Array.from({ length: WORKSPACES }, (_, i) => `TCLOCK${i}`);
  const slots = ids.map((_, i) => `09:${String(i * 2).padStart(2, '0')}`);
  for (const [i, id] of ids.entries())
    await digests.setSchedule(
      id,
      aDigestSchedule(`C${id}`, { teamId: id, time: slots[i], activeSince: Date.parse('2026-12-01T00:00:00Z') }),
    );
  await rig.startApp(clock.env);
  let steps = 0;
  try {
    for (let c = 0; c < cycles; c++) {
      clock.step(10 * 60_000);
      steps++;
      await sleep(35_000); // the next tick comes within 30 s of a forward step
      clock.step(-2 * 60_000);
      steps++;
      await sleep(65_000); // after a step back, within a minute
      log(`clock cycle ${c + 1}/${cycles}: the app's clock reads ${new Date(clock.now()).toISOString()}`);
    }
    await sleep(5000);
  } finally {
    await rig.close().catch(() => {});
  }
  const now = clock.now();
  const slotAt = (i: number) => Date.parse(`2026-12-07T${slots[i]}:00+02:00`);
  const dueSlots = slots.filter((_, i) => slotAt(i) <= now - 60_000).length;
  const posts = ids.map((id) => rig.slack.messagesIn(`C${id}`).length);
  const due = posts.slice(0, dueSlots);
  // Early: posted when the app's own clock had not yet reached the digest's time.
  const early = ids.filter((id, i) =>
    rig.slack.messagesIn(`C${id}`).some((m) => clock.readAt(m.receivedAt) < slotAt(i)),
  ).length;
  return [
    {
      fault: 'Wall clock stepped +10 min, then −2 min, repeatedly, through the digests’ minutes (libfaketime)',
      tried: `${steps} steps (${cycles} × +10/−2 min), ${WORKSPACES} digests due 09:00–09:${String((WORKSPACES - 1) * 2).padStart(2, '0')}`,
      happened: `${due.filter((p) => p === 1).length} of ${dueSlots} digests whose time had passed were posted; ${early} posted before its time on the app's clock`,
      posts: `${posts.reduce((a, b) => a + b, 0)} in ${WORKSPACES} channels (at most ${Math.max(...posts)} in one)`,
      lost: due.some((p) => p === 0) ? `${due.filter((p) => p === 0).length} due digest(s) not posted` : 'none',
    },
  ];
}
