import type { KnownBlock } from '@slack/types';
import { input, plain } from './blocks.js';

type Ids = { readonly block: string; readonly action: string };

/** A modal's submitted `state.values`, as far as our forms read them. */
export type SubmittedValues = Record<
  string,
  Record<
    string,
    {
      selected_conversation?: string | null;
      selected_option?: { value?: string } | null;
      selected_time?: string | null;
      selected_options?: { value?: string }[] | null;
    }
  >
>;

/** One input's submitted value, found by its block and action ids. */
export function fieldOf(values: SubmittedValues) {
  return (ids: Ids) => values[ids.block]?.[ids.action];
}

/** The channel picker of a form that posts to a channel (the digest's, the alerts'): public or private. */
export function channelInput(ids: Ids, channelId: string | undefined): KnownBlock {
  return input(
    ids,
    'Channel',
    {
      type: 'conversations_select',
      filter: { include: ['public', 'private'], exclude_bot_users: true },
      ...(channelId ? { initial_conversation: channelId } : {}),
    },
    { hint: plain('For a private channel, invite @contacts to it first.') },
  );
}

/** The channel picked (a public C… or private G… id), or '' after putting `error` on the form's errors. */
export function pickedChannel(
  values: SubmittedValues,
  ids: Ids,
  errors: Record<string, string>,
  error: string,
): string {
  const channelId = fieldOf(values)(ids)?.selected_conversation ?? '';
  if (/^[CG][A-Z0-9]{2,30}$/.test(channelId)) return channelId;
  errors[ids.block] = error;
  return '';
}
