import { hostname } from 'node:os';
import type { Logger } from '@slack/bolt';
import webApi, { type WebClient as WebClientType } from '@slack/web-api';
import type { DigestNeeds } from '../digest/digest-needs.js';
import { ChannelPacer } from '../jobs/channel-pacer.js';
import { retryOnlyUndelivered } from '../jobs/delivery.js';
import type { JobNeeds } from '../jobs/job-needs.js';
import type { SlackDeps } from './deps.js';
import { jobTelemetry } from './job-telemetry.js';
import { credentialsOf, settingsOf } from './workspace.js';
import { presentFor } from './workspace-reports.js';

// @slack/web-api is CommonJS: take its classes from the default export (Node's ESM loader).
const { WebClient, retryPolicies } = webApi;

/**
 * How long a claim on a week holds: an attempt may not start its post after half of it, and a post
 * (the client's five retries in about five minutes, plus any Retry-After) ends well within the other
 * half. A crashed holder is replaced after it: 20 minutes late, well inside the 24-hour catch-up.
 */
export const DIGEST_LEASE_MS = 20 * 60_000;
/** One Web API request that hangs this long is abandoned: a post then counts as maybe delivered. */
const SLACK_TIMEOUT_MS = 30_000;

/**
 * How the digest reaches Slack outside any request: one client per bot token, so a 429 pauses only
 * that workspace. Its clients retry a call only when it surely never reached Slack (a 429, no
 * connection): a post repeated after a timeout or a 5xx could be a second message in the channel,
 * so those failures come back at once for the job to judge (jobs/delivery.ts).
 */
export class SlackClientPool {
  private readonly clients = new Map<string, WebClientType>();
  readonly pacer = new ChannelPacer();
  readonly owner = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;

  constructor(
    private readonly options: {
      readonly slackApiUrl?: string | undefined;
      /** Tests: fewer, faster retries. Production keeps the client's five retries in five minutes, Retry-After honoured. */
      readonly retries?: number | undefined;
      /** The app's one outbound HTTP client. */
      readonly fetch: typeof fetch;
      /** How long one Web API request may take (default 30 s). */
      readonly timeoutMs?: number | undefined;
    },
  ) {}

  clientFor(token: string, logger?: Logger): WebClientType {
    let client = this.clients.get(token);
    if (!client) {
      if (this.clients.size >= 5000) this.clients.clear();
      const policy =
        this.options.retries === undefined
          ? retryPolicies.fiveRetriesInFiveMinutes
          : { retries: this.options.retries, factor: 1, minTimeout: 10, maxTimeout: 50 };
      const retryConfig = { ...policy, onFailedAttempt: retryOnlyUndelivered };
      client = new WebClient(token, {
        ...(this.options.slackApiUrl ? { slackApiUrl: this.options.slackApiUrl } : {}),
        fetch: this.options.fetch,
        retryConfig,
        timeout: this.options.timeoutMs ?? SLACK_TIMEOUT_MS,
        ...(logger ? { logger } : {}),
      });
      this.clients.set(token, client);
    }
    return client;
  }
}

/** The workspace's bot token: the deployment's one, or the stored installation's (OAuth). */
async function botToken(deps: SlackDeps, workspace: string): Promise<string | null> {
  if (deps.config.SLACK_BOT_TOKEN) return deps.config.SLACK_BOT_TOKEN;
  try {
    const installation = await deps.installations.fetchInstallation({
      teamId: workspace,
      enterpriseId: workspace,
      isEnterpriseInstall: false,
    });
    return installation.bot?.token ?? null;
  } catch {
    return null;
  }
}

/** What every scheduled job needs (the digest, the alerts), from the app's: the workspace, Slack, claims, the clock. */
export function jobDeps(deps: SlackDeps, logger: Logger, leaseMs: number): JobNeeds {
  return {
    claims: deps.store.claims,
    async workspace(id) {
      const { zone, weekStart, installerUserId } = await settingsOf(deps, id);
      return { id, zone, weekStart, installerUserId };
    },
    async slack(id) {
      const token = await botToken(deps, id);
      return token ? deps.slackClients.clientFor(token, logger) : null;
    },
    now: deps.now,
    logger,
    owner: deps.slackClients.owner,
    leaseMs,
    concurrency: deps.config.DIGEST_CONCURRENCY,
    pacer: deps.slackClients.pacer,
    onRun: jobTelemetry(deps.log, deps.metrics),
  };
}

/** The digest's dependencies, from the app's. */
export function digestDeps(deps: SlackDeps, logger: Logger, options: { leaseMs?: number } = {}): DigestNeeds {
  return {
    ...jobDeps(deps, logger, options.leaseMs ?? DIGEST_LEASE_MS),
    digests: deps.digests,
    // Only the login is read here: the calendar came with the workspace, and the report needs no more.
    async present(workspace, period) {
      const { zone, weekStart } = workspace;
      const settings = { zone, weekStart, updatedAt: 0 };
      const loaded = { id: workspace.id, settings, ...(await credentialsOf(deps, workspace.id)) };
      return presentFor(deps, loaded, period, { shareable: false }, logger);
    },
  };
}
