import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aDigestSchedule } from '../../support/digest-schedule.js';
import { type AppHarness, slackAppHarness } from '../../support/slack-app-harness.js';

let h: AppHarness;
beforeAll(async () => {
  h = await slackAppHarness();
});
afterAll(() => h.close());

/** Slack's markup for a ping or a link: `<@U…>`, `<#C…>`, `<!here>`, `<https://…|…>`. */
const MARKUP = /<[@#!]|<https?:/;

/** Every place Slack reads mrkdwn or notifies from: the `text`, and every string in the blocks. */
function readText(value: unknown): string {
  return JSON.stringify(value);
}

const HOSTILE = [
  '<@U123>',
  '<@U123|pat>',
  '<#C0123|general>',
  '<!here>',
  '<!channel> last week',
  '<!subteam^S123>',
  '＜@U123＞',
  '＜!everyone＞',
  '<https://evil.example|click me>',
  'last week <@U999>',
];

describe('text a person typed, echoed back', () => {
  it.each(HOSTILE)('“%s” comes back escaped, so it pings and links nobody', async (phrase) => {
    const { id } = await h.command(phrase);
    const [post] = await h.slack.waitForPosts(id);
    const body = post?.body as { text: string; blocks: unknown[] };
    expect(body.text).not.toMatch(MARKUP);
    expect(readText(body.blocks)).not.toMatch(MARKUP);
  });
});

describe('text from Tellody and Slack, shown on the Home tab', () => {
  it('is escaped too: a refused login’s detail cannot ping the channel', async () => {
    await h.deps.settings.set('T7', { weekStart: 1, zone: 'Europe/Athens', updatedAt: 1, installerUserId: 'UADMIN' });
    await h.deps.digests.setSchedule('T7', aDigestSchedule('C7', { teamId: 'T7' }));
    await h.deps.digests.setWeek('T7', {
      week: '2026-11-16',
      occurrence: 1,
      state: 'stopped',
      attempts: 1,
      updatedAt: 1,
      problem: { kind: 'tellody-credentials', detail: 'Bad credentials <!channel> <@U123>' },
    });
    const before = h.slack.callsTo('views.publish').length;
    await h.event({ type: 'app_home_opened', user: 'UADMIN', channel: 'D7', tab: 'home' }, 'T7');
    const [publish] = (await h.slack.waitForCalls('views.publish', before + 1)).slice(-1);
    const home = readText(publish?.args.view);
    expect(home).toContain('Bad credentials &lt;!channel&gt;');
    expect(home.replace(/<#C7>/g, '')).not.toMatch(MARKUP);
  });
});
