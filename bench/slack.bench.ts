import { slackAppHarness } from '../test/support/slack-app-harness.js';
import { QUICK } from './harness.js';

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Time from Slack's POST of `/contacts …` to the report arriving at the response_url. */
async function timeCommands(
  h: Awaited<ReturnType<typeof slackAppHarness>>,
  phrases: readonly string[],
): Promise<number[]> {
  const times: number[] = [];
  for (const phrase of phrases) {
    const started = performance.now();
    const { id } = await h.command(phrase);
    await h.slack.waitForPosts(id, 1, 30_000);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

function report(name: string, times: readonly number[]): void {
  const ms = (v: number) => `${v.toFixed(0)} ms`.padStart(8);
  console.log(
    `${name.padEnd(58)} p50 ${ms(percentile(times, 50))}  p95 ${ms(percentile(times, 95))}  max ${ms(times.at(-1) ?? 0)}`,
  );
}

/** The user-facing promise, "in about a second", measured through signed HTTP, Bolt, the store and Tellody. */
export async function benchSlack(): Promise<void> {
  const h = await slackAppHarness();
  try {
    await h.deps.credentials.set('T1', { username: 'demo', password: 'demo' }, Date.now());
    await timeCommands(h, ['last week']); // log in, warm up
    report(
      'slack: /contacts last week → response_url, cache warm',
      await timeCommands(h, Array(QUICK ? 3 : 40).fill('last week')),
    );
    h.sandbox.faults.latencyMs = 100;
    const cold = Array.from({ length: QUICK ? 2 : 20 }, (_, i) => `${i + 3} weeks ago`);
    report('slack: /contacts N weeks ago, cold, Tellody RTT 100 ms', await timeCommands(h, cold));
  } finally {
    await h.close();
  }
}
