import type { Config } from '../config.js';
import { outboundHttp } from '../http/outbound.js';
import type { Weekday } from '../period/calendar.js';
import { SettledReports } from '../present/settled-reports.js';
import { ChartFetcher } from '../report/chart-fetcher.js';
import { AlertRepository } from '../store/alert-settings.js';
import { ChartCache } from '../store/chart-cache.js';
import { DigestRepository } from '../store/digest-schedules.js';
import { KeyvInstallationStore } from '../store/installations.js';
import { openStore } from '../store/open-store.js';
import { SecretBox } from '../store/secret-box.js';
import { TellodyCredentialsRepository } from '../store/tellody-credentials.js';
import { WorkspaceSettingsRepository } from '../store/workspace-settings.js';
import { Admission } from './admission.js';
import { DEADLINES, type Deadlines } from './deadlines.js';
import type { SlackDeps } from './deps.js';
import { SlackClientPool } from './digest-deps.js';
import { InFlight } from './in-flight.js';
import { settingsOnInstall } from './on-installed.js';
import { TellodyPool } from './tellody-pool.js';

/** Wires the app from a validated config: one store, one Tellody pool, one fetcher, every listener. */
export function buildDeps(
  config: Config,
  overrides: Partial<Pick<SlackDeps, 'now' | 'fetch'>> & { slackRetries?: number; deadlines?: Partial<Deadlines> } = {},
): SlackDeps {
  const store = openStore(config.STORE_URL);
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
    }),
  );
  return {
    config,
    store,
    settings,
    // A re-seal under the current key that fails is simply tried again at the next read: the login itself was read.
    credentials: new TellodyCredentialsRepository(store, secrets),
    secrets,
    installations,
    fetcher: new ChartFetcher(new ChartCache(store)),
    settledReports: new SettledReports(),
    tellody: new TellodyPool(config.TELLODY_BASE_URL, { fetch }),
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
