import { afterEach, describe, expect, it } from 'vitest';
import { SecretBox } from '../../../src/store/secret-box.js';
import { TellodyCredentialsRepository } from '../../../src/store/tellody-credentials.js';
import { type AppHarness, slackAppHarness } from '../../support/slack-app-harness.js';

const OLD_KEY = '0a'.repeat(32);
const NEW_KEY = '0b'.repeat(32);
const STACK_TRACE = /^\s+at \S|node:internal/m;

let h: AppHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** An app on NEW_KEY whose workspace T1 saved its Tellody login while the app ran on OLD_KEY. */
async function appAfterKeyChange(env: Record<string, string>, logs: string[] = []) {
  const app = await slackAppHarness({ env: { ENCRYPTION_KEY: NEW_KEY, ...env }, logSink: (line) => logs.push(line) });
  await new TellodyCredentialsRepository(app.deps.store, new SecretBox(OLD_KEY)).set(
    'T1',
    { username: 'demo', password: 'demo' },
    1,
  );
  return app;
}

const stored = async (app: AppHarness) => (await app.deps.store.keyv.get('ws:T1:tellody')) as { password: string };

describe('rotating ENCRYPTION_KEY', () => {
  it('reads a login sealed under the old key when it is given as ENCRYPTION_KEY_PREVIOUS, and seals it again under the new one', async () => {
    h = await appAfterKeyChange({ ENCRYPTION_KEY_PREVIOUS: OLD_KEY });
    const before = (await stored(h)).password;
    const [post] = await h.slack.waitForPosts((await h.command('last week')).id);
    expect(String(post?.body.text)).toMatch(/^[\d,]+ new contacts/);
    const after = (await stored(h)).password;
    expect(after).not.toBe(before);
    expect(new SecretBox(NEW_KEY).open(after, 'T1')).toBe('demo');
  });

  it('says the login must be entered again when no key opens it — never a crash, never the deployment’s login', async () => {
    const logs: string[] = [];
    h = await appAfterKeyChange({ TELLODY_USERNAME: 'ny', TELLODY_PASSWORD: 'ny-pass' }, logs);
    const [post] = await h.slack.waitForPosts((await h.command('last week')).id);
    expect(String(post?.body.text)).toContain('saved Tellody login can no longer be read');
    expect(String(post?.body.text)).toContain('enter it again');
    // The deployment's fallback account (ny) was not asked for anything in T1's name.
    expect(h.sandbox.calls.get('/CampaignCloud/Report/ContactChart') ?? 0).toBe(0);
    expect(logs.join('\n')).not.toMatch(STACK_TRACE);
  });

  it('tells admins on the Home tab, offers to connect again, and keeps the username in the settings form', async () => {
    h = await appAfterKeyChange({});
    await h.event({ type: 'app_home_opened', user: 'UADMIN', channel: 'D1', tab: 'home' });
    const [publish] = await h.slack.waitForCalls('views.publish');
    const home = JSON.stringify(publish?.args.view);
    expect(home).toContain('saved Tellody login can no longer be read');
    expect(home).toContain('contacts_connect_tellody');
    await h.click(
      { type: 'button', action_id: 'contacts_connect_tellody' },
      { user: 'UADMIN', container: { type: 'view', view_id: 'V1' } },
    );
    const [update] = await h.slack.waitForCalls('views.update');
    const username = JSON.stringify(update?.args.view).match(/"initial_value":"([^"]*)"/g) ?? [];
    expect(username).toContain('"initial_value":"demo"');
  });
});
