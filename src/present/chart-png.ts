import { runInThisContext } from 'node:vm';
import { createCanvas } from '@napi-rs/canvas';
import { Chart, type ChartConfiguration, type ChartItem, registerables } from 'chart.js';
import { quickChartRefusal } from '../views/quickchart.js';

/**
 * Offline rendering of a chart exactly as QuickChart draws it: Chart.js 4 on a canvas, the
 * config evaluated as JavaScript, at the URL's own size, pixel ratio and background. Used by the
 * demo's `--png` and by the tests that look at every chart the app can draw. Chart.js and
 * @napi-rs/canvas are dev dependencies: production never renders, QuickChart does.
 */

Chart.register(...registerables);

export interface ChartRequest {
  /** The Chart.js config as QuickChart receives it: JSON or a JavaScript object literal. */
  readonly config: string;
  readonly width: number;
  readonly height: number;
  readonly devicePixelRatio: number;
  readonly background?: string;
}

/** The config as QuickChart evaluates it: JSON when it parses, else a JavaScript expression. */
export function evaluateConfig(config: string): ChartConfiguration {
  try {
    return JSON.parse(config) as ChartConfiguration;
  } catch {
    // Not JSON: QuickChart evaluates it as JavaScript, after refusing what looks like code injection.
  }
  const refusal = quickChartRefusal(config);
  if (refusal) throw new Error(`QuickChart would refuse this chart: ${refusal}`);
  return runInThisContext(`"use strict"; (${config})`) as ChartConfiguration;
}

/** What a QuickChart `/chart?c=…&w=…&h=…` URL asks for, read from the URL itself. */
export function chartRequestOf(url: string): ChartRequest {
  const params = new URL(url).searchParams;
  const config = params.get('c');
  if (!config) throw new Error(`no chart config in ${url.slice(0, 80)}…`);
  const background = params.get('bkg');
  return {
    config,
    width: Number(params.get('w') ?? 500),
    height: Number(params.get('h') ?? 300),
    devicePixelRatio: Number(params.get('devicePixelRatio') ?? 1),
    ...(background ? { background } : {}),
  };
}

export interface RenderedChart {
  readonly png: Buffer;
  /** The live Chart.js chart, for inspecting what was drawn; destroy it when done. */
  readonly chart: Chart;
}

/** Draws the chart as QuickChart would: responsive and animation off, its pixel ratio, its background. */
export function renderChart(request: ChartRequest): RenderedChart {
  const config = evaluateConfig(request.config);
  const canvas = createCanvas(request.width, request.height);
  const background = request.background;
  const chart = new Chart(canvas.getContext('2d') as unknown as ChartItem, {
    ...config,
    options: { ...config.options, responsive: false, animation: false, devicePixelRatio: request.devicePixelRatio },
    plugins: [
      ...(config.plugins ?? []),
      {
        id: 'background',
        beforeDraw: (drawn) => {
          if (!background) return;
          drawn.ctx.save();
          drawn.ctx.fillStyle = background;
          drawn.ctx.fillRect(0, 0, drawn.width, drawn.height);
          drawn.ctx.restore();
        },
      },
    ],
  });
  return { png: canvas.toBuffer('image/png'), chart };
}

/** The PNG scaled to `width` pixels wide: roughly what a phone or a narrow Slack pane shows. */
export async function downscale(png: Buffer, width: number): Promise<Buffer> {
  const { loadImage } = await import('@napi-rs/canvas');
  const image = await loadImage(png);
  const height = Math.round((image.height * width) / image.width);
  const canvas = createCanvas(width, height);
  canvas.getContext('2d').drawImage(image, 0, 0, width, height);
  return canvas.toBuffer('image/png');
}
