import type { Tick } from './chart-ticks.js';
import { jsSource as js } from './quickchart.js';

/** How long a config grows inside a URL's query: punctuation costs three characters, letters and `-._*` one. */
export const inUrl = (source: string) => new URLSearchParams({ c: source }).toString().length - 2;

const widthFor = (largest: number) => Math.max(1, largest.toString(36).length);

/**
 * Series packed for a URL: each series its width in digits, then its numbers in base 36 at that
 * width (opt-outs take one digit, contacts served three or four), series joined by underscores.
 * Gaps at the end (buckets not started yet) are simply left off; null when a gap sits inside a series.
 */
export function packSeries(series: readonly (readonly (number | null)[])[]): string | null {
  const packed: string[] = [];
  for (const values of series) {
    const known = values.slice(0, values.findLastIndex((v) => v !== null) + 1);
    if (known.some((v) => v === null || v < 0 || !Number.isInteger(v))) return null;
    const width = widthFor(Math.max(0, ...(known as number[])));
    packed.push(`${width}${known.map((v) => (v ?? 0).toString(36).padStart(width, '0')).join('')}`);
  }
  return packed.join('_');
}

/** The series as JavaScript for an array of arrays: packed and decoded by the chart server when `compact`, else plain. */
export function seriesSource(series: readonly (readonly (number | null)[])[], compact: boolean): string | null {
  if (!compact) return js(series);
  const packed = packSeries(series);
  if (packed === null) return null;
  return `'${packed}'.split('_').map(s=>(s.slice(1).match(RegExp('.{'+s[0]+'}','g'))||[]).map(v=>parseInt(v,36)))`;
}

/** The x labels, most of them blank: split from one string, or only the kept ones spelled out, whichever is shorter. */
export function labelsSource(ticks: readonly Tick[]): string {
  const lines = (t: Tick) => (typeof t === 'string' ? t : t.join('*'));
  const canSplit = ticks.every((t) => (typeof t === 'string' ? [t] : t).every((line) => !/[_*]/.test(line)));
  const split = `${js(ticks.map(lines).join('_'))}.split('_').map(s=>s.split('*'))`;
  const kept = ticks.flatMap((t, i) => (t === '' ? [] : [`${i}:${js(t)}`]));
  const sparse = `Object.assign(Array(${ticks.length}).fill(''),{${kept.join(',')}})`;
  return canSplit && inUrl(split) < inUrl(sparse) ? split : sparse;
}
