import { pointName, UNIT_NOUNS } from './bucket-names.js';
import { PANELS } from './chart.js';
import type { ChartData } from './chart-data.js';
import { count } from './format.js';

/** Rising or falling: the last third of the whole points against the first third, by more than this. */
const TREND_RATIO = 1.15;

function trendOf(values: readonly number[]): string | null {
  if (values.length < 3) return null;
  const third = Math.max(1, Math.floor(values.length / 3));
  const mean = (part: readonly number[]) => part.reduce((a, b) => a + b, 0) / part.length;
  const [first, last] = [mean(values.slice(0, third)), mean(values.slice(-third))];
  if (last > first * TREND_RATIO && last - first >= 1) return 'rising';
  if (first > last * TREND_RATIO && first - last >= 1) return 'falling';
  return 'about level';
}

/** "New contacts: highest Thu 19 Nov (312), lowest Sun 22 Nov (41), falling." */
function panelDescription(data: ChartData, panel: (typeof PANELS)[number]): string {
  const values = data.series[panel.measure];
  const drawn = data.points.flatMap((p, i) => {
    const v = values[i];
    return v === null || v === undefined ? [] : [{ point: p, value: v }];
  });
  const name = (p: ChartData['points'][number]) =>
    pointName(p.start, p.end, { unit: data.unit, cal: data.cal, multiDay: data.multiDay, short: p.state === 'short' });
  const whole = drawn.filter((d) => d.point.state === 'whole');
  const pool = whole.length > 0 ? whole : drawn;
  const high = pool.reduce((a, b) => (b.value > a.value ? b : a), pool[0] ?? { point: data.points[0], value: 0 });
  const low = pool.reduce((a, b) => (b.value < a.value ? b : a), high);
  if (!high.point || high.value === 0) return `${panel.name}: none.`;
  const parts = [`highest ${name(high.point)} (${count(high.value)})`];
  if (low.point && low.value < high.value) parts.push(`lowest ${name(low.point)} (${count(low.value)})`);
  const trend = trendOf(whole.map((d) => d.value));
  if (trend) parts.push(trend);
  return `${panel.name}: ${parts.join(', ')}.`;
}

/** "last week", "this week so far" mid-sentence; a name that is a date stays as written ("Sun 29 Mar 2026", "Q3 2025"). */
const inSentence = (name: string) =>
  name.replace(/^(Today|Yesterday|This|Last|Since|Weekend)\b/, (word) => word.toLowerCase());

/**
 * The chart in words, for the image's alt text: what is drawn and the shape of each line
 * (its peak, its low, whether it rose or fell), not a repeat of the numbers above it.
 */
export function chartDescription(data: ChartData): string {
  const unit = UNIT_NOUNS[data.unit];
  const behind = data.previousWords ? `, with ${data.previousWords} as a grey dashed line behind` : '';
  const intro = `Line charts of ${inSentence(data.periodWords)}, one point per ${unit}, each measure in its own panel${behind}.`;
  const empty = PANELS.every((p) => data.series[p.measure].every((v) => !v));
  if (empty) return `${intro} No activity: every line is flat at zero.`;
  const partial = data.points.some((p, i) => p.state === 'partial' && data.series.contactsAdded[i] !== null);
  const soFar = partial ? ' The last point is still counting (hollow).' : '';
  return [intro, ...PANELS.map((p) => panelDescription(data, p))].join(' ') + soFar;
}
