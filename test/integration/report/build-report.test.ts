import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bucketStarts, type Calendar, windowAround } from '../../../src/period/calendar.js';
import { buildReport } from '../../../src/report/build-report.js';
import { NumbersFetcher, type NumbersSource } from '../../../src/report/numbers-fetcher.js';
import { MEASURES, type Totals } from '../../../src/report/report-types.js';
import { tellodySource } from '../../../src/report/tellody-source.js';
import { NumbersCache } from '../../../src/store/numbers-cache.js';
import { openStore } from '../../../src/store/open-store.js';
import { TellodyBadRequestError } from '../../../src/tellody/errors.js';
import { activityBetween } from '../../../src/tellody/sandbox/synthetic-data.js';
import type { ContactChart } from '../../../src/tellody/tellody-types.js';
import { type Harness, reportHarness } from '../../support/report-harness.js';

const athens: Calendar = { zone: 'Europe/Athens', weekStart: 1 };
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** The sandbox's own answer for [from, to), day by day: the independent check of slicing and merging. */
async function sandboxTotals(h: Harness, from: number, endExclusive: number): Promise<Totals> {
  const totals = { contactsAdded: 0, groupsAdded: 0, contactsServed: 0, contactsBlocked: 0 };
  for (const day of bucketStarts(from, endExclusive, 'day', athens)) {
    const chart: ContactChart = await h.client.contactChart({
      ...windowAround(day, 'day', athens),
      unit: 'hour',
      window: 'day',
      dow: 1,
    });
    for (const m of MEASURES) totals[m] += sum(chart[m]);
  }
  return totals;
}

let h: Harness;
beforeEach(async () => {
  h = await reportHarness();
});
afterEach(() => h.close());

describe('a report that fails', () => {
  it('gives up only once every Tellody call it started has settled, so none lands after the answer', async () => {
    // One window refused at once, the other still on its way: the report must not answer (and the
    // digest must not record "waiting") while a call it started is still running.
    const real = tellodySource(h.client, { baseUrl: h.sandbox.baseUrl, username: 'demo' });
    const finished: string[] = [];
    let refused = false;
    const source: NumbersSource = {
      accountId: real.accountId,
      async contactChart(request, options) {
        if (!refused) {
          refused = true;
          throw new TellodyBadRequestError('window refused');
        }
        const chart = await real.contactChart(request, options);
        await new Promise((resolve) => setTimeout(resolve, 50));
        finished.push(request.window);
        return chart;
      },
    };
    const period = h.period('last week');
    const outcome = await buildReport(period, { workspace: 'T1', source, fetcher: h.fetcher, now: h.clock.now() });
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'tellody-rejected' } });
    expect(finished).toHaveLength(1);
  });
});

