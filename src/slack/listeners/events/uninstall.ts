import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { workspaceIdOf } from '../../../store/installations.js';
import type { SlackDeps } from '../../deps.js';
import { logFailure } from '../../safely.js';

/** The workspace an uninstall-type event is about: Bolt skips authorize() for these, so read the envelope. */
function workspaceOfBody(body: { team_id?: string; enterprise_id?: string; is_enterprise_install?: boolean }): string {
  return workspaceIdOf({
    teamId: body.team_id,
    enterpriseId: body.enterprise_id,
    isEnterpriseInstall: body.is_enterprise_install,
  });
}

/** Deletes everything a workspace left with us: its installation, Tellody credentials, settings, digest and alerts. */
export async function forgetWorkspace(deps: SlackDeps, workspace: string): Promise<void> {
  await Promise.all([
    deps.installations.deleteInstallation({ teamId: workspace, enterpriseId: workspace, isEnterpriseInstall: false }),
    deps.credentials.delete(workspace),
    deps.settings.delete(workspace),
    deps.digests.forget(workspace),
    deps.alerts.forget(workspace),
  ]);
}

export function appUninstalled(deps: SlackDeps) {
  return async ({ body, logger }: SlackEventMiddlewareArgs<'app_uninstalled'> & AllMiddlewareArgs) => {
    try {
      await forgetWorkspace(deps, workspaceOfBody(body));
    } catch (error) {
      logFailure(logger, 'app_uninstalled', error);
    }
  };
}

/** Revoked bot tokens mean the app can no longer act there: forget the workspace. User tokens alone change nothing. */
export function tokensRevoked(deps: SlackDeps) {
  return async ({ event, body, logger }: SlackEventMiddlewareArgs<'tokens_revoked'> & AllMiddlewareArgs) => {
    if ((event.tokens.bot ?? []).length === 0) return;
    try {
      await forgetWorkspace(deps, workspaceOfBody(body));
    } catch (error) {
      logFailure(logger, 'tokens_revoked', error);
    }
  };
}
