import type { Weekday } from '../period/calendar.js';
import type { ChartSource } from '../report/chart-fetcher.js';
import { tellodySource } from '../report/tellody-source.js';
import { SecretBoxError } from '../store/secret-box.js';
import type { WorkspaceSettings } from '../store/workspace-settings.js';
import type { TellodyCredentials } from '../tellody/types.js';
import type { SlackDeps } from './deps.js';

/** A workspace as the listeners see it: its settings (defaults filled in) and its Tellody login, if any. */
export interface Workspace {
  readonly id: string;
  readonly settings: WorkspaceSettings;
  /** Null when no Tellody account is set up (or the stored one cannot be opened). */
  readonly credentials: TellodyCredentials | null;
  /** True when the credentials came from the workspace's own settings rather than the deployment's. */
  readonly ownCredentials: boolean;
}

export async function loadWorkspace(deps: SlackDeps, id: string): Promise<Workspace> {
  const [stored, own] = await Promise.all([deps.settings.get(id), ownCredentials(deps, id)]);
  const settings: WorkspaceSettings = stored ?? {
    weekStart: deps.config.DEFAULT_WEEK_START as Weekday,
    zone: deps.config.DEFAULT_TIMEZONE,
    updatedAt: 0,
  };
  const { TELLODY_USERNAME: username, TELLODY_PASSWORD: password } = deps.config;
  const fallback = username && password ? { username, password } : null;
  return { id, settings, credentials: own ?? fallback, ownCredentials: own !== null };
}

/** A password that no longer opens (the encryption key changed) counts as not connected; it is never guessed. */
async function ownCredentials(deps: SlackDeps, id: string): Promise<TellodyCredentials | null> {
  try {
    return (await deps.credentials.get(id)) ?? null;
  } catch (error) {
    if (error instanceof SecretBoxError) return null;
    throw error;
  }
}

/** The workspace's Tellody account as a chart source; its client (and session) is looked up only when Tellody is asked. */
export function chartSourceFor(deps: SlackDeps, credentials: TellodyCredentials): ChartSource {
  return tellodySource(() => deps.tellody.clientFor(credentials), {
    baseUrl: deps.tellody.baseUrl,
    username: credentials.username,
  });
}
