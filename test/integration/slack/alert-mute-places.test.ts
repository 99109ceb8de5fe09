import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERT_ACTIONS } from '../../../src/views/ids.js';
import { expectLogged } from '../../support/log-lines.js';
import { payload } from '../../support/signed-request.js';
import { type AppHarness, slackAppHarness } from '../../support/slack-app-harness.js';

const TODAY = '2026-11-30';
const MUTED = 'Muted: no more alerts about opt-outs today. They come back tomorrow.';
const NOTE = '<@UUSER> muted alerts about opt-outs for the rest of today.';

let h: AppHarness;
const logs: string[] = [];
beforeAll(async () => {
  h = await slackAppHarness({ now: '2026-11-30T10:10:00Z', logSink: (line) => logs.push(line) }); // a Monday
});
afterAll(() => h.close());

let clicks = 0;
/**
 * "Mute for today" clicked on an alert, as Slack sends it, with the click's `container` and the
 * body's `channel` and `message` as given: Slack does not always name the message in both places.
 */
async function muteClick(team: string, where: Record<string, unknown>) {
  const id = `mute-${++clicks}`;
  const body = payload({
    type: 'block_actions',
    team: { id: team, domain: 'acme' },
    user: { id: 'UUSER', team_id: team },
    api_app_id: 'A1',
    trigger_id: `trigger-mute-${clicks}`,
    response_url: h.slack.responseUrl(id),
    actions: [
      {
        action_id: ALERT_ACTIONS.mute,
        block_id: 'alert_actions',
        type: 'button',
        value: `${TODAY}|contactsBlocked`,
        action_ts: '1.3',
      },
    ],
    ...where,
  });
  const sent = await h.send(body, 'application/x-www-form-urlencoded');
  expect(sent.status).toBe(200);
  const [answer] = await h.slack.waitForPosts(id);
  return String(answer?.body.text);
}

const notesIn = (thread: string) => h.slack.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === thread);

describe('“Mute for today” on an alert whose click names its message in other places', () => {
  it('notes the mute in the alert’s thread found from the click’s channel and message', async () => {
    const posted = h.slack.callsTo('chat.postMessage').length;
    const answer = await muteClick('T2', {
      container: { type: 'message' },
      channel: { id: 'CALERTS' },
      message: { type: 'message', ts: '1700000042.000100', text: 'Opt-outs are up' },
    });
    expect(answer).toBe(MUTED);
    await h.slack.waitForCalls('chat.postMessage', posted + 1);
    expect(notesIn('1700000042.000100').map((c) => [c.args.channel, c.args.text])).toEqual([['CALERTS', NOTE]]);
    expect([...(await h.deps.alerts.mutedOn('T2', TODAY))]).toEqual(['contactsBlocked']);
  });

  it('mutes and tells the clicker, with no note and no error, when the click names no message at all', async () => {
    const posted = h.slack.callsTo('chat.postMessage').length;
    const answer = await muteClick('T3', { container: { type: 'message' } });
    expect(answer).toBe(MUTED);
    expect([...(await h.deps.alerts.mutedOn('T3', TODAY))]).toEqual(['contactsBlocked']);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(posted);
    expect(logs.filter((line) => line.includes('alert: mute'))).toEqual([]);
  });

  it('keeps the mute and logs it when the note in the thread cannot be posted', async () => {
    h.slack.failNext('chat.postMessage', { error: 'not_in_channel' });
    const answer = await muteClick('T4', {
      container: { type: 'message', channel_id: 'CQUIET', message_ts: '1700000043.000100' },
    });
    expect(answer).toBe(MUTED);
    await expectLogged(logs, 'alert: mute note failed: ');
    expect([...(await h.deps.alerts.mutedOn('T4', TODAY))]).toEqual(['contactsBlocked']);
  });
});
