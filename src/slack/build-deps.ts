import type { Config } from '../config.js';
import { outboundHttp } from '../http/outbound.js';
import type { Weekday } from '../period/calendar.js';
import { SettledReports } from '../present/settled-reports.js';
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
import { BoltLogger } from './bolt-logger.js';
import { DEADLINES, type Deadlines } from './deadlines.js';
import type { SlackDeps } from './deps.js';
import { SlackClientPool } from './digest-deps.js';
import { InFlight } from './in-flight.js';
import { settingsOnInstall } from './on-installed.js';

/** Wires the app from a validated config: one store, one Tellody pool, one fetcher, every listener. */
export function buildDeps(
  config: Config,
  overrides: Partial<Pick<SlackDeps, 'now' | 'fetch' | 'log'>> & {
    slackRetries?: number;
    deadlines?: Partial<Deadlines>;
  } = {},
): SlackDeps {
  const log: AppLogger = overrides.log ?? createLogger({ level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const metrics = new Metrics();
  const store = openStore(config.STORE_URL, {
    tlsUnverified: config.storeTlsUnverified,
    setting: config.storeSetting,
    onError: () => metrics.storeErrors.inc(),
  });
  const http = outboundHttp();
  const fetch = overrides.fetch ?? http.fetch;
  // One keyring for every secret at rest: sealed with ENCRYPTION_KEY, opened with it or a previous key.
  const secrets = new SecretBox(config.ENCRYPTION_KEY ?? '', config.ENCRYPTION_KEY_PREVIOUS);
  const settings = new WorkspaceSettingsRepository(store);
  const now = overrides.now ?? Date.now;
  const installations = new KeyvInstallationStore(
    store,
    secrets,
    settingsOnInstall({
      settings,
      slackApiUrl: config.SLACK_API_URL,
      defaultZone: config.DEFAULT_TIMEZONE,
      defaultWeekStart: config.DEFAULT_WEEK_START as Weekday,
      now,
      fetch,
      logger: new BoltLogger(log),
    }),
  );
  return {
    config,
    log,
    metrics,
    store,
    settings,
    // A re-seal under the current key that fails is simply tried again at the next read: the login itself was read.
    credentials: new TellodyCredentialsRepository(store, secrets),
    secrets,
    installations,
    fetcher: new NumbersFetcher(new NumbersCache(store)),
    settledReports: new SettledReports(),
    tellody: new TellodyPool(config.TELLODY_BASE_URL, {
      fetch: timedFetch(fetch, (outcome, seconds) => {
        metrics.tellodyRequests.inc({ outcome });
        metrics.tellodySeconds.observe(seconds);
      }),
    }),
    digests: new DigestRepository(store),
    alerts: new AlertRepository(store),
    slackClients: new SlackClientPool({ slackApiUrl: config.SLACK_API_URL, retries: overrides.slackRetries, fetch }),
    inFlight: new InFlight(),
    admission: new Admission(),
    now,
    deadlines: { ...DEADLINES, ...overrides.deadlines },
    http,
    fetch,
  };
}
