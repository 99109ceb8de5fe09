import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppHarness, slackAppHarness } from '../../support/slack-app-harness.js';

let h: AppHarness;
beforeAll(async () => {
  h = await slackAppHarness({ env: { TELLODY_USERNAME: 'demo', TELLODY_PASSWORD: 'demo' } });
});
afterAll(() => h.close());

/** Answers one `/contacts` and returns what the Tellody sandbox served meanwhile, in order. */
async function tellodyCallsFor(text: string, team: string): Promise<string[]> {
  const before = h.sandbox.log.length;
  const { id } = await h.command(text, { team });
  const [post] = await h.slack.waitForPosts(id);
  expect(JSON.stringify(post?.body)).toContain('New contacts');
  return h.sandbox.log.slice(before);
}

describe('one Tellody session serves every command', () => {
  it('logs in for the first command only: later ones, from other workspaces on the same login, ask only for charts', async () => {
    const first = await tellodyCallsFor('last week', 'TSESSION0');
    expect(first.filter((line) => /login|ping/.test(line)).length).toBeGreaterThan(0);
    const later: string[] = [];
    for (const [i, phrase] of ['last week', 'this month', 'Q3 2025', 'yesterday'].entries()) {
      later.push(...(await tellodyCallsFor(phrase, `TSESSION${i + 1}`)));
    }
    expect(later.length).toBeGreaterThan(0);
    expect(new Set(later)).toEqual(new Set(['POST /CampaignCloud/Report/ContactChart 200']));
  });

  it('asks Tellody nothing at all for a settled report asked again', async () => {
    await tellodyCallsFor('2 weeks ago', 'TSESSION9');
    expect(await tellodyCallsFor('2 weeks ago', 'TSESSION9')).toEqual([]);
  });
});
