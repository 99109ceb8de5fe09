import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { type AnyMiddlewareArgs, HTTPReceiver, type HTTPReceiverOptions, type Middleware } from '@slack/bolt';
import type { RequestGuard } from './request-guard.js';

const ENDPOINT = '/slack/events';
/** The context property that says whether Slack has had its HTTP answer (see ackUnanswered). */
const ANSWERED = 'requestAnswered';
/** The context property holding when the request reached this receiver (performance.now()). */
export const RECEIVED_AT = 'requestReceivedAt';

const pathOf = (req: IncomingMessage) => new URL(req.url ?? '/', 'http://localhost').pathname;

/**
 * Bolt's HTTP receiver with a guard in front of `/slack/events` (request-guard.ts). Everything
 * else — the OAuth routes, /healthz — goes to Bolt untouched. The request listener is Bolt's
 * public hook for exactly this (it is what Bolt's own server calls).
 */
export class GuardedReceiver extends HTTPReceiver {
  constructor(options: Omit<HTTPReceiverOptions, 'endpoints' | 'customPropertiesExtractor'>, guard: RequestGuard) {
    const responses = new WeakMap<IncomingMessage, ServerResponse>();
    const arrivals = new WeakMap<IncomingMessage, number>();
    super({
      ...options,
      endpoints: ENDPOINT,
      customPropertiesExtractor: (req) => ({
        [ANSWERED]: () => responses.get(req)?.headersSent ?? true,
        [RECEIVED_AT]: arrivals.get(req),
      }),
    });
    const bolt: RequestListener = this.requestListener;
    this.requestListener = (req, res) => {
      if (req.method !== 'POST' || pathOf(req) !== ENDPOINT) {
        bolt(req, res);
        return;
      }
      responses.set(req, res);
      arrivals.set(req, performance.now());
      guard
        .admit(req, res)
        .then((admitted) => {
          if (admitted) bolt(admitted, res);
        })
        .catch((error: unknown) => {
          options.logger?.error(`the Slack endpoint failed: ${error instanceof Error ? error.message : String(error)}`);
          if (!res.headersSent) res.writeHead(500).end();
        });
    };
  }
}

/**
 * Slack waits 3 seconds for every request's answer. One no listener took — an unknown action or
 * modal id, a tampered click — gets an empty ack here instead of Bolt's 404 after 3 s; one a
 * listener answered is left alone (never acked twice). Over HTTP only: Socket Mode has no probe.
 */
export const ackUnanswered: Middleware<AnyMiddlewareArgs> = async (args) => {
  try {
    await args.next();
  } finally {
    const answered: unknown = args.context[ANSWERED];
    if ('ack' in args && typeof args.ack === 'function' && typeof answered === 'function' && !answered()) {
      await args.ack();
    }
  }
};
