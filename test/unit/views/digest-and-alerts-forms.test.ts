import { describe, expect, it } from 'vitest';
import { buildAlertsModal, readAlertsInput } from '../../../src/views/alerts-modal.js';
import { buildDigestModal, readDigestInput } from '../../../src/views/digest-modal.js';
import { CALLBACKS } from '../../../src/views/ids.js';
import { expectValidView } from '../../support/block-kit.js';
import { fillModal } from '../../support/modal-filling.js';

/*
 * The digest and alerts forms as an admin sees them (title, labels, choices and their words,
 * hints, what is preset) and the inline answers they get when something is missing.
 */

const NOW = Date.parse('2026-11-27T10:00:00Z');

interface Input {
  block_id: string;
  label: { text: string };
  optional?: boolean;
  hint?: { text: string };
  element: {
    type: string;
    options?: { text: { text: string }; value: string }[];
    initial_option?: { text: { text: string }; value: string };
    initial_options?: { text: { text: string }; value: string }[];
    initial_time?: string;
  };
}
type View = ReturnType<typeof buildDigestModal>;
const inputs = (view: View) => view.blocks as unknown as Input[];
const inputLabelled = (view: View, label: string) => {
  const found = inputs(view).find((b) => b.label.text === label);
  if (!found) throw new Error(`no input labelled ${label}`);
  return found;
};
const offered = (input: Input) => (input.element.options ?? []).map((o) => [o.text.text, o.value]);
const framing = (view: View) => [view.type, view.callback_id, view.title?.text, view.submit?.text, view.close?.text];

describe('the digest form', () => {
  const modal = () =>
    buildDigestModal({
      channelId: 'C0FORM',
      day: 5,
      time: '16:45',
      enabled: true,
      zone: 'Asia/Kolkata',
      now: NOW,
    });

  it('is titled “Weekly digest”, with Save and Cancel, and asks for channel, day, time and on/off', () => {
    expectValidView(modal());
    expect(framing(modal())).toEqual(['modal', CALLBACKS.digest, 'Weekly digest', 'Save', 'Cancel']);
    expect(inputs(modal()).map((b) => [b.label.text, b.element.type, b.optional ?? false])).toEqual([
      ['Channel', 'conversations_select', false],
      ['Day', 'static_select', false],
      ['Time', 'timepicker', false],
      ['On or off', 'checkboxes', true],
    ]);
  });

  it('offers the seven days by name, Sunday first, and presets the saved one', () => {
    const day = inputLabelled(modal(), 'Day');
    expect(offered(day)).toEqual([
      ['Sunday', 'sunday'],
      ['Monday', 'monday'],
      ['Tuesday', 'tuesday'],
      ['Wednesday', 'wednesday'],
      ['Thursday', 'thursday'],
      ['Friday', 'friday'],
      ['Saturday', 'saturday'],
    ]);
    expect(day.element.initial_option).toMatchObject({ text: { text: 'Friday' }, value: 'friday' });
  });

  it('says which zone the time is in and where to change it', () => {
    const time = inputLabelled(modal(), 'Time');
    expect(time.element.initial_time).toBe('16:45');
    expect(time.hint?.text).toBe(
      'In the workspace’s report time zone, Asia/Kolkata (IST); it can be changed under Settings.',
    );
  });

  it('offers one box to post every week, ticked when the digest is on and not when it is off', () => {
    const onOff = inputLabelled(modal(), 'On or off');
    expect(offered(onOff)).toEqual([['Post the digest every week', 'on']]);
    expect(onOff.element.initial_options?.map((o) => o.text.text)).toEqual(['Post the digest every week']);
    const off = buildDigestModal({ day: 1, time: '09:00', enabled: false, zone: 'Asia/Kolkata', now: NOW });
    expect(inputLabelled(off, 'On or off').element.initial_options).toBeUndefined();
    expect(readDigestInput(fillModal(modal(), {}))).toEqual({
      ok: true,
      channelId: 'C0FORM',
      day: 5,
      time: '16:45',
      enabled: true,
    });
  });

  it('answers a submission with nothing filled in, inline, at each field that needs an answer', () => {
    expect(readDigestInput({})).toEqual({
      ok: false,
      errors: {
        digest_channel: 'Pick the channel for the digest.',
        digest_day: 'Pick the day the digest goes out.',
        digest_time: 'Pick a time, such as 09:00.',
      },
    });
  });

  it('reads a submission without the on/off box as off', () => {
    const values = fillModal(modal(), { Day: 'Sunday' });
    const { digest_enabled: _dropped, ...rest } = values;
    expect(readDigestInput(rest)).toEqual({ ok: true, channelId: 'C0FORM', day: 0, time: '16:45', enabled: false });
  });
});

