import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALLBACKS } from '../../../src/views/ids.js';
import { payload } from '../../support/signed-request.js';
import { type AppHarness, digestValues, slackAppHarness } from '../../support/slack-app-harness.js';

let h: AppHarness;
beforeAll(async () => {
  h = await slackAppHarness();
});
afterAll(() => h.close());

/** A digest form submitted in an org-wide install (enterprise E1) by an admin of its workspace T1; `team` as Slack sends it. */
function orgWideSubmission(team: { id: string; enterprise_id: string } | null, channel: string) {
  return payload({
    type: 'view_submission',
    team,
    enterprise: { id: 'E1', name: 'Acme Group' },
    is_enterprise_install: true,
    user: { id: 'UADMIN', team_id: 'T1' },
    api_app_id: 'A1',
    trigger_id: `trigger-org-${channel}`,
    view: {
      id: 'V1',
      type: 'modal',
      callback_id: CALLBACKS.digest,
      state: { values: digestValues({ channel }) },
      hash: 'h',
    },
  });
}

describe('a digest form saved from an org-wide install', () => {
  it.each([
    ['names no team (as Slack sends org-wide installs)', null, 'CORG1'],
    ['names the person’s team', { id: 'T1', enterprise_id: 'E1' }, 'CORG2'],
  ])(
    'whose submission %s is kept for the enterprise, its “Open Contacts” link for the person’s workspace',
    async (_what, team, channel) => {
      const result = await h.send(orgWideSubmission(team, channel), 'application/x-www-form-urlencoded');
      expect(result).toEqual({ status: 200, text: '' });
      expect(await h.deps.digests.schedule('E1')).toMatchObject({ channelId: channel, teamId: 'T1', appId: 'A1' });
    },
  );
});

describe('a channel Slack describes without any detail', () => {
  it('is joined and saved under its id when conversations.info answers with no channel', async () => {
    h.slack.answerNext('conversations.info', { ok: true });
    const joins = h.slack.callsTo('conversations.join').length;
    const result = await h.submit(digestValues({ channel: 'CBARE' }), { team: 'T2' }, CALLBACKS.digest);
    expect(result).toEqual({ status: 200, text: '' });
    expect(
      h.slack
        .callsTo('conversations.join')
        .slice(joins)
        .map((c) => c.args.channel),
    ).toEqual(['CBARE']);
    expect(await h.deps.digests.schedule('T2')).toMatchObject({ channelId: 'CBARE', channelName: 'CBARE' });
  });
});
