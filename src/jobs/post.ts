import type { WebClient } from '@slack/web-api';
import type { PauseReason } from '../store/digest-schedules.js';
import type { SlackMessage } from '../views/report-message.js';
import type { ChannelPacer } from './channel-pacer.js';
import { isSlackRefusal, refusalMayHaveHappened, surelyNotDelivered } from './delivery.js';
import type { JobNeeds } from './job-needs.js';

export type PostResult =
  | { readonly ok: true; readonly ts: string; readonly permalink: string | undefined }
  /** The channel is gone, archived, or private without the bot: pause until an admin acts. */
  | { readonly ok: false; readonly kind: 'pause'; readonly reason: PauseReason }
  /** The token is no longer good: nothing to retry, nobody to tell through Slack. */
  | { readonly ok: false; readonly kind: 'auth'; readonly detail: string }
  /** Surely not posted (an odd refusal, rate limits outlasting the client's retries, no connection): try again later. */
  | { readonly ok: false; readonly kind: 'transient'; readonly detail: string }
  /**
   * Sent, but Slack never said whether it took it (a timeout, a broken connection, a 5xx,
   * `internal_error`): it may be in the channel. Never sent again by itself.
   */
  | { readonly ok: false; readonly kind: 'uncertain'; readonly detail: string };

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

/** What a failed post means: Slack refused it (and why), it surely never arrived, or nobody can tell. */
function failure(error: unknown): PostResult & { ok: false } {
  const code = slackErrorCode(error);
  const detail = code.slice(0, 200);
  if (isSlackRefusal(error)) {
    if (PAUSING.has(code)) return { ok: false, kind: 'pause', reason: code as PauseReason };
    if (AUTH.has(code)) return { ok: false, kind: 'auth', detail };
    if (refusalMayHaveHappened(code)) return { ok: false, kind: 'uncertain', detail };
    return { ok: false, kind: 'transient', detail };
  }
  return { ok: false, kind: surelyNotDelivered(error) ? 'transient' : 'uncertain', detail };
}

async function permalinkOf(client: WebClient, channel: string, ts: string): Promise<string | undefined> {
  try {
    return (await client.chat.getPermalink({ channel, message_ts: ts })).permalink ?? undefined;
  } catch {
    return undefined;
  }
}

/** Where a post goes besides its channel, and what must happen just before it leaves. */
export interface PostOptions {
  /** A reply in this thread. */
  readonly threadTs?: string | undefined;
  /**
   * Runs just before each `chat.postMessage` is sent (after the channel's pacing): where a job
   * records that a post is on its way, so a successor can tell "maybe posted" from "never sent".
   * What it throws is not a Slack failure: it propagates, and nothing is sent.
   */
  readonly beforeSend?: (() => Promise<void>) | undefined;
}

type Attempt = { readonly ok: true; readonly ts: string } | { readonly ok: false; readonly error: unknown };

async function attempt(
  client: WebClient,
  channel: string,
  message: SlackMessage,
  pacer: ChannelPacer,
  options: PostOptions,
): Promise<Attempt> {
  await pacer.wait(channel);
  await options.beforeSend?.();
  try {
    const posted = await client.chat.postMessage({
      channel,
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
      unfurl_media: false,
      ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
    });
    return { ok: true, ts: posted.ts ?? '' };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * Posts a message to a channel. A public channel the bot has left is joined again and the post
 * tried once more (Slack refused the first: nothing was posted). Slack's 429s are the client's to
 * retry (Retry-After honoured), and so is a connection that could not be made; anything after
 * which the post may have arrived comes back `uncertain`, never retried. The permalink is asked
 * for afterwards and is optional.
 */
export async function postToChannel(
  client: WebClient,
  channel: string,
  message: SlackMessage,
  pacer: ChannelPacer,
  options: PostOptions = {},
): Promise<PostResult> {
  let sent = await attempt(client, channel, message, pacer, options);
  if (!sent.ok && slackErrorCode(sent.error) === 'not_in_channel' && isSlackRefusal(sent.error)) {
    try {
      await client.conversations.join({ channel });
    } catch (joinError) {
      // A private channel cannot be joined: it needs an invitation.
      const code = slackErrorCode(joinError);
      if (code === 'method_not_supported_for_channel_type')
        return { ok: false, kind: 'pause', reason: 'not_in_channel' };
      const refused = failure(joinError);
      // Joining changes nothing that posting again could double: whatever went wrong, try later.
      return refused.kind === 'uncertain' ? { ok: false, kind: 'transient', detail: refused.detail } : refused;
    }
    sent = await attempt(client, channel, message, pacer, options);
  }
  if (!sent.ok) return failure(sent.error);
  return { ok: true, ts: sent.ts, permalink: await permalinkOf(client, channel, sent.ts) };
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
  deps: Pick<JobNeeds, 'slack' | 'logger'>,
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
