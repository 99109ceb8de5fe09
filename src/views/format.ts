import { WEEKDAY_NAMES } from '../period/index.js';
import type { Change, Measure } from '../report/types.js';

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

export const MEASURE_NAMES: Record<Measure, string> = {
  contactsAdded: 'New contacts',
  groupsAdded: 'New groups',
  contactsServed: 'Contacts served',
  contactsBlocked: 'Opt-outs',
};

export function count(n: number): string {
  return integer.format(n);
}

/** "0.42%", with enough precision to tell small rates apart. */
export function rate(r: number | null): string {
  if (r === null) return '—';
  const percent = r * 100;
  return `${percent.toFixed(percent < 1 ? 2 : 1)}%`;
}

/** "▲ 12% (+34)", "▼ 3% (−5)", "no change", "new" (from nothing), "0 → 12" never "∞%". */
export function changeText(c: Change): string {
  if (c.trend === 'flat') return 'no change';
  const signed = `${c.delta > 0 ? '+' : '−'}${count(Math.abs(c.delta))}`;
  if (c.percent === null) return c.current > 0 ? `new (0 → ${count(c.current)})` : signed;
  const arrow = c.trend === 'up' ? '▲' : '▼';
  const pct = Math.abs(c.percent);
  return `${arrow} ${pct < 10 ? pct.toFixed(1) : Math.round(pct)}% (${signed})`;
}

/** A word on whether the change is good news: for opt-outs, down is good. */
export function verdictMark(c: Change): string {
  return c.verdict === 'good' ? ' ✓' : c.verdict === 'bad' ? ' ⚠' : '';
}

export function weekdayName(day: number): string {
  const name = WEEKDAY_NAMES[day] ?? 'monday';
  return name.charAt(0).toUpperCase() + name.slice(1);
}
