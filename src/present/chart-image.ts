import type { Report } from '../report/types.js';
import {
  type ChartData,
  type ChartImage,
  chartConfigSource,
  chartData,
  coarser,
  directChartUrl,
  MAX_IMAGE_URL,
  quickChart,
} from '../views/chart.js';

export interface ChartImageOptions {
  /** QuickChart base URL, e.g. https://quickchart.io or a self-hosted one. */
  readonly host: string;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
}

/** QuickChart's `POST /chart/create`, for any host (quickchart-js only allows quickchart.io). */
async function shortUrl(config: string, options: ChartImageOptions): Promise<string | null> {
  const chart = quickChart(config, options.host);
  const create = new URL('chart/create', chart.getUrl());
  try {
    const response = await (options.fetch ?? fetch)(create, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(chart.getPostData()),
      signal: AbortSignal.timeout(options.timeoutMs ?? 3000),
    });
    const body = (await response.json()) as { success?: boolean; url?: unknown };
    const url = response.ok && body.success && typeof body.url === 'string' ? body.url : null;
    return url && url.length <= MAX_IMAGE_URL && /^https?:\/\//.test(url) ? url : null;
  } catch {
    return null;
  }
}

/**
 * A chart URL Slack will take: the plain URL when the data fits (it never expires), else
 * QuickChart's short URL, else the same chart with fewer points. Never no chart.
 */
export async function chartImage(report: Report, options: ChartImageOptions): Promise<ChartImage> {
  const data: ChartData = chartData(report);
  const direct = directChartUrl(data, options.host);
  if (direct) return { url: direct, kind: 'direct', perPoint: 1 };
  const short = await shortUrl(chartConfigSource(data, true), options);
  if (short) return { url: short, kind: 'short', perPoint: 1 };
  for (let factor = 2; ; factor *= 2) {
    const fewer = coarser(data, factor);
    const url = directChartUrl(fewer, options.host);
    if (url) return { url, kind: 'coarser', perPoint: factor };
  }
}
