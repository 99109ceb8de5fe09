import type { WebClient } from '@slack/web-api';
import type { PauseReason } from '../store/digest-schedules.js';
import type { SlackMessage } from '../views/report-message.js';
import type { ChannelPacer, JobDeps } from './deps.js';

export type PostResult =
  | { readonly ok: true; readonly ts: string; readonly permalink: string | undefined }
  /** The channel is gone, archived, or private without the bot: pause until an admin acts. */
  | { readonly ok: false; readonly kind: 'pause'; readonly reason: PauseReason }
  /** The token is no longer good: nothing to retry, nobody to tell through Slack. */
  | { readonly ok: false; readonly kind: 'auth'; readonly detail: string }
  /** Anything else (5xx after the client's retries, a timeout, an odd refusal): try again later. */
  | { readonly ok: false; readonly kind: 'transient'; readonly detail: string };

const PAUSING = new Set<string>(['channel_not_found', 'is_archived', 'not_in_channel']);
const AUTH = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'team_access_not_granted',
  'missing_scope',
]);

/** Slack's error code from a Web API failure (`data.error` on a platform error), else the error's message. */
export function slackErrorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'data' in error) {
    const data = (error as { data?: { error?: unknown } }).data;
    if (typeof data?.error === 'string') return data.error;
  }
  return error instanceof Error ? error.message : String(error);
}

function failure(code: string): PostResult {
  if (PAUSING.has(code)) return { ok: false, kind: 'pause', reason: code as PauseReason };
  if (AUTH.has(code)) return { ok: false, kind: 'auth', detail: code };
  return { ok: false, kind: 'transient', detail: code.slice(0, 200) };
}

async function permalinkOf(client: WebClient, channel: string, ts: string): Promise<string | undefined> {
  try {
    return (await client.chat.getPermalink({ channel, message_ts: ts })).permalink ?? undefined;
  } catch {
    return undefined;
  }
}

/** Where a post goes besides its channel: a reply in a thread. */
export interface PostOptions {
  readonly threadTs?: string | undefined;
}

async function postOnce(
  client: WebClient,
  channel: string,
  message: SlackMessage,
  pacer: ChannelPacer,
  options: PostOptions,
) {
  await pacer.wait(channel);
  const posted = await client.chat.postMessage({
    channel,
    text: message.text,
    blocks: message.blocks,
    unfurl_links: false,
    unfurl_media: false,
    ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
  });
  return posted.ts ?? '';
}

/**
 * Posts a message to a channel. A public channel the bot has left is joined again and the post
 * retried once; Slack's 429s and 5xx are the client's to retry (Retry-After honoured) before
 * anything comes back here. The permalink is asked for afterwards and is optional.
 */
export async function postToChannel(
  client: WebClient,
  channel: string,
  message: SlackMessage,
  pacer: ChannelPacer,
  options: PostOptions = {},
): Promise<PostResult> {
  let ts: string;
  try {
    ts = await postOnce(client, channel, message, pacer, options);
  } catch (error) {
    const code = slackErrorCode(error);
    if (code !== 'not_in_channel') return failure(code);
    try {
      await client.conversations.join({ channel });
      ts = await postOnce(client, channel, message, pacer, options);
    } catch (retryError) {
      const again = slackErrorCode(retryError);
      // A private channel cannot be joined: it needs an invitation.
      return failure(again === 'method_not_supported_for_channel_type' ? 'not_in_channel' : again);
    }
  }
  return { ok: true, ts, permalink: await permalinkOf(client, channel, ts) };
}

/** A direct message from the app (its Messages tab) to one person; false when it could not be sent. */
export async function sendDirectMessage(client: WebClient, user: string, message: SlackMessage): Promise<boolean> {
  try {
    const opened = await client.conversations.open({ users: user });
    const channel = opened.channel?.id;
    if (!channel) return false;
    await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks });
    return true;
  } catch {
    return false;
  }
}

/** Direct messages to each of `people` (whoever set something up, the installer), once each; failures are logged. */
export async function tellPeople(
  deps: Pick<JobDeps, 'slack' | 'logger'>,
  workspace: string,
  people: readonly (string | undefined)[],
  message: SlackMessage,
): Promise<void> {
  const client = await deps.slack(workspace);
  if (!client) return;
  for (const user of new Set(people.filter((u): u is string => !!u))) {
    if (!(await sendDirectMessage(client, user, message)))
      deps.logger.warn(`${workspace}: could not send a direct message to ${user}`);
  }
}
