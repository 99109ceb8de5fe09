import type { Config } from '../config.js';
import type { Outbound } from '../http/outbound.js';
import type { SettledReports } from '../present/settled-reports.js';
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
import type { SlackClientPool } from './digest-deps.js';
import type { InFlight } from './in-flight.js';

/** Everything the listeners need, built once at start-up and passed in: no globals, no environment reads. */
export interface SlackDeps {
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
  readonly fetcher: NumbersFetcher;
  /** Settled reports with their messages, made once per instance and day. */
  readonly settledReports: SettledReports;
  readonly tellody: TellodyPool;
  /** Weekly digest schedules and delivery log. */
  readonly digests: DigestRepository;
  /** Same-day alert settings, the checks' state, the day's mutes. */
  readonly alerts: AlertRepository;
  /** Web API clients for work outside a Slack request (the digest), one per bot token. */
  readonly slackClients: SlackClientPool;
  /** Work taken on and not yet finished: a shutdown waits for it. */
  readonly inFlight: InFlight;
  /** How many commands' reports are made at once and how many wait their turn; beyond, the person is told to try again. */
  readonly admission: Admission;
  /** The clock: tests pin it. */
  readonly now: () => number;
  /** How long people wait for what (deadlines.ts); tests shorten them. */
  readonly deadlines: Deadlines;
  /** The one outbound HTTP client (kept-alive connections) every call goes through. */
  readonly http: Outbound;
  /** How every outbound call is made (Bolt's respond and Web API, Tellody, QuickChart): `http.fetch` unless a test gives another. */
  readonly fetch: typeof fetch;
}
