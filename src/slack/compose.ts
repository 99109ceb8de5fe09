import { hostname } from 'node:os';
import { ALERT_LEASE_MS, type AlertNeeds } from '../alerts/alert-needs.js';
import { AlertRunner } from '../alerts/alert-runner.js';
import type { Config } from '../config.js';
import { DIGEST_LEASE_MS, type DigestNeeds } from '../digest/digest-needs.js';
import { DigestRunner } from '../digest/digest-runner.js';
import { outboundHttp } from '../http/outbound.js';
import { ChannelPacer } from '../jobs/channel-pacer.js';
import type { JobNeeds } from '../jobs/job-needs.js';
import type { Weekday } from '../period/calendar.js';
import { SettledReports } from '../present/settled-reports.js';
import { WorkspaceReports } from '../present/workspace-reports.js';
import { NumbersFetcher } from '../report/numbers-fetcher.js';
import { AlertRepository } from '../store/alert-settings.js';
import { DigestRepository } from '../store/digest-schedules.js';
import { KeyvInstallationStore } from '../store/installations.js';
import { NumbersCache } from '../store/numbers-cache.js';
import { openStore } from '../store/open-store.js';
import { SecretBox } from '../store/secret-box.js';
import { TellodyCredentialsRepository } from '../store/tellody-credentials.js';
import { WorkspaceSettingsRepository } from '../store/workspace-settings.js';
import { type AppLogger, createLogger } from '../telemetry/logger.js';
import { Metrics } from '../telemetry/metrics.js';
import { timedFetch } from '../telemetry/timed-fetch.js';
import { TellodyPool } from '../tellody/tellody-pool.js';
import { Admission } from './admission.js';
import type { AppParts } from './app-parts.js';
import { BoltLogger } from './bolt-logger.js';
import { DEADLINES, type Deadlines } from './deadlines.js';
import { InFlight } from './in-flight.js';
import { jobTelemetry } from './job-telemetry.js';
import { settingsOnInstall } from './on-installed.js';
import { SLACK_RETRIES, SlackClientPool, type SlackRetries } from './slack-client-pool.js';
import { botTokenOf, credentialsOf, settingsOf, sourceOf } from './workspace.js';

/** How the app is built beyond its configuration; each has the production default. */
export interface AppOptions {
  /** The business clock: what "now" is for reports, schedules and alerts. */
  readonly clock?: () => number;
  /** How every outbound call is made: the deployment's one kept-alive HTTP client unless given. */
  readonly fetch?: typeof fetch;
  /** The app's log: JSON lines on stdout, at LOG_LEVEL, in LOG_FORMAT. */
  readonly log?: AppLogger;
  /** How Slack calls are retried (SLACK_RETRIES.standard). */
  readonly slackRetries?: SlackRetries;
  /** How long people wait for what (deadlines.ts). */
  readonly deadlines?: Partial<Deadlines>;
  /** How long a scheduled job's claim holds (each job's own lease unless given). */
  readonly leaseMs?: number;
}

/**
 * The one composition root: every long-lived part of the app built once, from a validated config —
 * the store and its repositories, the outbound HTTP client, the Tellody and Slack client pools, the
 * caches, the report presenter, and what each scheduled job needs — and handed to the listeners
 * and the jobs. Nothing is built again per request.
 */
