import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEASURES, type Measure } from '../../src/report/report-types.js';
import { WorkspaceSettingsRepository } from '../../src/store/workspace-settings.js';
import { TellodyClient } from '../../src/tellody/client.js';
import { parseSpike } from '../../src/tellody/sandbox/anomalies.js';
import type { ContactChartRequest } from '../../src/tellody/tellody-types.js';
import { aboutCount } from '../../src/views/alert-message.js';
import { count } from '../../src/views/format.js';
import { someAlertSettings } from '../support/alert-settings.js';
import type { AppProcess } from '../support/app-process.js';
import { type FaultRig, faultRig } from '../support/fault-rig.js';
import { totalsShown } from '../support/report-reading.js';
import { sleep, until } from '../support/scheduler-instances.js';
import { steppedClock } from '../support/stepped-clock.js';

/**
 * The built app serving a workspace that chose Sunday weeks in Los Angeles, on a deployment whose
 * default is still Athens with Monday weeks, and a Tellody account in Los Angeles. Its clock
 * starts on Sunday 8 November 2026 at 14:14:52 PST, a week after the clocks went back: the digest
 * (Sundays at 14:15) reports the week of 1–7 November, 169 hours long, and the alerts check a
 * Sunday afternoon in Los Angeles, when it is already 00:14 on Monday in Athens, an hour an
 * Athens calendar has nothing to compare yet. What the app posts is held against the sandbox's own
 * counts, for windows worked out here with Luxon.
 */
const LA = 'America/Los_Angeles';
const clock = steppedClock('2026-11-08T14:14:52-08:00');
const SUNDAY = DateTime.fromISO('2026-11-08', { zone: LA }).startOf('day');
const HOUR = 3_600_000;
/** Contacts served at five times their usual rate since 06:00 this Sunday in Los Angeles. */
const SERVED_SPIKE = 'contactsServed:5x:from=2026-11-08T06:00-08:00';

let rig: FaultRig;
let app: AppProcess;
let tellody: TellodyClient;

beforeAll(async () => {
  rig = await faultRig({ now: clock.now, zone: LA, faults: { anomalies: [parseSpike(SERVED_SPIKE)] } });
  tellody = new TellodyClient({ baseUrl: rig.sandbox.baseUrl, credentials: { username: 'demo', password: 'demo' } });
  await new WorkspaceSettingsRepository(rig.store).set('T1', { weekStart: 0, zone: LA, updatedAt: 1 });
  // Set up after last Sunday's slot: this Sunday's is the first it owes.
  await rig.digestIn('CLADIGEST', { day: 0, time: '14:15', activeSince: Date.parse('2026-11-02T12:00:00-08:00') });
  await rig.alertsIn(
    someAlertSettings('CLAALERTS', {
      measures: { contactsBlocked: false, contactsAdded: false, contactsServed: true },
    }),
  );
  app = await rig.startApp(clock.env);
}, 30_000);
afterAll(() => rig.close());

/** What the sandbox counts in one window of Tellody's, summed over its buckets (the first `buckets` of them, if given). */
async function sandboxCounts(request: ContactChartRequest, buckets?: number): Promise<Record<Measure, number>> {
  const chart = await tellody.contactChart(request);
  const sum = (series: readonly number[]) => series.slice(0, buckets).reduce((a, b) => a + b, 0);
  return Object.fromEntries(MEASURES.map((m) => [m, sum(chart[m])])) as Record<Measure, number>;
}

/** Contacts served on a Los Angeles day up to 14:00 by its clock (an hour of the sandbox's is an hour of time there). */
async function servedBy2pm(day: DateTime): Promise<number> {
  const to = day.plus({ days: 1 }).toMillis() - 1;
  const buckets = (day.set({ hour: 14 }).toMillis() - day.toMillis()) / HOUR;
  const request = { from: day.toMillis(), to, unit: 'hour', window: 'day', dow: 0 } as const;
  return (await sandboxCounts(request, buckets)).contactsServed;
}

/** The app's log lines for its runs of a job for T1 (their `time` is the app's own clock). */
function jobRuns(job: 'digest' | 'alerts') {
  return app.records().filter((r) => r.msg === 'job run' && r.job === job && r.workspace === 'T1');
}

/** A log line's time as a wall clock in `zone` reads it. */
function inZone(time: unknown, zone: string, format: string): string {
  return DateTime.fromISO(String(time), { zone }).toFormat(format);
}

/** The middle count, worked out here rather than with the app's own detect.ts. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2
    ? (sorted[Math.floor(middle)] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

describe('a workspace on Sunday weeks in Los Angeles, a week after the clocks went back', () => {
  it('gets its weekly digest at its Sunday slot, once, with the sandbox’s own counts for Sunday 1 to Saturday 7 November there', async () => {
    const lastWeek = SUNDAY.minus({ weeks: 1 });
    expect(lastWeek.plus({ weeks: 1 }).diff(lastWeek, 'hours').hours).toBe(169); // the hour the clocks repeat is in it
    const expected = await sandboxCounts({
      from: lastWeek.toMillis(),
      to: SUNDAY.toMillis() - 1,
      unit: 'day',
      window: 'week',
      dow: 0,
    });
    await until(() => rig.slack.messagesIn('CLADIGEST').length === 1, 'the digest', 20_000);
    await sleep(2000); // any second post would be on its way by now
    const posted = rig.slack.messagesIn('CLADIGEST');
    expect(posted).toHaveLength(1);
    const [digest] = posted;
    expect(digest?.text).toMatch(/^Weekly digest: .*Last week · Sun 1 – Sat 7 Nov 2026/);
    expect(totalsShown(digest as { blocks: object[] })).toEqual(expected);
    expect(await rig.week('2026-11-01')).toMatchObject({ state: 'posted', attempts: 1 });
    const posts = jobRuns('digest').filter((r) => r.outcome === 'posted');
    expect(posts.map((r) => inZone(r.time, LA, 'ccc HH:mm'))).toEqual(['Sun 14:15']);
  });

  it('checks its alerts on a Los Angeles Sunday afternoon, past Athens’ midnight, against the eight Sundays before in Los Angeles', async () => {
    const today = await servedBy2pm(SUNDAY);
    const earlier = await Promise.all(Array.from({ length: 8 }, (_, i) => servedBy2pm(SUNDAY.minus({ weeks: i + 1 }))));
    const usual = median(earlier);
    const ratio = today / usual;
    await until(() => rig.slack.messagesIn('CLAALERTS').length === 1, 'the alert', 20_000);
    const [alert] = rig.slack.messagesIn('CLAALERTS');
    expect(alert?.text).toBe(
      `Contacts served are ${ratio < 10 ? ratio.toFixed(1) : Math.round(ratio)}× a usual Sunday by 14:00: ${count(today)} against ${aboutCount(usual)}`,
    );
    expect(JSON.stringify(alert?.blocks)).toContain('"value":"2026-11-08|contactsServed"');
    const [check] = jobRuns('alerts').filter((r) => r.outcome === 'checked');
    expect(inZone(check?.time, LA, 'ccc HH')).toBe('Sun 14');
    expect(inZone(check?.time, 'Europe/Athens', 'ccc HH')).toBe('Mon 00'); // Athens' day has no whole hour yet
  });
});
