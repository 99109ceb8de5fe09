import { timingSafeEqual } from 'node:crypto';
import type { CustomRoute } from '@slack/bolt';
import type { Metrics } from '../telemetry/metrics.js';

/** Compares without telling a guesser, by the time it takes, how much of the token was right. */
function sameToken(given: string, expected: string): boolean {
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `GET /metrics` for Prometheus, only with `Authorization: Bearer <METRICS_TOKEN>` (401 without
 * it). The numbers say how busy the app is and which workspaces' jobs fail by count, nothing more,
 * but they are still nobody else's business. With no token set the route does not exist (404).
 */
export function metricsRoute(metrics: Metrics, token: string): CustomRoute {
  return {
    path: '/metrics',
    method: ['GET'],
    handler: (req, res) => {
      const [scheme, given] = (req.headers.authorization ?? '').split(' ');
      if (scheme !== 'Bearer' || !given || !sameToken(given, token)) {
        res.writeHead(401, { 'WWW-Authenticate': 'Bearer' }).end();
        return;
      }
      void metrics.exposition().then(
        ({ text, contentType }) => res.writeHead(200, { 'Content-Type': contentType }).end(text),
        () => res.writeHead(500).end(),
      );
    },
  };
}
