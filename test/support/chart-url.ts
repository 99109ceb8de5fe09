import { runInNewContext } from 'node:vm';

/** The Chart.js config inside a QuickChart URL, evaluated as QuickChart evaluates it (it is JavaScript). */
export function decodeChartUrl(url: string): {
  type: string;
  data: { labels: string[]; datasets: { label: string; data: number[] }[] };
  options: Record<string, unknown>;
} {
  const source = new URL(url).searchParams.get('c');
  if (!source) throw new Error(`no chart config in ${url}`);
  return runInNewContext(`(${source})`, {}, { timeout: 1000 });
}
