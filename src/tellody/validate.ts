import { z } from 'zod';
import { TellodyResponseError } from './errors.js';
import { CHART_SERIES, type ChartUnit, type ChartWindow, type ContactChart, type UserInfo } from './tellody-types.js';

const count = z.number().int().nonnegative();
const contactChartSchema = z.object({
  contactsAdded: z.array(count),
  groupsAdded: z.array(count),
  contactsServed: z.array(count),
  contactsBlocked: z.array(count),
});

/**
 * Bucket counts a window can have, by unit, across every zone's clock changes (a day by hour
 * is 23–25; Lord Howe's half-hour shift stays inside that). Used when the caller does not
 * say exactly how many buckets it expects.
 */
const PLAUSIBLE_BUCKETS: Record<ChartWindow, Partial<Record<ChartUnit, readonly [number, number]>>> = {
  day: { hour: [23, 25] },
  week: { hour: [167, 169], day: [7, 7] },
  month: { hour: [671, 745], day: [28, 31], week: [4, 6] },
  year: { hour: [8759, 8785], day: [365, 366], week: [53, 54], month: [12, 12] },
};

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid body';
  const where = issue.path.length > 0 ? issue.path.join('.') : 'body';
  return `${where}: ${issue.message}`;
}

export function parseContactChart(
  body: unknown,
  shape: { window: ChartWindow; unit: ChartUnit; expectedBuckets?: number | undefined },
): ContactChart {
  const parsed = contactChartSchema.safeParse(body);
  if (!parsed.success) throw new TellodyResponseError(`ContactChart ${describeIssue(parsed.error)}`);
  const chart = parsed.data;
  const length = chart.contactsAdded.length;
  for (const series of CHART_SERIES) {
    if (chart[series].length !== length) {
      throw new TellodyResponseError(
        `ContactChart ${series} has ${chart[series].length} buckets, contactsAdded ${length}`,
      );
    }
  }
  const [min, max] =
    shape.expectedBuckets !== undefined
      ? [shape.expectedBuckets, shape.expectedBuckets]
      : (PLAUSIBLE_BUCKETS[shape.window][shape.unit] ?? [1, Number.MAX_SAFE_INTEGER]);
  if (length < min || length > max) {
    const expected = min === max ? `${min}` : `${min}–${max}`;
    throw new TellodyResponseError(
      `ContactChart has ${length} buckets for a ${shape.window} by ${shape.unit}, expected ${expected}`,
    );
  }
  return chart;
}

const userInfoSchema = z.object({
  username: z.string(),
  userId: z.union([z.number(), z.string()]).nullish(),
  email: z.string().nullish(),
  creditsAvailable: z.number().nullish(),
  creditsSpent: z.number().nullish(),
});

export function parseUserInfo(body: unknown): UserInfo {
  const parsed = userInfoSchema.safeParse(body);
  if (!parsed.success) throw new TellodyResponseError(`UserInfo ${describeIssue(parsed.error)}`);
  const info = parsed.data;
  return {
    username: info.username,
    userId: info.userId ?? null,
    email: info.email ?? null,
    creditsAvailable: info.creditsAvailable ?? null,
    creditsSpent: info.creditsSpent ?? null,
  };
}
