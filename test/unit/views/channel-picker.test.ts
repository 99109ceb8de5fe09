import { describe, expect, it } from 'vitest';
import { pickedChannel, type SubmittedValues } from '../../../src/views/channel-input.js';

/*
 * The channel a digest or alerts form posts to: only a public (C…) or private (G…) channel id is
 * taken; anything else (nothing picked, a DM, a tampered value) puts the form's message on the
 * channel field and saves nothing.
 */

const IDS = { block: 'digest_channel', action: 'channel' };
const ERROR = 'Pick the channel to post to.';
const picked = (value: string | null | undefined) =>
  ({ digest_channel: { channel: { type: 'conversations_select', selected_conversation: value } } }) as SubmittedValues;

describe('the channel picked in a form', () => {
  it.each(['C0123ABCD', 'G01ABCDEF', 'C12'])('takes the channel %s', (channel) => {
    const errors: Record<string, string> = {};
    expect(pickedChannel(picked(channel), IDS, errors, ERROR)).toBe(channel);
    expect(errors).toEqual({});
  });

  it.each([
    ['nothing picked', null],
    ['nothing sent', undefined],
    ['a direct message', 'D0123ABCD'],
    ['a user', 'U0123ABCD'],
    ['an id with something before it', 'xC0123ABCD'],
    ['an id with something after it', 'C0123ABCD>'],
    ['a lower-case id', 'c0123abcd'],
    ['an id too short', 'C1'],
    ['an id too long', `C${'A'.repeat(31)}`],
  ])('refuses %s at the channel field, keeping nothing', (_what, channel) => {
    const errors: Record<string, string> = {};
    expect(pickedChannel(picked(channel), IDS, errors, ERROR)).toBe('');
    expect(errors).toEqual({ digest_channel: ERROR });
  });

  it('refuses a form without the channel field at all (an older modal, a tampered one)', () => {
    const errors: Record<string, string> = {};
    expect(pickedChannel({}, IDS, errors, ERROR)).toBe('');
    expect(pickedChannel({ digest_channel: {} }, IDS, errors, ERROR)).toBe('');
    expect(errors).toEqual({ digest_channel: ERROR });
  });
});
