import type { Installation, Logger } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import type { Weekday } from '../period/calendar.js';
import type { WorkspaceSettingsRepository } from '../store/workspace-settings.js';
import { userTimeZone } from './admin.js';

/**
 * The installer waits on Slack's redirect page while their zone is asked: one try, briefly, and a
 * rate limit is not waited out. Without an answer the workspace starts at the default zone.
 */
const ZONE_LOOKUP = { retryConfig: { retries: 0 }, timeout: 3_000, rejectRateLimitedCalls: true };

/**
 * After an install: remember who installed (they may edit settings), and start a new workspace's
 * report zone at the installer's own zone. Settings already chosen are kept on a reinstall.
 */
export function settingsOnInstall(options: {
  settings: WorkspaceSettingsRepository;
  slackApiUrl?: string | undefined;
  defaultZone: string;
  defaultWeekStart: Weekday;
  now: () => number;
  fetch: typeof fetch;
  /** Where the Web API client's own lines go: the app's log. */
  logger: Logger;
}) {
  return async (workspace: string, installation: Installation): Promise<void> => {
    const installer = installation.user?.id;
    const existing = await options.settings.get(workspace);
    if (existing) {
      if (installer) await options.settings.set(workspace, { ...existing, installerUserId: installer });
      return;
    }
    const token = installation.bot?.token;
    const client = token
      ? new WebClient(token, {
          ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
          fetch: options.fetch,
          logger: options.logger,
          ...ZONE_LOOKUP,
        })
      : null;
    const zone = client && installer ? await userTimeZone(client, installer) : undefined;
    await options.settings.set(workspace, {
      weekStart: options.defaultWeekStart,
      zone: zone ?? options.defaultZone,
      installerUserId: installer,
      updatedAt: options.now(),
      updatedBy: installer,
    });
  };
}
