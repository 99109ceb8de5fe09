import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { workspaceIdOf } from '../../../store/installations.js';
import { workspaceKey } from '../../../store/keys.js';
import type { AppParts } from '../../app-parts.js';
import { logFailure } from '../../safely.js';

/** The workspace an uninstall-type event is about: Bolt skips authorize() for these, so read the envelope. */
function workspaceOfBody(body: { team_id?: string; enterprise_id?: string; is_enterprise_install?: boolean }): string {
  return workspaceIdOf({
    teamId: body.team_id,
    enterpriseId: body.enterprise_id,
    isEnterpriseInstall: body.is_enterprise_install,
  });
}

/**
 * Deletes everything a workspace left with us: its places on the digest's and the alerts' lists
 * (shared by all workspaces), then every key under `ws:<id>:` — installation, Tellody login,
 * settings, cached reports, the digest's and the alerts' settings, logs, claims and sets —
 * unrecoverably (see store/forget-prefix.ts).
 */
export async function forgetWorkspace(deps: AppParts, workspace: string): Promise<void> {
  await Promise.all([deps.digests.forget(workspace), deps.alerts.forget(workspace)]);
  await deps.store.forget(`${workspaceKey(workspace)}:`);
}

export function appUninstalled(deps: AppParts) {
  return async ({ body, logger }: SlackEventMiddlewareArgs<'app_uninstalled'> & AllMiddlewareArgs) => {
    try {
      await forgetWorkspace(deps, workspaceOfBody(body));
    } catch (error) {
      logFailure(logger, 'app_uninstalled', error);
    }
  };
}

/** Revoked bot tokens mean the app can no longer act there: forget the workspace. User tokens alone change nothing. */
export function tokensRevoked(deps: AppParts) {
  return async ({ event, body, logger }: SlackEventMiddlewareArgs<'tokens_revoked'> & AllMiddlewareArgs) => {
    // Slack always lists the revoked tokens, but a body missing them must not throw.
    if ((event.tokens?.bot ?? []).length === 0) return;
    try {
      await forgetWorkspace(deps, workspaceOfBody(body));
    } catch (error) {
      logFailure(logger, 'tokens_revoked', error);
    }
  };
}
