import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Measure } from '../../src/report/report-types.js';
import { someAlertSettings } from '../support/alert-settings.js';
import type { AppProcess } from '../support/app-process.js';
import { expectValidView } from '../support/block-kit.js';
import { type FaultRig, faultRig } from '../support/fault-rig.js';
import { sandboxTotals, totalsShown } from '../support/report-reading.js';
import { until } from '../support/scheduler-instances.js';
import { steppedClock } from '../support/stepped-clock.js';

/**
 * The built app against a Tellody that drops connections and answers 503 (the sandbox's
 * `--drop-rate` and `--error-rate`), its wall clock stepped to the digest's documented retries
 * (5 minutes, then 15) instead of waiting for them.
 */
const clock = steppedClock('2026-12-07T09:00:20+02:00'); // Monday, the digest's time just gone
const ATHENS = { zone: 'Europe/Athens', weekStart: 1 as const };
const WEEK = '2026-11-30';
const UNAVAILABLE = /^Tellody isn’t answering right now, so there is no report this time\. /;
const PHRASES = [
  'last week',
  ...Array.from({ length: 9 }, (_, i) => `${i + 2} weeks ago`),
  'last month',
  'October 2026',
];

let rig: FaultRig;
let app: AppProcess;
const expected = new Map<string, Record<Measure, number>>();

beforeAll(async () => {
  rig = await faultRig({ now: clock.now });
  for (const phrase of PHRASES)
    expected.set(phrase, (await sandboxTotals(rig.sandbox.baseUrl, phrase, { ...ATHENS, now: clock.now() })).totals);
  await rig.digestIn('CTDIGEST');
  await rig.alertsIn(
    someAlertSettings('CTALERTS', { measures: { contactsBlocked: true, contactsAdded: true, contactsServed: true } }),
  );
  rig.sandbox.faults.errorRate = 1; // Tellody down when the digest comes due
  app = await rig.startApp(clock.env);
});
afterAll(() => rig.close());

async function home(): Promise<string> {
  const before = rig.slack.callsTo('views.publish').length;
  await rig.requestsTo(app, clock.now).event({ type: 'app_home_opened', user: 'UADMIN', channel: 'D1', tab: 'home' });
  const [publish] = (await rig.slack.waitForCalls('views.publish', before + 1)).slice(-1);
  const view = publish?.args.view as { blocks: unknown[] };
  expectValidView(view);
  return JSON.stringify(view.blocks);
}

describe('Tellody failing, the digest retries as documented: 5 minutes, 15 minutes, then hourly', () => {
  it('waits after the first failure and says so on Home, never posting a blank report', async () => {
    await until(async () => (await rig.week(WEEK))?.state === 'waiting', 'the first attempt', 20_000);
    expect(await rig.week(WEEK)).toMatchObject({
      attempts: 1,
      failingSince: expect.any(Number),
      problem: { kind: 'tellody-unavailable' },
    });
    const record = await rig.week(WEEK);
    expect((record?.nextAttemptAt ?? 0) - (record?.failingSince ?? 0)).toBe(5 * 60_000);
    expect(await home()).toMatch(/Waiting for Tellody since Mon 7 Dec, 09:00; next try Mon 7 Dec, 09:05/);
    expect(rig.slack.messagesIn('CTDIGEST')).toHaveLength(0);
  });

  it('tries again 5 minutes later, then 15 minutes after that, and posts once Tellody answers', async () => {
    clock.step(5 * 60_000);
    await until(async () => (await rig.week(WEEK))?.attempts === 2, 'the second attempt', 40_000);
    const second = await rig.week(WEEK);
    expect(second).toMatchObject({ state: 'waiting' });
    expect((second?.nextAttemptAt ?? 0) - (second?.updatedAt ?? 0)).toBe(15 * 60_000);
    rig.sandbox.faults.errorRate = 0;
    clock.step(15 * 60_000);
    await until(async () => (await rig.week(WEEK))?.state === 'posted', 'the digest, posted', 40_000);
    expect(await rig.week(WEEK)).toMatchObject({ attempts: 3 });
    expect(rig.slack.messagesIn('CTDIGEST')).toHaveLength(1);
  }, 60_000);

  it('raised no alert from the missing data meanwhile', () => {
    expect(rig.slack.messagesIn('CTALERTS')).toHaveLength(0);
    expect(app.logText()).toMatch(/alerts T1: no check \(tellody-unavailable/);
  });
});

describe('/contacts while Tellody drops 30 % of connections and answers 503 to 30 % of requests', () => {
  it('answers each with its report (Tellody’s own numbers) or an honest “Tellody isn’t answering”', async () => {
    Object.assign(rig.sandbox.faults, { dropRate: 0.3, errorRate: 0.3 });
    const requests = rig.requestsTo(app, clock.now);
    const answers = await Promise.all(
      PHRASES.map(async (phrase) => {
        const sent = await requests.command(phrase);
        const [post] = await rig.slack.waitForPosts(sent.id, 1, 15_000);
        return { phrase, body: post?.body as { text: string; blocks: object[] } };
      }),
    );
    Object.assign(rig.sandbox.faults, { dropRate: 0, errorRate: 0 });
    for (const { phrase, body } of answers) {
      if (UNAVAILABLE.test(body.text)) continue;
      expect(totalsShown(body), phrase).toEqual(expected.get(phrase));
    }
    // Each request's chance of failing all three tries is 0.51³ ≈ 13 %: most answers are reports.
    expect(answers.filter((a) => !UNAVAILABLE.test(a.body.text)).length).toBeGreaterThan(0);
  });
});
