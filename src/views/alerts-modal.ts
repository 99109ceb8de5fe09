import type { ModalView, PlainTextOption } from '@slack/types';
import { CLOCK_TIME_PATTERN } from '../period/calendar.js';
import {
  ALERT_MEASURES,
  type AlertMeasure,
  type QuietHours,
  SENSITIVITIES,
  type Sensitivity,
} from '../store/alert-settings.js';
import { WATCH_WORDS } from './alerts-section.js';
import { input, plain } from './blocks.js';
import { channelInput, fieldOf, pickedChannel, type SubmittedValues } from './channel-input.js';
import { zoneAbbreviation } from './digest-format.js';
import { ALERT_FIELDS, CALLBACKS } from './ids.js';

export interface AlertsModalOptions {
  /** The saved settings, or the first-time defaults (opt-outs and new contacts, the digest's channel, normal). */
  readonly measures: Readonly<Record<AlertMeasure, boolean>>;
  readonly channelId?: string | undefined;
  readonly sensitivity: Sensitivity;
  readonly quietHours?: QuietHours | undefined;
  /** The workspace's report zone, which the quiet hours are in. */
  readonly zone: string;
  readonly now: number;
}

const SENSITIVITY_WORDS: Record<Sensitivity, string> = {
  low: 'Low — only when 3 times or a third of usual',
  normal: 'Normal — twice or half of usual',
  high: 'High — 1.5 times or two thirds of usual',
};

const capital = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
const measureOption = (m: AlertMeasure): PlainTextOption => ({ text: plain(capital(WATCH_WORDS[m])), value: m });
const sensitivityOption = (s: Sensitivity): PlainTextOption => ({ text: plain(SENSITIVITY_WORDS[s]), value: s });

function timepicker(ids: { block: string; action: string }, label: string, time: string | undefined, hint?: string) {
  return input(
    ids,
    label,
    { type: 'timepicker', ...(time ? { initial_time: time } : {}) },
    { optional: true, ...(hint ? { hint: plain(hint) } : {}) },
  );
}

/** The alerts modal: what to watch, where, how readily, and when to keep quiet. Ids are stable (README). */
export function buildAlertsModal(options: AlertsModalOptions): ModalView {
  const on = ALERT_MEASURES.filter((m) => options.measures[m]).map(measureOption);
  const zoneName = `${options.zone} (${zoneAbbreviation(options.zone, options.now)})`;
  return {
    type: 'modal',
    callback_id: CALLBACKS.alerts,
    title: plain('Same-day alerts'),
    submit: plain('Save'),
    close: plain('Cancel'),
    blocks: [
      input(
        ALERT_FIELDS.measures,
        'Alert when',
        {
          type: 'checkboxes',
          options: ALERT_MEASURES.map(measureOption),
          ...(on.length > 0 ? { initial_options: on } : {}),
        },
        {
          optional: true,
          hint: plain(
            'Each is compared with the same weekday, up to the same hour, over the last 8 weeks. None ticked: off.',
          ),
        },
      ),
      channelInput(ALERT_FIELDS.channel, options.channelId),
      input(ALERT_FIELDS.sensitivity, 'Sensitivity', {
        type: 'static_select',
        options: SENSITIVITIES.map(sensitivityOption),
        initial_option: sensitivityOption(options.sensitivity),
      }),
      timepicker(ALERT_FIELDS.quietFrom, 'Quiet from', options.quietHours?.from),
      timepicker(
        ALERT_FIELDS.quietTo,
        'Quiet until',
        options.quietHours?.to,
        `No alerts between these times, in ${zoneName}. Leave both empty for none.`,
      ),
    ],
  };
}

export type AlertsInput =
  | {
      readonly ok: true;
      readonly measures: Record<AlertMeasure, boolean>;
      readonly channelId: string;
      readonly sensitivity: Sensitivity;
      readonly quietHours: QuietHours | undefined;
    }
  | { readonly ok: false; readonly errors: Record<string, string> };

/** Reads and checks an alerts submission; problems come back keyed by block id, for inline errors. */
export function readAlertsInput(values: SubmittedValues): AlertsInput {
  const field = fieldOf(values);
  const errors: Record<string, string> = {};
  const ticked = new Set((field(ALERT_FIELDS.measures)?.selected_options ?? []).map((o) => o.value));
  const measures = Object.fromEntries(ALERT_MEASURES.map((m) => [m, ticked.has(m)])) as Record<AlertMeasure, boolean>;
  const channelId = pickedChannel(values, ALERT_FIELDS.channel, errors, 'Pick the channel for the alerts.');
  const sensitivity = field(ALERT_FIELDS.sensitivity)?.selected_option?.value as Sensitivity;
  if (!SENSITIVITIES.includes(sensitivity)) errors[ALERT_FIELDS.sensitivity.block] = 'Pick a sensitivity.';
  const from = field(ALERT_FIELDS.quietFrom)?.selected_time ?? '';
  const to = field(ALERT_FIELDS.quietTo)?.selected_time ?? '';
  const times = [from, to].filter((t) => t !== '');
  if (times.some((t) => !CLOCK_TIME_PATTERN.test(t)) || times.length === 1)
    errors[ALERT_FIELDS.quietTo.block] = 'Give both times of the quiet hours, or neither.';
  else if (times.length === 2 && from === to)
    errors[ALERT_FIELDS.quietTo.block] = 'Quiet hours need two different times, or leave both empty.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const quietHours = times.length === 2 ? { from, to } : undefined;
  return { ok: true, measures, channelId, sensitivity, quietHours };
}
