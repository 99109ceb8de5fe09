import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { plain } from '../views/blocks.js';
import type { ActionArgs } from './action-args.js';
import type { AppParts } from './app-parts.js';
import { safely, workspaceOf } from './safely.js';
import { loadWorkspace, type Workspace } from './workspace.js';

/**
 * Opens a modal within the 3 seconds a trigger lasts (and it works once): a placeholder straight
 * after ack(), replaced by the real form once `build` has read what it needs.
 */
export async function openModalThenFill(
  client: WebClient,
  triggerId: string,
  title: string,
  build: () => Promise<ModalView>,
): Promise<void> {
  const opened = await client.views.open({
    trigger_id: triggerId,
    view: { type: 'modal', title: plain(title), blocks: [{ type: 'section', text: plain('Loading…') }] },
  });
  const view = await build();
  await client.views.update({ view_id: opened.view?.id ?? '', hash: opened.view?.hash ?? '', view });
}

/**
 * A button that opens one of the workspace's forms (settings, digest, alerts): acked at once, the
 * placeholder within the trigger's 3 seconds, then the form `build` makes from the workspace.
 */
export function openWorkspaceForm(
  deps: AppParts,
  form: { readonly what: string; readonly title: string },
  build: (workspace: Workspace) => Promise<ModalView>,
) {
  return async ({ ack, body, client, context, logger }: ActionArgs) => {
    await ack();
    await safely(logger, form.what, undefined, () =>
      openModalThenFill(client, body.trigger_id, form.title, async () =>
        build(await loadWorkspace(deps, workspaceOf(context))),
      ),
    );
  };
}
