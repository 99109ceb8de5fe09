import type { Config } from '../config.js';
import { outboundHttp } from '../http/outbound.js';
import type { Weekday } from '../period/calendar.js';
import { SettledReports } from '../present/settled-reports.js';
import { ChartFetcher } from '../report/chart-fetcher.js';
import { ChartCache } from '../store/chart-cache.js';
import { KeyvInstallationStore } from '../store/installations.js';
import { openStore } from '../store/open-store.js';
import { SecretBox } from '../store/secret-box.js';
import { TellodyCredentialsRepository } from '../store/tellody-credentials.js';
import { WorkspaceSettingsRepository } from '../store/workspace-settings.js';
import type { SlackDeps } from './deps.js';
import { InFlight } from './in-flight.js';
import { settingsOnInstall } from './on-installed.js';
import { TellodyPool } from './tellody-pool.js';

/** Wires the app from a validated config: one store, one Tellody pool, one fetcher, every listener. */
export function buildDeps(config: Config, overrides: Partial<Pick<SlackDeps, 'now' | 'fetch'>> = {}): SlackDeps {
  const store = openStore(config.STORE_URL);
  const http = outboundHttp();
  const fetch = overrides.fetch ?? http.fetch;
  const settings = new WorkspaceSettingsRepository(store);
  const now = overrides.now ?? Date.now;
  const installations = new KeyvInstallationStore(
    store,
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
    credentials: new TellodyCredentialsRepository(store, new SecretBox(config.ENCRYPTION_KEY ?? '')),
    installations,
    fetcher: new ChartFetcher(new ChartCache(store)),
    settledReports: new SettledReports(),
    tellody: new TellodyPool(config.TELLODY_BASE_URL, { fetch }),
    inFlight: new InFlight(),
    now,
    http,
    fetch,
  };
}
