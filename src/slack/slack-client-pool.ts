import type { Logger } from '@slack/bolt';
// @slack/web-api is CommonJS: take its classes from the default export (Node's ESM loader).
import webApi, { type RetryOptions, type WebClient as WebClientType } from '@slack/web-api';
import { retryOnlyUndelivered } from '../jobs/delivery.js';

const { WebClient, retryPolicies } = webApi;

/**
 * How Slack calls are retried, in @slack/web-api's own shape: while a person waits (Bolt's
 * clients, answering a request) and in the scheduled jobs. Named as web-api names its policies.
 */
export interface SlackRetries {
  readonly answering: RetryOptions;
  readonly jobs: RetryOptions;
}

export const SLACK_RETRIES = {
  /**
   * Five retries within about five minutes, a 429's Retry-After honoured. web-api's default can
   * hold a call for half an hour, which a person waiting on a Home tab cannot.
   */
  standard: { answering: retryPolicies.fiveRetriesInFiveMinutes, jobs: retryPolicies.fiveRetriesInFiveMinutes },
  /** For a Slack stand-in on this machine: no retries while answering, two quick ones in jobs. */
  fast: { answering: { retries: 0 }, jobs: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 50 } },
} as const satisfies Record<string, SlackRetries>;

/** One Web API request that hangs this long is abandoned: a post then counts as maybe delivered. */
const SLACK_TIMEOUT_MS = 30_000;

export interface SlackClientPoolOptions {
  readonly slackApiUrl?: string | undefined;
  /** How the jobs' calls are retried; only a call that surely never reached Slack is tried again. */
  readonly retry: RetryOptions;
  /** The app's one outbound HTTP client. */
  readonly fetch: typeof fetch;
  /** Where the clients' own lines go. */
  readonly logger: Logger;
  /** How long one Web API request may take (default 30 s). */
  readonly timeoutMs?: number | undefined;
}

/**
 * How the scheduled jobs reach Slack outside any request: one client per bot token, so a 429
 * pauses only that workspace. Its clients retry a call only when it surely never reached Slack (a
 * 429, no connection): a post repeated after a timeout or a 5xx could be a second message in the
 * channel, so those failures come back at once for the job to judge (jobs/delivery.ts).
 */
export class SlackClientPool {
  private readonly clients = new Map<string, WebClientType>();

  constructor(private readonly options: SlackClientPoolOptions) {}

  clientFor(token: string): WebClientType {
    let client = this.clients.get(token);
    if (!client) {
      if (this.clients.size >= 5000) this.clients.clear();
      const retryConfig = { ...this.options.retry, onFailedAttempt: retryOnlyUndelivered };
      client = new WebClient(token, {
        ...(this.options.slackApiUrl ? { slackApiUrl: this.options.slackApiUrl } : {}),
        fetch: this.options.fetch,
        retryConfig,
        timeout: this.options.timeoutMs ?? SLACK_TIMEOUT_MS,
        logger: this.options.logger,
      });
      this.clients.set(token, client);
    }
    return client;
  }
}
