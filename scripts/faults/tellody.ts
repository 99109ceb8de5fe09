import type { Measure } from '../../src/report/report-types.js';
import { AlertRepository } from '../../src/store/alert-settings.js';
import { someAlertSettings } from '../../test/support/alert-settings.js';
import { faultRig } from '../../test/support/fault-rig.js';
import { sandboxTotals, totalsShown } from '../../test/support/report-reading.js';
import { steppedClock } from '../../test/support/stepped-clock.js';
import { type FaultRow, log, sleep, waitFor } from './common.js';

const ATHENS = { zone: 'Europe/Athens', weekStart: 1 as const };
const UNAVAILABLE = /^Tellody isn’t answering right now/;

/** `/contacts` for `count` different periods while Tellody drops 30 % of connections and answers 503 to 30 %. */
async function commands(count: number): Promise<FaultRow> {
  const rig = await faultRig();
  try {
    const phrases = Array.from({ length: count }, (_, i) => `${i + 1} weeks ago`.replace(/^1 weeks ago$/, 'last week'));
    const expected = new Map<string, Record<Measure, number>>();
    for (const p of phrases)
      expected.set(p, (await sandboxTotals(rig.sandbox.baseUrl, p, { ...ATHENS, now: Date.now() })).totals);
    const app = await rig.startApp();
    const requests = rig.requestsTo(app);
    Object.assign(rig.sandbox.faults, { dropRate: 0.3, errorRate: 0.3 });
    let [exact, honest, wrong, none] = [0, 0, 0, 0];
    for (const phrase of phrases) {
      const sent = await requests.command(phrase);
      const post = (await rig.slack.waitForPosts(sent.id, 1, 20_000).catch(() => [])).at(-1);
      const body = post?.body as { text: string; blocks: object[] } | undefined;
      if (!body) none++;
      else if (UNAVAILABLE.test(body.text)) honest++;
      else if (JSON.stringify(totalsShown(body)) === JSON.stringify(expected.get(phrase))) exact++;
      else wrong++;
    }
    const tellody = [...rig.sandbox.calls.entries()].map(([path, n]) => `${path.split('/').at(-1)} ${n}`).join(', ');
    log(`tellody commands: ${exact} exact, ${honest} honest, ${wrong} wrong, ${none} unanswered (${tellody})`);
    return {
      fault:
        'Tellody dropping 30 % of connections and answering 503 to 30 % (`--drop-rate 0.3 --error-rate 0.3`): /contacts',
      tried: `${count} commands, each a different week`,
      happened: `${exact} reports with exactly Tellody's numbers, ${honest} "Tellody isn’t answering right now … try again in a few minutes", ${wrong} wrong numbers, ${none} unanswered`,
      posts: '—',
      lost: 'none (nothing is written by a report)',
    };
  } finally {
    await rig.close();
  }
}

/** The digest while Tellody answers nothing: its attempts, stepped through on the app's clock, then 24 hours on. */
async function digestRetries(retries: number): Promise<FaultRow> {
  const clock = steppedClock('2026-12-07T09:00:20+02:00');
  const rig = await faultRig({ now: clock.now, faults: { errorRate: 1 } });
  try {
    await rig.digestIn('CRETRY');
    await rig.startApp(clock.env);
    const week = () => rig.week('2026-11-30');
    const gaps: number[] = [];
    for (let attempt = 1; attempt <= retries; attempt++) {
      await waitFor(async () => (await week())?.attempts === attempt, 45_000);
      const record = await week();
      if (!record?.nextAttemptAt) break;
      gaps.push((record.nextAttemptAt - record.updatedAt) / 60_000);
      clock.set(new Date(record.nextAttemptAt + 1000).toISOString());
    }
    clock.step(24 * 3_600_000);
    await waitFor(async () => (await week())?.state === 'missed', 45_000);
    const final = await week();
    log(`tellody digest: retries ${gaps.join(', ')} min; then ${final?.state}`);
    return {
      fault: 'Tellody answering 503 to everything when the digest is due (`--error-rate 1`)',
      tried: `${gaps.length + 1} attempts, the app's clock stepped to each next try, then 24 h on`,
      happened: `waited ${gaps.map((g) => `${g} min`).join(', ')} between attempts; after 24 h the week was recorded "${final?.state}" (${final?.problem?.kind}), Home saying so with Send now`,
      posts: `${rig.slack.messagesIn('CRETRY').length} (never a blank report)`,
      lost: 'none: the week is on Home as missed, with why',
    };
  } finally {
    await rig.close();
  }
}

/** Same-day alert checks while Tellody drops and fails requests: what they posted from the data they got. */
async function alertChecks(workspaces: number, checks: number): Promise<FaultRow> {
  const clock = steppedClock('2026-12-07T10:04:40+02:00');
  const rig = await faultRig({ now: clock.now, faults: { dropRate: 0.3, errorRate: 0.3 } });
  try {
    const alerts = new AlertRepository(rig.store);
    const all = { contactsBlocked: true, contactsAdded: true, contactsServed: true };
    for (let i = 0; i < workspaces; i++)
      await alerts.setSettings(`TAL${i}`, someAlertSettings(`CAL${i}`, { teamId: `TAL${i}`, measures: all }));
    const app = await rig.startApp(clock.env);
    for (let c = 1; c < checks; c++) {
      await sleep(32_000); // a check at the quarter hour's minute 5 (the app's clock), then the next quarter
      clock.step(15 * 60_000);
    }
    await sleep(32_000);
    const log_ = app.logText();
    const noData = (log_.match(/: no check \(/g) ?? []).length;
    const posted = (log_.match(/alert posted/g) ?? []).length;
    const inChannels = Array.from({ length: workspaces }, (_, i) => rig.slack.messagesIn(`CAL${i}`).length);
    log(`tellody alerts: ${noData} checks without data, ${posted} alerts posted`);
    return {
      fault: 'Tellody dropping 30 % and failing 30 % of requests during same-day alert checks',
      tried: `${workspaces} workspaces × ${checks} quarter-hour checks (the app's clock stepped 15 min each), all three measures`,
      happened: `${noData} checks could not read the day and posted nothing (Home: "Tellody could not be read since …"); the rest compared whole days`,
      posts: `${inChannels.reduce((a, b) => a + b, 0)} alerts (an ordinary Monday on the sandbox)`,
      lost: 'none',
    };
  } finally {
    await rig.close();
  }
}

export async function tellodyFaults(options: {
  commands: number;
  retries: number;
  alertChecks: number;
}): Promise<FaultRow[]> {
  // Separate apps, stores and clocks: run side by side.
  return Promise.all([
    commands(options.commands),
    digestRetries(options.retries),
    alertChecks(10, options.alertChecks),
  ]);
}
