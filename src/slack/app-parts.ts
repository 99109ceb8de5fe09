import type { AlertNeeds } from '../alerts/alert-needs.js';
import type { AlertRunner } from '../alerts/alert-runner.js';
import type { Config } from '../config.js';
import type { DigestNeeds } from '../digest/digest-needs.js';
import type { DigestRunner } from '../digest/digest-runner.js';
import type { Outbound } from '../http/outbound.js';
import type { WorkspaceReports } from '../present/workspace-reports.js';
import type { NumbersFetcher } from '../report/numbers-fetcher.js';
import type { AlertRepository } from '../store/alert-settings.js';
import type { DigestRepository } from '../store/digest-schedules.js';
import type { KeyvInstallationStore } from '../store/installations.js';
import type { Store } from '../store/open-store.js';
import type { SecretBox } from '../store/secret-box.js';
import type { TellodyCredentialsRepository } from '../store/tellody-credentials.js';
import type { WorkspaceSettingsRepository } from '../store/workspace-settings.js';
import type { AppLogger } from '../telemetry/logger.js';
import type { Metrics } from '../telemetry/metrics.js';
import type { TellodyPool } from '../tellody/tellody-pool.js';
import type { Admission } from './admission.js';
import type { Deadlines } from './deadlines.js';
import type { InFlight } from './in-flight.js';
import type { SlackClientPool, SlackRetries } from './slack-client-pool.js';

/** Everything the listeners need, built once at start-up and passed in: no globals, no environment reads. */
export interface AppParts {
  readonly config: Config;
  /** The app's log: JSON lines on stdout (or lines for people), every one scrubbed of secrets. */
  readonly log: AppLogger;
  /** The numbers behind GET /metrics. */
  readonly metrics: Metrics;
  readonly store: Store;
  readonly settings: WorkspaceSettingsRepository;
  readonly credentials: TellodyCredentialsRepository;
  /** Seals secrets at rest (Tellody passwords, bot tokens) with ENCRYPTION_KEY; opens them with it or a previous key. */
  readonly secrets: SecretBox;
  readonly installations: KeyvInstallationStore;
  /** Tellody's numbers through the caches: in this process, then the store. */
  readonly numbers: NumbersFetcher;
  /** Where a workspace's period becomes what Slack shows, for every entry point. */
  readonly reports: WorkspaceReports;
  readonly tellody: TellodyPool;
  /** Weekly digest schedules and delivery log. */
  readonly digests: DigestRepository;
  /** Same-day alert settings, the checks' state, the day's mutes. */
  readonly alerts: AlertRepository;
  /** Web API clients for work outside a Slack request (the scheduled jobs), one per bot token. */
  readonly slackClients: SlackClientPool;
  /** How Slack calls are retried, while answering and in the jobs. */
  readonly slackRetries: SlackRetries;
  /** Work taken on and not yet finished: a shutdown waits for it. */
  readonly inFlight: InFlight;
  /** How many commands' reports are made at once and how many wait their turn; beyond, the person is told to try again. */
  readonly admission: Admission;
  /** The business clock: what "now" is for reports, schedules and alerts. */
  readonly now: () => number;
  /** How long people wait for what (deadlines.ts). */
  readonly deadlines: Deadlines;
  /** The one outbound HTTP client (kept-alive connections) every call goes through. */
  readonly http: Outbound;
  /** How every outbound call is made (Bolt's respond and Web API, Tellody, QuickChart): `http.fetch` unless given another. */
  readonly fetch: typeof fetch;
  /** What each scheduled job needs, built once, and the runners the triggers tick. */
  readonly jobs: {
    readonly digest: DigestNeeds;
    readonly alerts: AlertNeeds;
    readonly digestRunner: DigestRunner;
    readonly alertRunner: AlertRunner;
  };
}
