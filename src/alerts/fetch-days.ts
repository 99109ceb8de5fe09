import { bucketStarts, type Calendar, windowAround } from '../period/calendar.js';
import { allSettledFirst } from '../report/all-settled-first.js';
import type { NumbersFetcher, NumbersSource } from '../report/numbers-fetcher.js';
import type { DayInput } from './assess.js';
import { HISTORY_WEEKS } from './detect.js';
import { type HourlyDay, type Today, weeksBefore } from './local-hours.js';

/** Where the days come from: the workspace's Tellody, through the report's read-through cache. */
export interface DaysContext {
  readonly workspace: string;
  readonly source: NumbersSource;
  readonly fetcher: NumbersFetcher;
  readonly now: number;
}

/**
 * One local day by hour: the same request a report of that day makes (a day window by hour, the
 * workspace's week start as `dow`), so they share the cache. Earlier days are settled and come
 * from the cache after the first fetch; today is always asked afresh: its last hour is what a
 * check is for.
 */
async function fetchDay(ctx: DaysContext, dayStart: number, calendar: Calendar, fresh: boolean): Promise<HourlyDay> {
  const { from, to } = windowAround(dayStart, 'day', calendar);
  const hourStarts = bucketStarts(from, to + 1, 'hour', calendar);
  const request = { from, to, unit: 'hour', window: 'day', dow: calendar.weekStart } as const;
  const expectedBuckets = hourStarts.length;
  const counts = fresh
    ? await ctx.source.contactChart(request, { expectedBuckets })
    : (await ctx.fetcher.fetch(ctx.workspace, ctx.source, request, expectedBuckets, ctx.now)).chart;
  return { start: from, hourStarts, counts };
}

/**
 * Today and the same weekday in each of the previous eight weeks, by hour: a check costs one
 * Tellody call (today) once the eight are in the cache. Throws the client's TellodyError when
 * Tellody cannot answer.
 */
export async function fetchDays(
  ctx: DaysContext,
  today: Today,
  calendar: Calendar,
): Promise<Pick<DayInput, 'today' | 'weeksBefore'>> {
  const starts = Array.from({ length: HISTORY_WEEKS }, (_, i) =>
    weeksBefore(today.start, HISTORY_WEEKS - i, calendar.zone),
  );
  const [todayCounts, ...history] = await allSettledFirst([
    fetchDay(ctx, today.start, calendar, true),
    ...starts.map((start) => fetchDay(ctx, start, calendar, false)),
  ]);
  if (!todayCounts) throw new Error('no day fetched for today');
  return { today: todayCounts, weeksBefore: history };
}
