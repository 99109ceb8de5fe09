/** One sample's value in Prometheus's text format, or undefined when the series is not there. */
export function sampleOf(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels);
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const has = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const others = Object.keys(has).filter((key) => key !== 'le');
    if (others.length === wanted.length && wanted.every(([key, value]) => has[key] === value)) return Number(match[3]);
  }
  return undefined;
}

/** GET /metrics with the bearer token, as Prometheus scrapes it. */
export async function scrape(base: string, token: string): Promise<string> {
  const response = await fetch(`${base}/metrics`, { headers: { Authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new Error(`/metrics answered ${response.status}`);
  return response.text();
}
