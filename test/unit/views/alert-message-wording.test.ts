import { describe, expect, it } from 'vitest';
import {
  alertHeadline,
  buildAlertMessage,
  buildBackToNormal,
  buildMutedNote,
} from '../../../src/views/alert-message.js';
import { ALERT_ACTIONS, ALERT_BLOCKS } from '../../../src/views/ids.js';
import { anAlertFinding } from '../../support/alert-finding.js';
import { expectValidMessage } from '../../support/block-kit.js';
import { actionIdsOf, linesOf } from '../../support/view-text.js';

/*
 * An alert as the channel reads it, line by line, and the replies in its thread: back to normal,
 * coming in again, muted.
 */

const finding = anAlertFinding;

describe('an alert in the channel', () => {
  it('reads: the headline in bold, the chart described by it, how it was judged, and two buttons', () => {
    const message = buildAlertMessage({ finding: finding(), day: '2026-12-01', chartUrl: 'https://quickchart.io/c?x' });
    expectValidMessage(message);
    expect(linesOf(message)).toEqual([
      ':rotating_light: *Opt-outs are 3.1× a usual Tuesday by 11:00: 94 against about 30.*',
      '(image: Opt-outs are 3.1× a usual Tuesday by 11:00: 94 against about 30.)',
      'Usual: the middle of the last 8 Tuesdays by 11:00 (usual range 22–44); normal sensitivity. Admins change alerts on the Contacts Home tab.',
      '[See today by hour]',
      '[Mute for today]',
    ]);
    expect(actionIdsOf(message)).toEqual([ALERT_ACTIONS.today, ALERT_ACTIONS.mute]);
  });

  it('leaves out the usual range when there is no point for the hour compared by', () => {
    const message = buildAlertMessage({
      finding: finding({ hours: [], weeks: 6, sensitivity: 'low' }),
      day: '2026-12-01',
      chartUrl: 'https://quickchart.io/c?x',
    });
    expect(linesOf(message)[2]).toBe(
      'Usual: the middle of the last 6 Tuesdays by 11:00; low sensitivity. Admins change alerts on the Contacts Home tab.',
    );
  });

  it('says ten times as “10×”, not “10.0×”', () => {
    expect(alertHeadline(finding({ observed: 300, usual: 30, ratio: 10 }))).toBe(
      'Opt-outs are 10× a usual Tuesday by 11:00: 300 against about 30',
    );
    expect(alertHeadline(finding({ observed: 297, usual: 30, ratio: 9.9 }))).toBe(
      'Opt-outs are 9.9× a usual Tuesday by 11:00: 297 against about 30',
    );
  });
});

describe('replies in an alert’s thread', () => {
  it('says back to normal with a check mark, in its own block', () => {
    const reply = buildBackToNormal(finding({ observed: 130, usual: 120, ratio: 130 / 120, hour: 14 }));
    expectValidMessage(reply);
    expect(linesOf(reply)).toEqual([
      ':white_check_mark: Back to normal at 14:00: 130 opt-outs so far, against about 120 on a usual Tuesday.',
    ]);
    expect(reply.blocks.map((b) => b.block_id)).toEqual([ALERT_BLOCKS.normal]);
  });

  it('says they are coming in again after a stop', () => {
    const reply = buildBackToNormal(
      finding({ measure: 'contactsAdded', way: 'down', observed: 2, usual: 133, hour: 9, weekday: 0 }),
      { resumed: true },
    );
    expect(linesOf(reply)).toEqual([
      ':white_check_mark: New contacts are coming in again by 09:00: 2 new contacts so far, against about 130 on a usual Sunday.',
    ]);
  });

  it('says who muted which alerts, for everyone in the thread', () => {
    const note = buildMutedNote({ measure: 'contactsServed', userId: 'U0ANN' });
    expectValidMessage(note);
    expect(note.text).toBe('<@U0ANN> muted alerts about contacts served for the rest of today.');
    expect(linesOf(note)).toEqual([
      ':zipper_mouth_face: <@U0ANN> muted alerts about contacts served for the rest of today.',
    ]);
    expect(note.blocks.map((b) => b.block_id)).toEqual([ALERT_BLOCKS.muted]);
  });
});