describe('report arithmetic against the sandbox', () => {
  it('totals last week exactly as the sandbox counts its seven days', async () => {
    const report = await h.report('last week');
    expect(report.buckets).toHaveLength(7);
    expect(report.totals).toEqual(await sandboxTotals(h, report.period.start, report.period.end + 1));
    expect(report.running).toBe(false);
    expect(report.buckets.every((b) => b.values !== null && !b.partial)).toBe(true);
  });

  it('slices 3–10 November out of the month and keeps every day', async () => {
    const report = await h.report('Nov 3 to Nov 10');
    expect(report.buckets.map((b) => b.label)).toEqual([
      'Tue 3 Nov',
      'Wed 4 Nov',
      'Thu 5 Nov',
      'Fri 6 Nov',
      'Sat 7 Nov',
      'Sun 8 Nov',
      'Mon 9 Nov',
      'Tue 10 Nov',
    ]);
    expect(report.totals).toEqual(await sandboxTotals(h, report.period.start, report.period.end + 1));
  });

  it('merges a range across two month windows and a year end', async () => {
    const report = await h.report('Dec 20 to Jan 5');
    expect(report.buckets).toHaveLength(17);
    expect(report.totals).toEqual(await sandboxTotals(h, report.period.start, report.period.end + 1));
  });

  it('folds a year by day into the weeks of a quarter', async () => {
    const report = await h.report('Q3 2025');
    const byDay = await h.report('Q3 2025 by day');
    expect(report.totals).toEqual(byDay.totals);
    expect(report.buckets[0]?.values?.contactsServed).toBe(
      sum(byDay.buckets.slice(0, 6).map((b) => b.values?.contactsServed ?? 0)),
    );
  });

  it('compares a finished period with the whole previous one', async () => {
    const report = await h.report('last week');
    const previous = await h.report('2 weeks ago');
    expect(report.comparison?.totals).toEqual(previous.totals);
    expect(report.comparison?.sameElapsed).toBe(false);
    const served = report.comparison?.changes.contactsServed;
    expect(served?.delta).toBe(report.totals.contactsServed - previous.totals.contactsServed);
    expect(served?.percent).toBeCloseTo(
      ((report.totals.contactsServed - previous.totals.contactsServed) / previous.totals.contactsServed) * 100,
      10,
    );
  });

  it('shows the rest of a running week as not yet, and compares with the same point last week', async () => {
    const report = await h.report('this week'); // Friday 12:00 in Athens
    expect(report.running).toBe(true);
    expect(report.buckets.map((b) => b.values === null)).toEqual([false, false, false, false, false, true, true]);
    expect(report.buckets[4]?.partial).toBe(true);
    expect(report.comparison?.sameElapsed).toBe(true);
    const lastWeekStart = windowAround(Date.parse('2026-11-18T12:00:00Z'), 'week', athens).from;
    const sameSlice = await sandboxTotals(h, lastWeekStart, Date.parse('2026-11-20T00:00:00+02:00'));
    const fridayMorning = await h.client.contactChart({
      ...windowAround(Date.parse('2026-11-20T06:00:00Z'), 'day', athens),
      unit: 'hour',
      window: 'day',
      dow: 1,
    });
    for (const m of MEASURES) {
      expect(report.comparison?.totals[m]).toBe(sameSlice[m] + sum(fridayMorning[m].slice(0, 12)));
    }
  });

  it('says “new” rather than a percentage of nothing when the previous period was empty', async () => {
    const report = await h.report('Jan 2015'); // the sandbox's history starts on 1 January 2015
    const change = report.comparison?.changes.contactsAdded;
    expect(report.comparison?.totals.contactsAdded).toBe(0);
    expect(change?.percent).toBeNull();
    expect(change?.trend).toBe('up');
  });

  it('finds the busiest bucket and the opt-out rate', async () => {
    const report = await h.report('last week');
    const most = Math.max(...report.buckets.map((b) => b.values?.contactsServed ?? 0));
    expect(report.busiest?.contactsServed).toBe(most);
    expect(report.optOutRate).toBeCloseTo(report.totals.contactsBlocked / report.totals.contactsServed, 12);
  });

  it('gives the chart the week before up to the same point, bucket by bucket, the last one cut at that point', async () => {
    const report = await h.report('this week'); // Friday 27 November, 12:00 in Athens
    const c = report.comparison;
    if (!c) throw new Error('this week has a week before it');
    const friday12 = Date.parse('2026-11-20T12:00:00+02:00');
    expect(c.endExclusive).toBe(friday12);
    const days = bucketStarts(c.start, friday12, 'day', athens);
    expect(c.buckets.map((b) => b.start)).toEqual(days);
    expect(c.buckets.map((b) => b.end)).toEqual([...days.slice(1).map((d) => d - 1), friday12 - 1]);
    expect(c.buckets.map((b) => b.partial)).toEqual([false, false, false, false, true]);
    for (const b of c.buckets) {
      expect(b.values).toEqual(activityBetween({ seed: 1, zone: 'Europe/Athens' }, b.start, b.end + 1, h.clock.now()));
    }
  });

  it('compares a finished period bucket by bucket with the whole period before, none of them cut', async () => {
    const report = await h.report('last week');
    const before = await h.report('2 weeks ago');
    expect(
      report.comparison?.buckets.map(({ start, end, values, partial }) => ({ start, end, values, partial })),
    ).toEqual(before.buckets.map(({ start, end, values }) => ({ start, end, values, partial: false })));
  });

  it('has nothing to compare a period with when the one before would start before 2000, and still counts its calls', async () => {
    const report = await h.report('January 2000');
    expect(report.comparison).toBeNull();
    expect(report.tellodyCalls).toBe(1);
    expect(report.totals).toEqual({ contactsAdded: 0, groupsAdded: 0, contactsServed: 0, contactsBlocked: 0 });
  });

  it('counts the bucket that starts at this very instant as begun (nothing in it yet), and the one before as done', async () => {
    h.clock.set('2026-11-27T10:00:00.000Z'); // 12:00:00.000 in Athens
    const today = await h.report('today');
    const noon = today.buckets[12];
    expect(noon?.label).toContain('12:00');
    expect(noon?.values).toEqual({ contactsAdded: 0, groupsAdded: 0, contactsServed: 0, contactsBlocked: 0 });
    expect(noon?.partial).toBe(true);
    expect(today.buckets[11]?.partial).toBe(false);
    expect(today.buckets[13]?.values).toBeNull();
  });

  it('still counts the last millisecond of a bucket as part of it', async () => {
    h.clock.set('2026-11-27T09:59:59.999Z'); // 11:59:59.999 in Athens
    const today = await h.report('today');
    expect(today.buckets[11]?.partial).toBe(true);
    expect(today.buckets[12]?.values).toBeNull();
  });

  it('names no busiest bucket when nothing at all was sent', async () => {
    const report = await h.report('December 2014'); // before the sandbox's history
    expect(report.totals.contactsServed).toBe(0);
    expect(report.busiest).toBeNull();
  });

  it('reports a day with a clock change by its 25 hours', async () => {
    const report = await h.report('25 October 2026');
    expect(report.buckets).toHaveLength(25);
    expect(report.totals).toEqual(await sandboxTotals(h, report.period.start, report.period.end + 1));
  });
});

