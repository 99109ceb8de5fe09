import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppHarness, settingsValues, slackAppHarness } from '../../support/slack-app-harness.js';

const lines: string[] = [];
let h: AppHarness;
beforeAll(async () => {
  h = await slackAppHarness({ env: { LOG_LEVEL: 'debug' }, logSink: (line) => lines.push(line) });
});
afterAll(() => h.close());

describe('logs at debug level', () => {
  it('carry no Slack token, Tellody password or session, whatever the app did', async () => {
    await h.submit(settingsValues({ username: 'ny', password: 'ny-pass' }), { team: 'T2' });
    await h.submit(settingsValues({ username: 'demo', password: 'wrong-pass-xyz' }), { team: 'T5' });
    const { id } = await h.command('last week', { team: 'T2' });
    await h.slack.waitForPosts(id);
    expect(lines.length).toBeGreaterThan(5);
    const all = lines.join('\n');
    expect(all).not.toMatch(/ny-pass|wrong-pass-xyz|xoxb-test-token|JSESSIONID=[A-Za-z0-9]/);
  });
});
