import { describe, expect, it } from 'vitest';
import type { ReportFailure } from '../../../src/report/report-types.js';
import { buildAlertsPausedNotice } from '../../../src/views/alert-notices.js';
import { buildDigestPausedNotice, buildDigestStoppedNotice } from '../../../src/views/digest-notices.js';
import {
  buildBusyMessage,
  buildFailureMessage,
  buildFetchingMessage,
  buildInternalErrorMessage,
  buildNotConnectedMessage,
  buildSlowMessage,
} from '../../../src/views/error-messages.js';
import { ACTIONS, ALERT_ACTIONS, DIGEST_ACTIONS } from '../../../src/views/ids.js';
import { expectValidMessage } from '../../support/block-kit.js';
import { actionIdsOf, linesOf } from '../../support/view-text.js';

/*
 * The exact words someone gets when their report could not be made, and the direct messages
 * admins get when the digest or the alerts stop: what happened, and the one button to the fix.
 */

const shown = (message: { text: string; blocks: unknown[] }) => {
  expectValidMessage(message);
  return { text: message.text, lines: linesOf(message), actionIds: actionIdsOf(message) };
};

describe('what someone whose report failed reads', () => {
  it.each<[ReportFailure, string, string]>([
    [
      { kind: 'tellody-credentials', detail: 'Bad <credentials>' },
      'Tellody refused this workspace’s login (“Bad &lt;credentials&gt;”).',
      'A workspace admin can enter the right Tellody username and password in the Contacts app’s Home tab, under Settings.',
    ],
    [
      { kind: 'tellody-unavailable', detail: 'timeout after 10000 ms' },
      'Tellody isn’t answering right now, so there is no report this time.',
      'Nothing was changed. Please try again in a few minutes.',
    ],
    [
      { kind: 'tellody-rejected', detail: 'HTTP 400' },
      'Tellody turned down the request for this report.',
      'This usually means the workspace’s report time zone differs from the Tellody account’s: an admin can check it in the Contacts app’s Home tab, under Settings.',
    ],
    [
      { kind: 'tellody-garbled', detail: 'Unexpected token <' },
      'Tellody sent back something I couldn’t read.',
      'Please try again in a few minutes; if it keeps happening, tell your Slack admin.',
    ],
    [
      { kind: 'login-unreadable', detail: 'unsealable' },
      'This workspace’s saved Tellody login can no longer be read (the app’s encryption key was changed), so there is no report.',
      'A workspace admin can enter it again in the Contacts app’s Home tab, under Settings. Nothing else was changed.',
    ],
  ])('%j: a warning with what happened, and a hint with what to do', (failure, what, hint) => {
    expect(shown(buildFailureMessage(failure))).toEqual({
      text: `${what} ${hint}`,
      lines: [`:warning: ${what}`, hint],
      actionIds: [],
    });
  });

  it('tells a workspace not connected yet who can connect it, and where', () => {
    expect(shown(buildNotConnectedMessage()).lines).toEqual([
      ':warning: This workspace isn’t connected to Tellody yet.',
      'A workspace admin can connect it in the Contacts app’s Home tab, under Settings.',
    ]);
  });

  it('owns up to a failure of ours without details, and says nothing was changed', () => {
    expect(shown(buildInternalErrorMessage())).toMatchObject({
      text: 'Something went wrong on our side while making that report. Nothing was changed. Please try again.',
      lines: [
        ':warning: Something went wrong on our side while making that report.',
        'Nothing was changed. Please try again.',
      ],
    });
  });

  it('shows a one-line “fetching” while the report is made', () => {
    expect(shown(buildFetchingMessage())).toEqual({
      text: 'Fetching from Tellody…',
      lines: [':hourglass_flowing_sand: Fetching from Tellody…'],
      actionIds: [],
    });
  });

  it('says, when too many reports are asked for at once, that this one was not made and to try again in a moment', () => {
    expect(shown(buildBusyMessage())).toEqual({
      text: 'Lots of reports are being asked for right now, so this one wasn’t made. Nothing was changed. Please try again in a moment.',
      lines: [
        ':warning: Lots of reports are being asked for right now, so this one wasn’t made.',
        'Nothing was changed. Please try again in a moment.',
      ],
      actionIds: [],
    });
  });

  it('says when Tellody is slow, and that a late report still shows up in the same place', () => {
    expect(shown(buildSlowMessage())).toEqual({
      text: 'Tellody is slow right now — try again in a minute. If the report still comes, it will show up here.',
      lines: [
        ':warning: Tellody is slow right now — try again in a minute.',
        'If the report still comes, it will show up here.',
      ],
      actionIds: [],
    });
  });
});

describe('what admins are told when the digest or the alerts stop', () => {
  it('says the digest is paused because its channel was archived, with a primary Edit digest button', () => {
    const message = buildDigestPausedNotice({ channelId: 'CMKT', reason: 'is_archived' });
    const text =
      'The weekly digest is paused: <#CMKT> was archived. It will not be posted again until someone picks a channel.';
    expect(shown(message)).toEqual({
      text,
      lines: [`:double_vertical_bar: ${text}`, '[Edit digest]'],
      actionIds: [DIGEST_ACTIONS.settings],
    });
    expect(message.blocks.map((b) => b.block_id)).toEqual(['digest_notice', 'digest_notice_actions']);
    expect(message.blocks[1]).toMatchObject({ elements: [{ style: 'primary' }] });
  });

  it('says which week’s digest was not posted and why, with a button to the settings', () => {
    const message = buildDigestStoppedNotice({
      problem: { kind: 'tellody-credentials', detail: 'Bad credentials' },
      week: '2026-11-23',
    });
    const text =
      'The weekly digest for the week of 2026-11-23 was not posted: Tellody refused the saved login (“Bad credentials”): an admin must enter it again under Settings. Then use Send now on the Home tab.';
    expect(shown(message)).toEqual({
      text,
      lines: [`:warning: ${text}`, '[Edit settings]'],
      actionIds: [ACTIONS.openSettings],
    });
    expect(message.blocks[1]).toMatchObject({ elements: [{ style: 'primary' }] });
  });

  it('says the alerts are paused because the app left a private channel, with a primary Edit alerts button', () => {
    const message = buildAlertsPausedNotice({ channelId: 'G9', reason: 'not_in_channel' });
    const text =
      'Same-day alerts are paused: <#G9> no longer has @contacts in it (a private channel needs `/invite @contacts`). No alert will be posted until someone picks a channel.';
    expect(shown(message)).toEqual({
      text,
      lines: [`:double_vertical_bar: ${text}`, '[Edit alerts]'],
      actionIds: [ALERT_ACTIONS.settings],
    });
    expect(message.blocks.map((b) => b.block_id)).toEqual(['alerts_notice', 'alerts_notice_actions']);
    expect(message.blocks[1]).toMatchObject({ elements: [{ style: 'primary' }] });
  });
});