describe('the alerts form', () => {
  const modal = () =>
    buildAlertsModal({
      measures: { contactsBlocked: false, contactsAdded: true, contactsServed: false },
      channelId: 'C0FORM',
      sensitivity: 'high',
      quietHours: { from: '21:00', to: '06:30' },
      zone: 'Asia/Kolkata',
      now: NOW,
    });

  it('is titled “Same-day alerts”, with Save and Cancel, and asks what to watch, where, how readily and when to keep quiet', () => {
    expectValidView(modal());
    expect(framing(modal())).toEqual(['modal', CALLBACKS.alerts, 'Same-day alerts', 'Save', 'Cancel']);
    expect(inputs(modal()).map((b) => [b.label.text, b.element.type, b.optional ?? false])).toEqual([
      ['Alert when', 'checkboxes', true],
      ['Channel', 'conversations_select', false],
      ['Sensitivity', 'static_select', false],
      ['Quiet from', 'timepicker', true],
      ['Quiet until', 'timepicker', true],
    ]);
  });

  it('offers the three measures in words, ticks the watched ones, and says how they are compared', () => {
    const when = inputLabelled(modal(), 'Alert when');
    expect(offered(when)).toEqual([
      ['Opt-outs going up', 'contactsBlocked'],
      ['New contacts stopping or dropping', 'contactsAdded'],
      ['Contacts served, up or down', 'contactsServed'],
    ]);
    expect(when.element.initial_options?.map((o) => o.text.text)).toEqual(['New contacts stopping or dropping']);
    expect(when.hint?.text).toBe(
      'Each is compared with the same weekday, up to the same hour, over the last 8 weeks. None ticked: off.',
    );
  });

  it('offers the three sensitivities in words and presets the saved one', () => {
    const sensitivity = inputLabelled(modal(), 'Sensitivity');
    expect(offered(sensitivity)).toEqual([
      ['Low — only when 3 times or a third of usual', 'low'],
      ['Normal — twice or half of usual', 'normal'],
      ['High — 1.5 times or two thirds of usual', 'high'],
    ]);
    expect(sensitivity.element.initial_option).toMatchObject({
      text: { text: 'High — 1.5 times or two thirds of usual' },
      value: 'high',
    });
  });

  it('presets the quiet hours and says, under the second time, which zone they are in', () => {
    expect(inputLabelled(modal(), 'Quiet from').element.initial_time).toBe('21:00');
    expect(inputLabelled(modal(), 'Quiet from').hint).toBeUndefined();
    const until = inputLabelled(modal(), 'Quiet until');
    expect(until.element.initial_time).toBe('06:30');
    expect(until.hint?.text).toBe('No alerts between these times, in Asia/Kolkata (IST). Leave both empty for none.');
  });

  it('leaves nothing ticked and both times empty when nothing is watched and there are no quiet hours', () => {
    const empty = buildAlertsModal({
      measures: { contactsBlocked: false, contactsAdded: false, contactsServed: false },
      sensitivity: 'normal',
      zone: 'Asia/Kolkata',
      now: NOW,
    });
    expectValidView(empty);
    expect(inputLabelled(empty, 'Alert when').element.initial_options).toBeUndefined();
    expect(inputLabelled(empty, 'Quiet from').element.initial_time).toBeUndefined();
    expect(inputLabelled(empty, 'Quiet until').element.initial_time).toBeUndefined();
  });

  it('answers a submission with nothing filled in at the channel and the sensitivity, and reads it as nothing watched', () => {
    expect(readAlertsInput({})).toEqual({
      ok: false,
      errors: { alerts_channel: 'Pick the channel for the alerts.', alerts_sensitivity: 'Pick a sensitivity.' },
    });
    const picked = fillModal(modal(), { 'Quiet from': null, 'Quiet until': null });
    const { alerts_measures: _m, alerts_quiet_from: _f, alerts_quiet_to: _t, ...rest } = picked;
    expect(readAlertsInput(rest)).toEqual({
      ok: true,
      measures: { contactsBlocked: false, contactsAdded: false, contactsServed: false },
      channelId: 'C0FORM',
      sensitivity: 'high',
      quietHours: undefined,
    });
  });

  it.each([
    [{ 'Quiet from': '22:00', 'Quiet until': null }, 'Give both times of the quiet hours, or neither.'],
    [{ 'Quiet from': '22:00', 'Quiet until': '22:00' }, 'Quiet hours need two different times, or leave both empty.'],
  ])('answers quiet hours %j under the second time: “%s”', (answers, error) => {
    expect(readAlertsInput(fillModal(modal(), answers))).toEqual({ ok: false, errors: { alerts_quiet_to: error } });
  });
});