export function composeApp(config: Config, options: AppOptions = {}): AppParts {
  const log = options.log ?? createLogger({ level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const metrics = new Metrics();
  const store = openStore(config.STORE_URL, {
    tlsUnverified: config.storeTlsUnverified,
    setting: config.storeSetting,
    onError: () => metrics.storeErrors.inc(),
  });
  const http = outboundHttp();
  const fetch = options.fetch ?? http.fetch;
  const now = options.clock ?? Date.now;
  const libraryLog = new BoltLogger(log);
  // One keyring for every secret at rest: sealed with ENCRYPTION_KEY, opened with it or a previous key.
  const secrets = new SecretBox(config.ENCRYPTION_KEY ?? '', config.ENCRYPTION_KEY_PREVIOUS);
  const settings = new WorkspaceSettingsRepository(store);
  const slackRetries = options.slackRetries ?? SLACK_RETRIES.standard;
  const numbers = new NumbersFetcher(new NumbersCache(store));
  const parts = {
    config,
    log,
    metrics,
    store,
    settings,
    // A re-seal under the current key that fails is simply tried again at the next read: the login itself was read.
    credentials: new TellodyCredentialsRepository(store, secrets),
    secrets,
    installations: new KeyvInstallationStore(
      store,
      secrets,
      settingsOnInstall({
        settings,
        slackApiUrl: config.SLACK_API_URL,
        defaultZone: config.DEFAULT_TIMEZONE,
        defaultWeekStart: config.DEFAULT_WEEK_START as Weekday,
        now,
        fetch,
        logger: libraryLog,
      }),
    ),
    numbers,
    reports: new WorkspaceReports({
      numbers,
      settled: new SettledReports(),
      chart: { host: config.QUICKCHART_HOST, fetch },
      now,
      log,
      onMade: (result) => metrics.reportCache.inc({ result }),
    }),
    tellody: new TellodyPool(config.TELLODY_BASE_URL, {
      fetch: timedFetch(fetch, (outcome, seconds) => {
        metrics.tellodyRequests.inc({ outcome });
        metrics.tellodySeconds.observe(seconds);
      }),
    }),
    digests: new DigestRepository(store),
    alerts: new AlertRepository(store),
    slackClients: new SlackClientPool({
      slackApiUrl: config.SLACK_API_URL,
      retry: slackRetries.jobs,
      fetch,
      logger: libraryLog,
    }),
    slackRetries,
    inFlight: new InFlight(),
    admission: new Admission(),
    now,
    deadlines: { ...DEADLINES, ...options.deadlines },
    http,
    fetch,
  };
  const jobs = jobNeeds(parts, options.leaseMs);
  return { ...parts, jobs };
}

/** What each scheduled job needs, from the app's parts: built once, with the instance's name on its claims. */
function jobNeeds(parts: Omit<AppParts, 'jobs'>, leaseMs: number | undefined): AppParts['jobs'] {
  // Shared by both jobs: one name on this instance's claims, one second between posts to a channel.
  const owner = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const pacer = new ChannelPacer();
  const common = (lease: number): JobNeeds => ({
    claims: parts.store.claims,
    async workspace(id) {
      // Read from the store, not a kept copy: a due time worked out from a zone saved over a
      // moment ago on another instance would be wrong, and nothing would look again before it.
      const { zone, weekStart, installerUserId } = await settingsOf(parts, id, { fresh: true });
      return { id, zone, weekStart, installerUserId };
    },
    async slack(id) {
      const token = await botTokenOf(parts, id);
      return token ? parts.slackClients.clientFor(token) : null;
    },
    now: parts.now,
    logger: parts.log,
    owner,
    leaseMs: leaseMs ?? lease,
    concurrency: parts.config.DIGEST_CONCURRENCY,
    pacer,
    onRun: jobTelemetry(parts.log, parts.metrics),
  });
  const source = async (id: string) => sourceOf(parts, await credentialsOf(parts, id));
  const digest: DigestNeeds = {
    ...common(DIGEST_LEASE_MS),
    digests: parts.digests,
    present: async (workspace, period) =>
      parts.reports.present(workspace.id, await source(workspace.id), period, { shareable: false }),
  };
  const alerts: AlertNeeds = {
    ...common(ALERT_LEASE_MS),
    alerts: parts.alerts,
    source: (workspace) => source(workspace.id),
    fetcher: parts.numbers,
    chartHost: parts.config.QUICKCHART_HOST,
  };
  return { digest, alerts, digestRunner: new DigestRunner(digest), alertRunner: new AlertRunner(alerts) };
}
