import { expectValidView } from './block-kit.js';
import type { AppHarness } from './slack-app-harness.js';

/** The Home tab published after the first `before` views.publish calls: checked as a view, its blocks as text. */
export async function latestHome(h: AppHarness, before: number) {
  const [call] = (await h.slack.waitForCalls('views.publish', before + 1)).slice(-1);
  const view = call?.args.view as { blocks: unknown[] };
  expectValidView(view);
  return { user: call?.args.user_id, text: JSON.stringify(view.blocks) };
}

/** What an admin of `team` sees on opening the Home tab, as text. */
export async function homeOf(h: AppHarness, team: string): Promise<string> {
  const before = h.slack.callsTo('views.publish').length;
  await h.event({ type: 'app_home_opened', user: 'UADMIN', channel: 'D1', tab: 'home' }, team);
  return (await latestHome(h, before)).text;
}

/** The private answer's text to `/contacts <text>` typed in `team`. */
export async function answerTo(h: AppHarness, text: string, team: string): Promise<string> {
  const [post] = await h.slack.waitForPosts((await h.command(text, { team })).id);
  return String(post?.body.text);
}
