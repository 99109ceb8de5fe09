import { resolvePeriod } from '../../../period/index.js';
import { ACTIONS, HOME_QUICK_REPORTS } from '../../../views/ids.js';
import { buildSettingsModal } from '../../../views/settings-modal.js';
import type { ActionArgs } from '../../action-args.js';
import type { AppParts } from '../../app-parts.js';
import { publishHome } from '../../home/publish-home.js';
import { openWorkspaceForm } from '../../open-modal.js';
import { safely, workspaceOf } from '../../safely.js';
import { loadWorkspace } from '../../workspace.js';

/** Today / This week / Last week / This month on the Home tab: that report, in the Home tab itself. */
export function homeQuickReport(deps: AppParts) {
  return async ({ ack, action, body, client, context, logger }: ActionArgs) => {
    await ack();
    await safely(logger, 'home quick report', undefined, async () => {
      const key = ('action_id' in action ? action.action_id : '').slice(ACTIONS.homeQuick.length);
      const phrase = HOME_QUICK_REPORTS[key as keyof typeof HOME_QUICK_REPORTS] ?? 'this week';
      const workspace = await loadWorkspace(deps, workspaceOf(context));
      const period = resolvePeriod(phrase, { ...workspace.settings, now: deps.now() });
      await publishHome(deps, client, body.user.id, workspace, logger, { period });
    });
  };
}

/**
 * Opens the settings modal. The trigger lasts 3 seconds and works once, so a placeholder opens
 * straight after ack() and the real form replaces it once the settings are read.
 */
export function openSettings(deps: AppParts) {
  return openWorkspaceForm(deps, { what: 'open settings', title: 'Contacts settings' }, async (workspace) => {
    // A login that can no longer be read keeps its username on show; only the password must be typed again.
    const username = workspace.ownCredentials
      ? workspace.credentials?.username
      : workspace.loginUnreadable
        ? await deps.credentials.username(workspace.id)
        : undefined;
    return buildSettingsModal({
      weekStart: workspace.settings.weekStart,
      zone: workspace.settings.zone,
      username,
      connected: workspace.ownCredentials,
    });
  });
}
