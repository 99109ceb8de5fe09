import type { Logger } from '@slack/bolt';
import type { AlertNeeds } from '../alerts/alert-needs.js';
import type { SlackDeps } from './deps.js';
import { jobDeps } from './digest-deps.js';
import { chartSourceFor, credentialsOf } from './workspace.js';

/**
 * How long one alert check holds its workspace's claim: it posts nothing after half of it, and a
 * post with the client's retries ends well within the other half. A crashed holder delays the
 * workspace's next check by at most this.
 */
export const ALERT_LEASE_MS = 12 * 60_000;

/** The alert checks' dependencies, from the app's: the digest's job deps, the alert store, Tellody through the cache. */
export function alertDeps(deps: SlackDeps, logger: Logger, options: { leaseMs?: number } = {}): AlertNeeds {
  return {
    ...jobDeps(deps, logger, options.leaseMs ?? ALERT_LEASE_MS),
    alerts: deps.alerts,
    async source(workspace) {
      const { credentials, loginUnreadable } = await credentialsOf(deps, workspace.id);
      if (loginUnreadable) return 'login-unreadable';
      return credentials ? chartSourceFor(deps, credentials) : 'not-connected';
    },
    fetcher: deps.fetcher,
    chartHost: deps.config.QUICKCHART_HOST,
  };
}
