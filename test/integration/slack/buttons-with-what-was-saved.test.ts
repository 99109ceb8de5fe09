import { afterEach, describe, expect, it } from 'vitest';
import { ALERT_ACTIONS, DIGEST_ACTIONS } from '../../../src/views/ids.js';
import { aDigestSchedule } from '../../support/digest-schedule.js';
import { type AppHarness, slackAppHarness } from '../../support/slack-app-harness.js';

let h: AppHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const inChannel = { container: { type: 'message', message_ts: '1700000042.000100', channel_id: 'CMKT' } };

/** The first private answer to a click on a button of an alert in #marketing. */
async function answerTo(harness: AppHarness, action: Record<string, unknown>): Promise<string> {
  const click = await harness.click({ type: 'button', ...action }, { user: 'UUSER', ...inChannel });
  const [answer] = await harness.slack.waitForPosts(click.id);
  return String(answer?.body.text);
}

describe('buttons that open or act on what was saved', () => {
  it('opens the digest form again on the day and time saved, not the first-time Monday 09:00', async () => {
    h = await slackAppHarness({ now: '2026-11-27T10:00:00Z' });
    await h.deps.digests.setSchedule('T1', aDigestSchedule('CMKT', { day: 5, time: '16:30' }));
    const before = h.slack.callsTo('views.update').length;
    await h.click(
      { type: 'button', action_id: DIGEST_ACTIONS.settings },
      { user: 'UADMIN', container: { type: 'view', view_id: 'V1' } },
    );
    const [update] = (await h.slack.waitForCalls('views.update', before + 1)).slice(-1);
    const view = update?.args.view as { blocks: { block_id: string; element?: Record<string, unknown> }[] } | undefined;
    const blocks = view?.blocks ?? [];
    const input = (id: string) => blocks.find((b) => b.block_id === id)?.element;
    expect(input('digest_day')?.initial_option).toMatchObject({ value: 'friday' });
    expect(input('digest_time')?.initial_time).toBe('16:30');
  });

  it('says a “Mute for today” button whose value it cannot read mutes nothing', async () => {
    h = await slackAppHarness({ now: '2026-11-30T10:10:00Z' });
    const answer = await answerTo(h, { action_id: ALERT_ACTIONS.mute, value: 'not a day|contactsBlocked' });
    expect(answer).toBe('That button no longer says what to mute.');
    expect([...(await h.deps.alerts.mutedOn('T1', '2026-11-30'))]).toEqual([]);
  });

  it('shows today by hour for a “See today by hour” button whose day it cannot read', async () => {
    h = await slackAppHarness({
      now: '2026-11-30T10:10:00Z',
      env: { TELLODY_USERNAME: 'demo', TELLODY_PASSWORD: 'demo' },
    });
    const answer = await answerTo(h, { action_id: ALERT_ACTIONS.today, value: 'yesterday-ish' });
    expect(answer).toContain('Today');
    expect(answer).toContain('Mon 30 Nov 2026');
  });
});
