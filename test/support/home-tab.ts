import { expectValidView } from './block-kit.js';
import type { AppHarness } from './slack-app-harness.js';

/** The Home tab published after the first `before` views.publish calls: checked as a view, its blocks as text. */
export async function latestHome(h: AppHarness, before: number) {
  const [call] = (await h.slack.waitForCalls('views.publish', before + 1)).slice(-1);
  const view = call?.args.view as { blocks: unknown[] };
  expectValidView(view);
  return { user: call?.args.user_id, text: JSON.stringify(view.blocks) };
}
