import { periodPlan, resolvePeriod } from '../../src/period/index.js';
import { MEASURES, type Measure } from '../../src/report/report-types.js';
import { TellodyClient } from '../../src/tellody/client.js';
import { MEASURE_NAMES } from '../../src/views/format.js';

export type Json = Record<string, unknown>;

/** The totals a report message shows, read from its measures block by each measure's name. */
export function totalsShown(message: { blocks: readonly object[] }): Record<Measure, number> {
  const fields = (message.blocks as Json[]).flatMap((block) => (block.fields as { text: string }[] | undefined) ?? []);
  const totals = {} as Record<Measure, number>;
  for (const measure of MEASURES) {
    const field = fields.find((f) => f.text.includes(`*${MEASURE_NAMES[measure]}*`));
    const match = field?.text.match(/\*\n([\d,]+)/);
    if (!match?.[1]) throw new Error(`the message shows no total for ${MEASURE_NAMES[measure]}`);
    totals[measure] = Number(match[1].replaceAll(',', ''));
  }
  return totals;
}

/** What the sandbox itself counts for a phrase, asked directly with the plan's windows (one per window, summed). */
export async function sandboxTotals(
  baseUrl: string,
  phrase: string,
  calendar: { zone: string; weekStart: 0 | 1 | 2 | 3 | 4 | 5 | 6; now: number },
  credentials = { username: 'demo', password: 'demo' },
): Promise<{ label: string; totals: Record<Measure, number> }> {
  const period = resolvePeriod(phrase, calendar);
  const client = new TellodyClient({ baseUrl, credentials });
  const totals = Object.fromEntries(MEASURES.map((m) => [m, 0])) as Record<Measure, number>;
  const plan = periodPlan(period, calendar.now);
  if (plan.requests.some((r) => r.request.from < period.start || r.request.to > period.end)) {
    throw new Error(`sandboxTotals only sums phrases whose windows lie inside the period; "${phrase}" does not`);
  }
  for (const { request } of plan.requests) {
    const chart = await client.contactChart(request);
    for (const m of MEASURES) totals[m] += chart[m].reduce((a, b) => a + b, 0);
  }
  return { label: period.label, totals };
}
