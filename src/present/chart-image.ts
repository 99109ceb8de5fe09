import type { Report } from '../report/report-types.js';
import {
  type ChartImage,
  chartConfigSource,
  chartData,
  coarserCharts,
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
 * QuickChart's short URL, else the same chart merged into larger calendar units (weeks,
 * months…) until it fits. Never no chart.
 */
export async function chartImage(report: Report, options: ChartImageOptions): Promise<ChartImage> {
  const data = chartData(report);
  const direct = directChartUrl(data, options.host);
  if (direct) return { ...direct, kind: 'direct', perPoint: 1, unit: data.unit };
  const config = chartConfigSource(data, true) ?? chartConfigSource(data, false);
  const short = await shortUrl(config, options);
  if (short) return { url: short, config, kind: 'short', perPoint: 1, unit: data.unit };
  const coarser = coarserCharts(report);
  for (const fewer of coarser) {
    const fitted = directChartUrl(fewer, options.host);
    if (fitted) return { ...fitted, kind: 'coarser', perPoint: fewer.perPoint, unit: fewer.unit };
  }
  throw new Error(
    `no chart of ${report.period.label} fits Slack, even by ${coarser.at(-1)?.unit ?? report.period.unit}`,
  );
}
