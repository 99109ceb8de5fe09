import { type Period, WEEKDAY_NAMES } from '../period/index.js';
import { NOTABLE_COUNT, NOTABLE_PERCENT } from '../report/compare.js';
import type { Change, Measure, Report } from '../report/report-types.js';

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

export const MEASURE_NAMES: Record<Measure, string> = {
  contactsAdded: 'New contacts',
  groupsAdded: 'New groups',
  contactsServed: 'Contacts served',
  contactsBlocked: 'Opt-outs',
};

/** The order people read the measures in: what a marketer watches first. */
export const READING_ORDER: readonly Measure[] = ['contactsAdded', 'contactsBlocked', 'contactsServed', 'groupsAdded'];

/**
 * Slack reads `&`, `<` and `>` in mrkdwn and in a message's `text` as markup: `<@U123>` pings
 * someone, `<!here>` a whole channel. Any text from a person or from Tellody goes through this.
 */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function count(n: number): string {
  return integer.format(n);
}

/** "0.8 %", "11 %": a decimal where the number is small enough to need one. */
export function percent(p: number): string {
  const size = Math.abs(p);
  return `${size < 10 ? size.toFixed(1) : Math.round(size)} %`;
}

/** "0.42 %", with enough precision to tell small rates apart. */
export function rate(r: number | null): string {
  if (r === null) return '—';
  const p = r * 100;
  return `${p.toFixed(p < 1 ? 2 : 1)} %`;
}

const signed = (n: number) => `${n > 0 ? '+' : '−'}${count(Math.abs(n))}`;

/** In words a screen reader reads: "up 12 % (+34)", "down 5.0 % (−5)", "no change", "new (0 → 12)", never "∞ %". */
export function changeText(c: Change): string {
  if (c.trend === 'flat') return 'no change';
  if (c.percent === null) return c.current > 0 ? `new (0 → ${count(c.current)})` : signed(c.delta);
  return `${c.trend} ${percent(c.percent)} (${signed(c.delta)})`;
}

/** For the notification line: "−0.8 %", "+11 %", "new", "no change". */
export function changeBrief(c: Change): string {
  if (c.trend === 'flat') return 'no change';
  if (c.percent === null) return c.current > 0 ? 'new' : signed(c.delta);
  return `${c.delta > 0 ? '+' : '−'}${percent(c.percent)}`;
}

/** "better" or "worse" where the change means something, else nothing: noise gets no mark. */
export function verdictWord(c: Change): string | null {
  return c.verdict === 'good' ? 'better' : c.verdict === 'bad' ? 'worse' : null;
}

/** What the marks mean, said once under the report. */
export const MARKS_EXPLAINED = `*better* / *worse*: a change of at least ${NOTABLE_PERCENT} % and ${NOTABLE_COUNT}; opt-outs are judged by their rate`;

export function weekdayName(day: number): string {
  const name = WEEKDAY_NAMES[day] ?? 'monday';
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** "Last week", "Q2 2025"; for titles that say little on their own ("Week", "8 days"), the dates. */
export function periodName(period: Period): string {
  return /^(Week|\d+ \w+)$/.test(period.title) ? period.range : period.title;
}

/** "Last week · Mon 16 – Sun 22 Nov 2026"; a running period says "so far" after its name. */
export function reportLabel(report: Report): string {
  const p = report.period;
  if (!report.running || p.title.endsWith('so far') || !p.label.startsWith(p.title)) return p.label;
  return `${p.title} so far${p.label.slice(p.title.length)}`;
}