describe('the read-through cache', () => {
  it('makes no Tellody call for a completed period asked again', async () => {
    await h.report('last month');
    const calls = h.chartCalls();
    const again = await h.report('last month');
    expect(h.chartCalls()).toBe(calls);
    expect(again.tellodyCalls).toBe(0);
  });

  it('shares one Tellody call among identical concurrent requests', async () => {
    await Promise.all(Array.from({ length: 8 }, () => h.report('last week')));
    // last week (1 window) and the week before (1 window), once each
    expect(h.chartCalls()).toBe(2);
  });

  it('keeps completed windows in a SQLite file across restarts', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'contacts-')), 'cache.sqlite');
    const first = openStore(`sqlite://${file}`);
    h.fetcher = new NumbersFetcher(new NumbersCache(first));
    await h.report('last week');
    await h.fetcher.flushed();
    await first.close();
    const calls = h.chartCalls();
    const second = openStore(`sqlite://${file}`);
    h.fetcher = new NumbersFetcher(new NumbersCache(second));
    const report = await h.report('last week');
    await second.close();
    expect(h.chartCalls()).toBe(calls);
    expect(report.tellodyCalls).toBe(0);
  });

  it('does not keep the current window for good', async () => {
    await h.report('this week');
    await h.fetcher.flushed();
    const key = new NumbersCache(h.store).key('T1', `${h.sandbox.baseUrl}|demo`, {
      ...windowAround(h.clock.now(), 'week', athens),
      unit: 'day',
      window: 'week',
      dow: 1,
    });
    const raw = await h.store.keyv.get(key, { raw: true });
    expect(raw?.expires).toBeGreaterThan(Date.now());
    expect(raw?.expires).toBeLessThanOrEqual(Date.now() + 60_000);
  });
});

describe('Tellody failures become typed outcomes', () => {
  it('explains bad credentials with Tellody’s own words', async () => {
    const wrong = await reportHarness({ password: 'not-the-password' });
    try {
      const outcome = await wrong.outcome('last week');
      expect(outcome).toEqual({ ok: false, failure: { kind: 'tellody-credentials', detail: 'Bad credentials' } });
      expect(wrong.chartCalls()).toBe(0);
    } finally {
      await wrong.close();
    }
  });

  it('turns an unreachable Tellody into tellody-unavailable, with nothing half-made', async () => {
    h.sandbox.faults.errorRate = 1;
    const outcome = await h.outcome('last week');
    expect(outcome).toEqual({ ok: false, failure: expect.objectContaining({ kind: 'tellody-unavailable' }) });
  });

  it('turns a request Tellody turns down (the workspace’s zone is not the account’s) into tellody-rejected', async () => {
    const elsewhere = await reportHarness({
      zone: 'America/New_York',
      account: { username: 'demo', password: 'demo', zone: 'Europe/Athens', seed: 1 },
    });
    try {
      const outcome = await elsewhere.outcome('last week');
      expect(outcome).toEqual({ ok: false, failure: expect.objectContaining({ kind: 'tellody-rejected' }) });
    } finally {
      await elsewhere.close();
    }
  });

  it('lets a failure of ours through as the error it is, never dressed up as Tellody’s', async () => {
    const period = h.period('last week');
    const broken = {
      accountId: 'broken',
      contactChart: async () => {
        throw new TypeError('a bug of ours');
      },
    };
    await expect(
      buildReport(period, { workspace: 'T1', source: broken, fetcher: h.fetcher, now: h.clock.now() }),
    ).rejects.toThrow(TypeError);
  });

  it('turns a chart with too few buckets for its window into tellody-garbled, not a short report', async () => {
    const period = h.period('last week');
    const short = {
      accountId: 'short',
      contactChart: (request: Parameters<typeof h.client.contactChart>[0], options: { expectedBuckets: number }) =>
        h.client.contactChart({ ...request, window: 'day', unit: 'hour', to: request.from + 86_399_999 }, options),
    };
    const outcome = await buildReport(period, {
      workspace: 'T1',
      source: short,
      fetcher: h.fetcher,
      now: h.clock.now(),
    });
    expect(outcome.ok ? null : outcome.failure.kind).toBe('tellody-garbled');
  });

  it('turns garbled answers into tellody-garbled', async () => {
    await h.report('yesterday');
    h.sandbox.faults.malformedRate = 1;
    const outcome = await h.outcome('last week');
    expect(outcome.ok ? null : outcome.failure.kind).toBe('tellody-garbled');
  });
});
