import type { ModalView, PlainTextOption } from '@slack/types';
import { CLOCK_TIME_PATTERN, WEEKDAY_NAMES, type Weekday } from '../period/calendar.js';
import { input, plain } from './blocks.js';
import { channelInput, fieldOf, pickedChannel, type SubmittedValues } from './channel-input.js';
import { zoneAbbreviation } from './digest-format.js';
import { CALLBACKS, DIGEST_ENABLED_VALUE, DIGEST_FIELDS } from './ids.js';
import { problemBlocks } from './modal-notice.js';

export interface DigestModalOptions {
  /** The saved digest, or the first-time defaults (off, Monday 09:00, no channel). */
  readonly channelId?: string | undefined;
  readonly day: Weekday;
  readonly time: string;
  readonly enabled: boolean;
  /** The workspace's report zone, which the time is in. */
  readonly zone: string;
  readonly now: number;
  /** Why the last save did not happen, shown above the form (when Slack could no longer be answered inline). */
  readonly problems?: readonly string[] | undefined;
}

const title = (name: string) => `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
const dayOption = (day: number): PlainTextOption => ({
  text: plain(title(WEEKDAY_NAMES[day] ?? 'monday')),
  value: WEEKDAY_NAMES[day] ?? 'monday',
});
const onOption = { text: plain('Post the digest every week'), value: DIGEST_ENABLED_VALUE };

/** The digest modal: channel, weekday, time (in the workspace's zone), on/off. Ids are stable (README). */
export function buildDigestModal(options: DigestModalOptions): ModalView {
  const zoneName = `${options.zone} (${zoneAbbreviation(options.zone, options.now)})`;
  return {
    type: 'modal',
    callback_id: CALLBACKS.digest,
    title: plain('Weekly digest'),
    submit: plain('Save'),
    close: plain('Cancel'),
    blocks: [
      ...problemBlocks(options.problems),
      channelInput(DIGEST_FIELDS.channel, options.channelId),
      input(DIGEST_FIELDS.day, 'Day', {
        type: 'static_select',
        options: WEEKDAY_NAMES.map((_, day) => dayOption(day)),
        initial_option: dayOption(options.day),
      }),
      input(
        DIGEST_FIELDS.time,
        'Time',
        { type: 'timepicker', initial_time: options.time },
        { hint: plain(`In the workspace’s report time zone, ${zoneName}; it can be changed under Settings.`) },
      ),
      input(
        DIGEST_FIELDS.enabled,
        'On or off',
        { type: 'checkboxes', options: [onOption], ...(options.enabled ? { initial_options: [onOption] } : {}) },
        { optional: true },
      ),
    ],
  };
}

export type DigestInput =
  | {
      readonly ok: true;
      readonly channelId: string;
      readonly day: Weekday;
      readonly time: string;
      readonly enabled: boolean;
    }
  | { readonly ok: false; readonly errors: Record<string, string> };

/** Reads and checks a digest submission; problems come back keyed by block id, for inline errors. */
export function readDigestInput(values: SubmittedValues): DigestInput {
  const field = fieldOf(values);
  const errors: Record<string, string> = {};
  const channelId = pickedChannel(values, DIGEST_FIELDS.channel, errors, 'Pick the channel for the digest.');
  const day = WEEKDAY_NAMES.indexOf(field(DIGEST_FIELDS.day)?.selected_option?.value as (typeof WEEKDAY_NAMES)[number]);
  if (day < 0) errors[DIGEST_FIELDS.day.block] = 'Pick the day the digest goes out.';
  const time = field(DIGEST_FIELDS.time)?.selected_time ?? '';
  if (!CLOCK_TIME_PATTERN.test(time)) errors[DIGEST_FIELDS.time.block] = 'Pick a time, such as 09:00.';
  const enabled = (field(DIGEST_FIELDS.enabled)?.selected_options ?? []).some((o) => o.value === DIGEST_ENABLED_VALUE);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, channelId, day: day as Weekday, time, enabled };
}
