import { type Calendar, floorTo, shiftBoundary, TYPICAL_MS, type Unit, type WallParts, wallParts } from './calendar.js';
import type { PeriodStep } from './period-types.js';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const two = (n: number) => String(n).padStart(2, '0');
const weekdayDay = (p: WallParts, withWeekday: boolean) =>
  withWeekday ? `${WEEKDAYS[p.weekday]} ${p.day}` : `${p.day}`;
const monthName = (p: WallParts) => MONTHS[p.month - 1] ?? '';
const offsetText = (minutes: number) =>
  `${minutes < 0 ? '-' : '+'}${two(Math.floor(Math.abs(minutes) / 60))}:${two(Math.abs(minutes) % 60)}`;

/**
 * "Mon 16 – Sun 22 Nov 2026", "28 Dec 2026 – 3 Jan 2027", "1 Jan – 31 Dec 2025": the first and
 * last day, sharing the month and year where they can. Weekday names help for short spans.
 */
export function formatRange(start: number, endInclusive: number, cal: Calendar, withWeekdays: boolean): string {
  const a = wallParts(start, cal.zone);
  const b = wallParts(endInclusive, cal.zone);
  const full = (p: WallParts) => `${weekdayDay(p, withWeekdays)} ${monthName(p)} ${p.year}`;
  if (a.year !== b.year) return `${full(a)} – ${full(b)}`;
  if (a.month !== b.month) return `${weekdayDay(a, withWeekdays)} ${monthName(a)} – ${full(b)}`;
  if (a.day !== b.day) return `${weekdayDay(a, withWeekdays)} – ${full(b)}`;
  return full(a);
}

const NAMES: Record<PeriodStep, [string, string]> = {
  day: ['Today', 'Yesterday'],
  week: ['This week', 'Last week'],
  month: ['This month', 'Last month'],
  quarter: ['This quarter', 'Last quarter'],
  year: ['This year', 'Last year'],
};

/** "Q3 2025", "March 2025", "2025", "Tue 21 Jul 2015": a single calendar period in its own words. */
function absoluteName(step: PeriodStep, start: WallParts): string | null {
  switch (step) {
    case 'year':
      return `${start.year}`;
    case 'quarter':
      return `Q${Math.ceil(start.month / 3)} ${start.year}`;
    case 'month':
      return `${MONTH_NAMES[start.month - 1]} ${start.year}`;
    default:
      return null;
  }
}

interface TitleInput {
  readonly step: PeriodStep;
  readonly count: number;
  readonly toDate: boolean;
  readonly start: number;
  readonly endExclusive: number;
}

/** "Last week", "3 weeks ago", "Last 7 days", "This year so far": the period's name, relative to now where that reads better. */
export function periodTitle(p: TitleInput, cal: Calendar, now: number): string | null {
  const current = floorTo(now, p.step, cal);
  const plural = `${p.step}s`;
  if (p.count === 1) {
    const stepsBack = stepsFrom(p.start, current, p.step, cal);
    const [thisOne, lastOne] = NAMES[p.step];
    if (stepsBack === 0) return p.toDate ? `${thisOne} so far` : thisOne;
    const suffix = p.toDate ? ' so far' : '';
    if (stepsBack === 1) return `${lastOne}${suffix}`;
    const absolute = absoluteName(p.step, wallParts(p.start, cal.zone));
    if (absolute) return `${absolute}${suffix}`;
    if (stepsBack !== null && stepsBack > 1 && stepsBack <= 12) return `${stepsBack} ${plural} ago`;
    return p.step === 'week' ? 'Week' : null;
  }
  const named = namedSpan(p, cal, now);
  if (named) return named;
  if (p.endExclusive === current) return `Last ${p.count} ${plural}`;
  if (p.step === 'day' && p.endExclusive === shiftBoundary(current, 'day', 1, cal)) {
    const first = wallParts(p.start, cal.zone);
    return `Since ${weekdayDay(first, true)} ${monthName(first)}`;
  }
  return `${p.count} ${plural}`;
}

/** Half years ("H1 2025") and weekends ("Last weekend"): spans with names of their own. */
function namedSpan(p: TitleInput, cal: Calendar, now: number): string | null {
  const first = wallParts(p.start, cal.zone);
  if (p.step === 'quarter' && p.count === 2 && (first.month === 1 || first.month === 7)) {
    return `H${first.month === 1 ? 1 : 2} ${first.year}`;
  }
  if (p.step === 'day' && p.count === 2 && first.weekday === 6) {
    if (p.start <= now && now < p.endExclusive) return 'This weekend';
    const daysAgo = (floorTo(now, 'day', cal) - p.endExclusive) / 86_400_000;
    return daysAgo >= 0 && daysAgo < 7 ? 'Last weekend' : 'Weekend';
  }
  return null;
}

/** How many steps back from `current` the boundary `start` lies, if within a few years; at most three look-ups. */
function stepsFrom(start: number, current: number, step: PeriodStep, cal: Calendar): number | null {
  const estimate = Math.round((current - start) / TYPICAL_MS[step]);
  if (estimate < 0 || estimate > 60) return null;
  for (const back of [estimate, estimate - 1, estimate + 1]) {
    if (back >= 0 && shiftBoundary(current, step, -back, cal) === start) return back;
  }
  return null;
}

/** Short spans read better with weekday names. */
export function wantsWeekdays(step: PeriodStep, days: number): boolean {
  return (step === 'day' || step === 'week') && days <= 31;
}

/** A bucket's label: "14:00", "Mon 16", "16 Nov", "Nov", with the offset where an hour repeats. */
export function bucketLabel(
  start: number,
  unit: Unit,
  cal: Calendar,
  repeatedHour: boolean,
  spansYears: boolean,
): string {
  const p = wallParts(start, cal.zone);
  const year = spansYears ? ` ${p.year}` : '';
  switch (unit) {
    case 'hour': {
      const time = `${two(p.hour)}:${two(p.minute)}`;
      return repeatedHour ? `${time} ${offsetText(p.offset)}` : time;
    }
    case 'day':
      return spansYears ? `${p.day} ${monthName(p)}${year}` : `${weekdayDay(p, true)} ${monthName(p)}`;
    case 'week':
      return `${p.day} ${monthName(p)}${year}`;
    case 'month':
      return `${monthName(p)}${year}`;
  }
}
