import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { plain } from '../views/blocks.js';

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
