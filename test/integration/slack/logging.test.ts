import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppHarness,
  ENCRYPTION_KEY,
  SIGNING_SECRET,
  settingsValues,
  slackAppHarness,
} from '../../support/slack-app-harness.js';

/** A secret with nothing in it a redactor could guess from: no "pass", no known prefix, no word at all. */
const arbitrary = () => randomBytes(12).toString('base64url');
const PASSWORD = arbitrary();
const WRONG_PASSWORD = arbitrary();
const USERNAME = `u${arbitrary().toLowerCase()}`;

const lines: string[] = [];
let h: AppHarness;
beforeAll(async () => {
  h = await slackAppHarness({
    env: { LOG_LEVEL: 'debug' },
    logSink: (line) => lines.push(line),
    accounts: [{ username: USERNAME, password: PASSWORD, zone: 'Europe/Athens', seed: 3 }],
  });
});
afterAll(() => h.close());

describe('logs at debug level', () => {
  it('carry no Slack token, Tellody password, session or key, whatever the password looks like', async () => {
    const saved = await h.submit(settingsValues({ username: USERNAME, password: PASSWORD }), { team: 'T2' });
    expect(saved.text).toBe(''); // the login was checked and kept, so it went through every layer
    const refused = await h.submit(settingsValues({ username: USERNAME, password: WRONG_PASSWORD }), { team: 'T5' });
    expect(JSON.parse(refused.text).response_action).toBe('errors');
    const { id } = await h.command('last week', { team: 'T2' });
    const [answer] = await h.slack.waitForPosts(id);
    expect(String(answer?.body.text)).toMatch(/^[\d,]+ new contacts/);
    expect(lines.length).toBeGreaterThan(5);
    const all = lines.join('\n');
    for (const secret of [PASSWORD, WRONG_PASSWORD, 'xoxb-test-token', SIGNING_SECRET, ENCRYPTION_KEY]) {
      expect(all.includes(secret), `a log line holds ${secret.slice(0, 4)}…`).toBe(false);
    }
    expect(all).not.toMatch(/JSESSIONID=[A-Za-z0-9]/);
  });
});
