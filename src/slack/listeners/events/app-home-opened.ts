import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { AppParts } from '../../app-parts.js';
import { publishHome } from '../../home/publish-home.js';
import { safely, workspaceOf } from '../../safely.js';
import { loadWorkspace } from '../../workspace.js';

/** Every opening of the Home tab publishes it afresh: this week so far, the connection, the settings. */
export function appHomeOpened(deps: AppParts) {
  return async ({
    event,
    client,
    context,
    logger,
  }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs) => {
    if (event.tab !== 'home') return;
    await safely(logger, 'app_home_opened', undefined, async () => {
      await publishHome(deps, client, event.user, await loadWorkspace(deps, workspaceOf(context)), logger);
    });
  };
}
