import { sharedLoginServes } from '../config.js';
import type { Weekday } from '../period/calendar.js';
import type { WorkspaceSource } from '../present/workspace-reports.js';
import { tellodySource } from '../report/tellody-source.js';
import { SecretBoxError } from '../store/secret-box.js';
import type { WorkspaceSettings } from '../store/workspace-settings.js';
import type { TellodyCredentials } from '../tellody/tellody-types.js';
import type { AppParts } from './app-parts.js';

/** A workspace as the listeners see it: its settings (defaults filled in) and its Tellody login, if any. */
export interface Workspace {
  readonly id: string;
  readonly settings: WorkspaceSettings;
  /** Null when no Tellody account is set up (or the stored one cannot be opened). */
  readonly credentials: TellodyCredentials | null;
  /** True when the credentials came from the workspace's own settings rather than the deployment's. */
  readonly ownCredentials: boolean;
  /**
   * The workspace saved its own login but no encryption key opens it (ENCRYPTION_KEY changed
   * without ENCRYPTION_KEY_PREVIOUS). It must be entered again; the deployment's login is never
   * used in its place, which would quietly show another account's numbers.
   */
  readonly loginUnreadable: boolean;
}

export async function loadWorkspace(
  deps: Pick<AppParts, 'settings' | 'credentials' | 'config'>,
  id: string,
): Promise<Workspace> {
  const [settings, credentials] = await Promise.all([settingsOf(deps, id), credentialsOf(deps, id)]);
  return { id, settings, ...credentials };
}

/** A workspace's settings, the deployment's defaults where it has chosen none (`fresh`: see the repository's get). */
export async function settingsOf(
  deps: Pick<AppParts, 'settings' | 'config'>,
  id: string,
  options: { readonly fresh?: boolean } = {},
): Promise<WorkspaceSettings> {
  return (
    (await deps.settings.get(id, options)) ?? {
      weekStart: deps.config.DEFAULT_WEEK_START as Weekday,
      zone: deps.config.DEFAULT_TIMEZONE,
      updatedAt: 0,
    }
  );
}

/**
 * The workspace's own Tellody login, else the deployment's (TELLODY_USERNAME/PASSWORD) where it
 * may serve this workspace (config.ts, sharedLoginServes), else none: the workspace is then asked
 * to connect its own, as any workspace without a login is.
 */
export async function credentialsOf(
  deps: Pick<AppParts, 'credentials' | 'config'>,
  id: string,
): Promise<Pick<Workspace, 'credentials' | 'ownCredentials' | 'loginUnreadable'>> {
  const own = await ownCredentials(deps, id);
  if (own === 'unreadable') return { credentials: null, ownCredentials: false, loginUnreadable: true };
  const { TELLODY_USERNAME: username, TELLODY_PASSWORD: password } = deps.config;
  const fallback = username && password && sharedLoginServes(deps.config, id) ? { username, password } : null;
  return { credentials: own ?? fallback, ownCredentials: own !== null, loginUnreadable: false };
}

/** The workspace's own login; 'unreadable' when no key opens its password (it is never guessed). */
async function ownCredentials(
  deps: Pick<AppParts, 'credentials'>,
  id: string,
): Promise<TellodyCredentials | null | 'unreadable'> {
  try {
    return (await deps.credentials.get(id)) ?? null;
  } catch (error) {
    if (error instanceof SecretBoxError) return 'unreadable';
    throw error;
  }
}

/**
 * Where a workspace's numbers come from: its Tellody account (the client, and its session, looked
 * up only when Tellody is asked), or why it has none that works.
 */
export function sourceOf(
  parts: Pick<AppParts, 'tellody'>,
  workspace: Pick<Workspace, 'credentials' | 'loginUnreadable'>,
): WorkspaceSource {
  if (workspace.loginUnreadable) return 'login-unreadable';
  const { credentials } = workspace;
  if (!credentials) return 'not-connected';
  return tellodySource(() => parts.tellody.clientFor(credentials), {
    baseUrl: parts.tellody.baseUrl,
    username: credentials.username,
  });
}

/** The workspace's bot token: the deployment's one, or the stored installation's (OAuth); null once uninstalled. */
export async function botTokenOf(
  parts: Pick<AppParts, 'config' | 'installations'>,
  workspace: string,
): Promise<string | null> {
  if (parts.config.SLACK_BOT_TOKEN) return parts.config.SLACK_BOT_TOKEN;
  try {
    const installation = await parts.installations.fetchInstallation({
      teamId: workspace,
      enterpriseId: workspace,
      isEnterpriseInstall: false,
    });
    return installation.bot?.token ?? null;
  } catch {
    return null;
  }
}
