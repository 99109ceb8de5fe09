import type { ModalView, PlainTextOption } from '@slack/types';
import { canonicalZone, isValidZone, WEEKDAY_NAMES, type Weekday } from '../period/calendar.js';
import { input, plain } from './blocks.js';
import { weekdayName } from './format.js';
import { CALLBACKS, SETTINGS_FIELDS } from './ids.js';
import { problemBlocks } from './modal-notice.js';

export interface SettingsModalOptions {
  readonly weekStart: number;
  readonly zone: string;
  readonly username?: string | undefined;
  readonly connected: boolean;
  /** Why the last save did not happen, shown above the form (when Slack could no longer be answered inline). */
  readonly problems?: readonly string[] | undefined;
}

const dayOption = (day: number): PlainTextOption => ({ text: plain(weekdayName(day)), value: String(day) });

/** The settings modal's inputs use their block id as action id too. */
const field = (blockId: string) => ({ block: blockId, action: blockId });

/** The settings modal: week start, report time zone, Tellody login. */
export function buildSettingsModal(options: SettingsModalOptions): ModalView {
  const passwordHint = options.connected
    ? 'Leave empty to keep the current password.'
    : 'Checked with Tellody before it is saved, then stored encrypted.';
  return {
    type: 'modal',
    callback_id: CALLBACKS.settings,
    title: plain('Contacts settings'),
    submit: plain('Save'),
    close: plain('Cancel'),
    blocks: [
      ...problemBlocks(options.problems),
      input(field(SETTINGS_FIELDS.weekStart), 'Weeks start on', {
        type: 'static_select',
        options: WEEKDAY_NAMES.map((_, day) => dayOption(day)),
        initial_option: dayOption(options.weekStart),
      }),
      input(
        field(SETTINGS_FIELDS.zone),
        'Report time zone',
        { type: 'plain_text_input', initial_value: options.zone, placeholder: plain('Europe/Athens') },
        { hint: plain('An IANA time zone name; it should match your Tellody account’s zone.') },
      ),
      input(
        field(SETTINGS_FIELDS.username),
        'Tellody username',
        { type: 'plain_text_input', ...(options.username ? { initial_value: options.username } : {}) },
        { optional: true },
      ),
      input(
        field(SETTINGS_FIELDS.password),
        'Tellody password',
        { type: 'plain_text_input', placeholder: plain(options.connected ? '(unchanged)' : 'password') },
        { optional: true, hint: plain(passwordHint) },
      ),
    ],
  };
}

type SubmittedValues = Record<
  string,
  Record<string, { value?: string | null; selected_option?: { value?: string } | null }>
>;

export type SettingsInput =
  | {
      readonly ok: true;
      readonly weekStart: Weekday;
      readonly zone: string;
      /** Present when the person typed a username (and a password, or one is already stored). */
      readonly username?: string;
      readonly password?: string;
    }
  | { readonly ok: false; readonly errors: Record<string, string> };

const value = (values: SubmittedValues, field: string) => values[field]?.[field];

/** Reads and checks a settings submission; problems come back keyed by block id, for inline errors. */
export function readSettingsInput(
  values: SubmittedValues,
  options: { connected: boolean; currentUsername?: string | undefined },
): SettingsInput {
  const errors: Record<string, string> = {};
  const day = Number(value(values, SETTINGS_FIELDS.weekStart)?.selected_option?.value);
  if (!Number.isInteger(day) || day < 0 || day > 6) errors[SETTINGS_FIELDS.weekStart] = 'Pick the day weeks start on.';
  const zone = (value(values, SETTINGS_FIELDS.zone)?.value ?? '').trim();
  if (!isValidZone(zone))
    errors[SETTINGS_FIELDS.zone] =
      `“${zone.slice(0, 60)}” is not a time zone name. Try one like Europe/Athens or America/New_York.`;
  const username = (value(values, SETTINGS_FIELDS.username)?.value ?? '').trim();
  const password = value(values, SETTINGS_FIELDS.password)?.value ?? '';
  if (password && !username)
    errors[SETTINGS_FIELDS.username] = 'Enter the Tellody username that goes with this password.';
  if (username && !password && (!options.connected || username !== options.currentUsername)) {
    errors[SETTINGS_FIELDS.password] = 'Enter the Tellody password for this username.';
  }
  if (username.length > 200) errors[SETTINGS_FIELDS.username] = 'That username is too long.';
  if (password.length > 200) errors[SETTINGS_FIELDS.password] = 'That password is too long.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    weekStart: day as Weekday,
    zone: canonicalZone(zone),
    ...(username ? { username } : {}),
    ...(password ? { password } : {}),
  };
}
