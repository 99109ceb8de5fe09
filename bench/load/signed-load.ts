import autocannon from 'autocannon';
import { form, slackSignature } from '../../test/support/signed-request.js';

/** What one `/contacts` request says: the phrase and the team it comes from. */
export type CommandMix = (n: number) => { readonly text: string; readonly team: string };

export interface LoadOptions {
  /** One Slack request URL, or several (instances behind a balancer): connections are shared out. */
  readonly urls: readonly string[];
  readonly secret: string;
  /** Where each command's response_url points: `<base>/respond/<tag>-<n>`. */
  readonly responseBase: string;
  readonly tag: string;
  readonly commands: CommandMix;
  readonly connections: number;
  readonly seconds?: number;
  /** Stop after this many requests instead of after `seconds`. */
  readonly amount?: number;
  /** Requests per second over all connections; unset: as fast as the app answers. */
  readonly rate?: number;
}

export interface LoadResult {
  readonly sent: number;
  readonly ok: number;
  /** 2xx answers that carried a message (an ack that answers at once) rather than an empty body. */
  readonly okWithMessage: number;
  readonly failed: number;
  readonly p50: number;
  readonly p99: number;
  readonly elapsedMs: number;
}

/** `/contacts <text>` from a team as Slack sends it: a form body with its own trigger_id and response_url. */
export function commandBody(command: { text: string; team: string; responseUrl: string; trigger: string }): string {
  return form({
    command: '/contacts',
    text: command.text,
    team_id: command.team,
    team_domain: 'acme',
    user_id: 'UUSER',
    user_name: 'pat',
    channel_id: 'C1',
    channel_name: 'marketing',
    response_url: command.responseUrl,
    trigger_id: command.trigger,
    api_app_id: 'A1',
    is_enterprise_install: 'false',
  });
}

/** Signed per request with a fresh timestamp, exactly as Slack signs: v0:timestamp:body, HMAC-SHA256. */
function signedCommand(options: LoadOptions, counter: { n: number }) {
  return (request: autocannon.Request): autocannon.Request => {
    const n = ++counter.n;
    const body = commandBody({
      ...options.commands(n),
      responseUrl: `${options.responseBase}/respond/${options.tag}-${n}`,
      trigger: `trigger-${options.tag}-${n}`,
    });
    const timestamp = Math.floor(Date.now() / 1000);
    return {
      ...request,
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': slackSignature(options.secret, timestamp, body),
      },
    };
  };
}

/** One autocannon run; every 2xx answer's time (ms, unrounded: autocannon's own histogram keeps whole ms) goes into `times`. */
function run(options: autocannon.Options, times: number[]): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    instance.on('response', (_client, status: number, _bytes, responseTime: number) => {
      if (status >= 200 && status < 300) times.push(responseTime);
    });
  });
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Drives the app(s) with signed commands; with several URLs, one autocannon per URL runs at once. */
export async function signedLoad(options: LoadOptions): Promise<LoadResult> {
  const counter = { n: 0 };
  const withMessage = { n: 0 };
  const times: number[] = [];
  const onResponse = (status: number, body: string) => {
    if (status >= 200 && status < 300 && body.length > 0) withMessage.n++;
  };
  const share = (total: number | undefined) => (total === undefined ? undefined : total / options.urls.length);
  const started = performance.now();
  const results = await Promise.all(
    options.urls.map((url) =>
      run(
        {
          url,
          connections: Math.max(1, Math.round(options.connections / options.urls.length)),
          ...(options.amount === undefined
            ? { duration: options.seconds ?? 10 }
            : { amount: Math.round(share(options.amount) ?? 0) }),
          ...(options.rate === undefined ? {} : { overallRate: share(options.rate) }),
          timeout: 30,
          requests: [{ setupRequest: signedCommand(options, counter), onResponse }],
        },
        times,
      ),
    ),
  );
  times.sort((a, b) => a - b);
  const elapsedMs = performance.now() - started;
  return {
    sent: counter.n,
    ok: results.reduce((sum, r) => sum + r['2xx'], 0),
    okWithMessage: withMessage.n,
    failed: results.reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0),
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    elapsedMs,
  };
}
