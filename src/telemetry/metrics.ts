import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { Outcome } from './outcome.js';

/** What kind of Slack request it was, as its body says. */
export type RequestKind = 'command' | 'action' | 'view' | 'event' | 'options' | 'shortcut' | 'unknown';
export const REQUEST_KINDS: readonly RequestKind[] = [
  'command',
  'action',
  'view',
  'event',
  'options',
  'shortcut',
  'unknown',
];
const OUTCOMES: readonly Outcome[] = ['ok', 'refused', 'not_connected', 'unavailable', 'busy', 'error', 'rejected'];

/** How one HTTP call to Tellody ended (timed-fetch.ts). */
export type CallOutcome = 'ok' | 'client_error' | 'server_error' | 'timeout' | 'network';
const CALL_OUTCOMES: readonly CallOutcome[] = ['ok', 'client_error', 'server_error', 'timeout', 'network'];

/**
 * The numbers an operator watches, for Prometheus (`GET /metrics`). One registry per app, not
 * prom-client's global one: two apps in one process keep their counts apart.
 * Labels are a handful of fixed words each, never a workspace or a phrase, so the number of
 * series stays small however many workspaces install; every known combination starts at 0, so a
 * rate is defined from the first scrape.
 */
export class Metrics {
  readonly registry = new Registry();

  readonly slackRequests = new Counter({
    name: 'contacts_slack_requests_total',
    help: 'Slack requests, by kind and how they ended',
    labelNames: ['kind', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly answerSeconds = new Histogram({
    name: 'contacts_answer_seconds',
    help: 'From a Slack request arriving to its answer being posted (the whole work, not only the ack), by kind',
    labelNames: ['kind'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 30],
    registers: [this.registry],
  });
  readonly tellodyRequests = new Counter({
    name: 'contacts_tellody_requests_total',
    help: 'HTTP requests to Tellody (logins and retries included), by how they ended',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly tellodySeconds = new Histogram({
    name: 'contacts_tellody_request_seconds',
    help: 'How long one HTTP request to Tellody took to answer (or to fail)',
    buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly reportCache = new Counter({
    name: 'contacts_report_cache_total',
    help: 'Reports made: hit when none of their numbers had to be asked of Tellody (kept in memory or the store), else miss',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });
  readonly digestRuns = new Counter({
    name: 'contacts_digest_runs_total',
    help: 'Weekly digest runs, one per workspace looked at, by how they ended',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly alertChecks = new Counter({
    name: 'contacts_alert_checks_total',
    help: 'Same-day alert checks, one per workspace looked at, by how they ended',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly storeErrors = new Counter({
    name: 'contacts_store_errors_total',
    help: 'Store operations that failed, and connection errors the store client reported',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    for (const kind of REQUEST_KINDS) {
      this.answerSeconds.zero({ kind });
      for (const outcome of OUTCOMES) this.slackRequests.inc({ kind, outcome }, 0);
    }
    for (const outcome of CALL_OUTCOMES) this.tellodyRequests.inc({ outcome }, 0);
    for (const result of ['hit', 'miss']) this.reportCache.inc({ result }, 0);
    this.storeErrors.inc(0);
  }

  /** The exposition text Prometheus scrapes, and its content type. */
  async exposition(): Promise<{ text: string; contentType: string }> {
    return { text: await this.registry.metrics(), contentType: this.registry.contentType };
  }
}
