import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { AppLogger } from '../telemetry/logger.js';
import type { Metrics, RequestKind } from '../telemetry/metrics.js';
import { trackingOutcome } from '../telemetry/outcome.js';
import { RECEIVED_AT } from './receiver/guarded-receiver.js';
import { workspaceOf } from './safely.js';

/** A field of an object, or undefined for anything else. */
function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 100) : '');

/** What a request is, as an operator names it: its kind, and the command, action, view or event. */
export function describeRequest(body: unknown): { kind: RequestKind; id: string } {
  if (typeof field(body, 'command') === 'string') return { kind: 'command', id: text(field(body, 'command')) };
  switch (field(body, 'type')) {
    case 'block_actions':
      return { kind: 'action', id: text(field((field(body, 'actions') as unknown[] | undefined)?.[0], 'action_id')) };
    case 'view_submission':
    case 'view_closed':
      return { kind: 'view', id: text(field(field(body, 'view'), 'callback_id')) };
    case 'event_callback':
      return { kind: 'event', id: text(field(field(body, 'event'), 'type')) };
    case 'block_suggestion':
      return { kind: 'options', id: text(field(body, 'action_id')) };
    case 'shortcut':
    case 'message_action':
      return { kind: 'shortcut', id: text(field(body, 'callback_id')) };
    default:
      return { kind: 'unknown', id: text(field(body, 'type')) };
  }
}

/**
 * Logs each Slack request once, when its whole work is done (the answer posted, not only the ack):
 * its kind, id, workspace, how it ended and how long it took; and counts it. The outcome is what
 * the work said of itself on the way (telemetry/outcome.ts).
 */
export function requestTelemetry(log: AppLogger, metrics: Metrics): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    // From when the request reached the receiver (its checks included), where the receiver says so.
    const arrived = context[RECEIVED_AT];
    const started = typeof arrived === 'number' ? arrived : performance.now();
    const { kind, id } = describeRequest(body);
    const tracked = await trackingOutcome(next);
    const seconds = (performance.now() - started) / 1000;
    metrics.slackRequests.inc({ kind, outcome: tracked.outcome });
    metrics.answerSeconds.observe({ kind }, seconds);
    const line = {
      kind,
      id,
      workspace: workspaceOf(context),
      outcome: tracked.outcome,
      durationMs: Math.round(seconds * 1000),
    };
    if (tracked.outcome === 'error') log.warn(line, 'slack request');
    else log.info(line, 'slack request');
    if (tracked.thrown) throw tracked.thrown.error;
  };
}
