import type { WebClient } from '@slack/web-api';
import type { WorkspaceSettings } from '../store/workspace-settings.js';

/**
 * Who may change a workspace's settings: its admins and owners (from users.info), and the person
 * who installed the app. Asked of Slack every time: a modal or a forged request proves nothing.
 */
export async function canEditSettings(
  client: WebClient,
  userId: string,
  settings: WorkspaceSettings,
): Promise<boolean> {
  if (settings.installerUserId && settings.installerUserId === userId) return true;
  try {
    const { user } = await client.users.info({ user: userId });
    return Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner);
  } catch {
    return false;
  }
}

/** The person's own time zone, to default a new workspace's report zone to. */
export async function userTimeZone(client: WebClient, userId: string): Promise<string | undefined> {
  try {
    const { user } = await client.users.info({ user: userId });
    return user?.tz ?? undefined;
  } catch {
    return undefined;
  }
}
