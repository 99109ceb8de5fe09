import type { Weekday } from '../src/period/calendar.js';
import { periodPlan, resolvePeriod } from '../src/period/index.js';
import { measure } from './harness.js';

/** A mix of what people type, one of each phrase family. */
export const PHRASES = [
  '',
  'today',
  'yesterday',
  'last week',
  'this month',
  'last month by week',
  '21 July 2015',
  'last Tuesday',
  '2 weeks ago',
  'week of March 3',
  'march 2025',
  '2025',
  'Nov 3 to Nov 10',
  'between 3 Nov and 10 Nov',
  'last 7 days',
  'past 30 days',
  'since Monday',
  'Q3 2025',
  'last quarter',
  'this year so far',
];

export async function benchPeriod(): Promise<void> {
  const zones = ['Europe/Athens', 'America/New_York', 'Pacific/Chatham'];
  const now = Date.parse('2026-11-27T10:00:00Z');
  let i = 0;
  const next = () => {
    i++;
    return {
      phrase: PHRASES[i % PHRASES.length] ?? '',
      settings: { zone: zones[i % zones.length] ?? 'UTC', weekStart: (i % 7) as Weekday, now },
    };
  };
  await measure('period: resolve a phrase (mixed forms, zones, week starts)', () => {
    const { phrase, settings } = next();
    return resolvePeriod(phrase, settings);
  });
  await measure('period: resolve + plan the Tellody requests', () => {
    const { phrase, settings } = next();
    return periodPlan(resolvePeriod(phrase, settings), now);
  });
  await measure('period: resolve "last week" (the common case)', () =>
    resolvePeriod('last week', { zone: 'Europe/Athens', weekStart: 1, now }),
  );
}
