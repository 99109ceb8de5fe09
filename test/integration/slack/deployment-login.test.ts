import { afterEach, describe, expect, it } from 'vitest';
import { type Json, sandboxTotals, totalsShown } from '../../support/report-reading.js';
import { type AppHarness, slackAppHarness } from '../../support/slack-app-harness.js';

/*
 * A single deployment may give every workspace one Tellody login (TELLODY_USERNAME/PASSWORD);
 * a workspace's own login, when it has one, comes first. Sessions are shared only by identical
 * logins: a password that is wrong never rides on a session someone else opened.
 */

let h: AppHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function reportFor(harness: AppHarness, team: string) {
  const sent = await harness.command('last week', { team });
  return (await harness.slack.waitForPosts(sent.id)).at(-1)?.body as { text: string; blocks: Json[] };
}

describe('the deployment’s Tellody login', () => {
  it('answers a workspace that saved no login of its own with the deployment’s account', async () => {
    h = await slackAppHarness({ env: { TELLODY_USERNAME: 'demo', TELLODY_PASSWORD: 'demo' } });
    const message = await reportFor(h, 'TNOLOGIN');
    const expected = await sandboxTotals(h.sandbox.baseUrl, 'last week', {
      zone: 'Europe/Athens',
      weekStart: 1,
      now: h.clock.now(),
    });
    expect(totalsShown(message)).toEqual(expected.totals);
  });

  it('gives way to a workspace’s own login', async () => {
    h = await slackAppHarness({ env: { TELLODY_USERNAME: 'demo', TELLODY_PASSWORD: 'demo' } });
    await h.deps.credentials.set('TOWN', { username: 'ny', password: 'ny-pass' }, h.clock.now());
    await h.deps.settings.set('TOWN', { weekStart: 0, zone: 'America/New_York', updatedAt: 1 });
    const message = await reportFor(h, 'TOWN');
    const expected = await sandboxTotals(
      h.sandbox.baseUrl,
      'last week',
      { zone: 'America/New_York', weekStart: 0, now: h.clock.now() },
      { username: 'ny', password: 'ny-pass' },
    );
    expect(totalsShown(message)).toEqual(expected.totals);
  });

  it('refuses a wrong deployment password even while a workspace with the right one has a session open', async () => {
    h = await slackAppHarness({ env: { TELLODY_USERNAME: 'demo', TELLODY_PASSWORD: 'not-the-password' } });
    await h.deps.credentials.set('TRIGHT', { username: 'demo', password: 'demo' }, h.clock.now());
    expect((await reportFor(h, 'TRIGHT')).text).toMatch(/^[\d,]+ new contacts/);
    const wrong = await reportFor(h, 'TWRONG');
    expect(wrong.text).toMatch(/Tellody refused this workspace’s login/);
    expect(JSON.stringify(wrong.blocks)).not.toMatch(/new contacts/i);
  });
});
