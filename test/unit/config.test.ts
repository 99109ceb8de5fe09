import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const KEY = 'ab'.repeat(32);
const minimal = { SLACK_SIGNING_SECRET: 'secret', SLACK_BOT_TOKEN: 'xoxb-1', ENCRYPTION_KEY: KEY };

function problems(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('fills in the documented defaults', () => {
    expect(loadConfig(minimal)).toMatchObject({
      TELLODY_BASE_URL: 'https://app.tellody.com/CampaignCloud/',
      DEFAULT_TIMEZONE: 'Europe/Athens',
      DEFAULT_WEEK_START: 1,
      STORE_URL: 'sqlite://./data/contacts.sqlite',
      QUICKCHART_HOST: 'https://quickchart.io',
      PORT: 3000,
      LOG_LEVEL: 'info',
      DIGEST_CONCURRENCY: 16,
    });
  });

  it('takes the digest’s concurrency as a whole number from 1 to 500', () => {
    expect(loadConfig({ ...minimal, DIGEST_CONCURRENCY: '8' }).DIGEST_CONCURRENCY).toBe(8);
    for (const bad of ['0', '501', '2.5', 'many', '-3']) {
      expect(problems({ DIGEST_CONCURRENCY: bad }).join('\n')).toMatch(/DIGEST_CONCURRENCY must be a whole number/);
    }
  });

  it('takes the previous encryption key (or several) for a rotation, and refuses the current one there', () => {
    const old = 'cd'.repeat(32);
    expect(loadConfig(minimal).ENCRYPTION_KEY_PREVIOUS).toEqual([]);
    expect(loadConfig({ ...minimal, ENCRYPTION_KEY_PREVIOUS: old }).ENCRYPTION_KEY_PREVIOUS).toEqual([old]);
    const two = `${old.toUpperCase()}, ${'ef'.repeat(32)}`;
    expect(loadConfig({ ...minimal, ENCRYPTION_KEY_PREVIOUS: two }).ENCRYPTION_KEY_PREVIOUS).toEqual([
      old,
      'ef'.repeat(32),
    ]);
    expect(problems({ ...minimal, ENCRYPTION_KEY_PREVIOUS: 'short' })).toEqual([
      'ENCRYPTION_KEY_PREVIOUS must be 64 hex characters (or several, separated by commas)',
    ]);
    expect(problems({ ...minimal, ENCRYPTION_KEY_PREVIOUS: KEY.toUpperCase() })).toEqual([
      'ENCRYPTION_KEY_PREVIOUS must be the old key, not the same as ENCRYPTION_KEY',
    ]);
  });

  it('names every problem at once', () => {
    const found = problems({
      SLACK_BOT_TOKEN: 'not-a-bot-token',
      ENCRYPTION_KEY: 'short',
      DEFAULT_TIMEZONE: 'Mars/Olympus',
      DEFAULT_WEEK_START: 'someday',
      STORE_URL: 'mysql://x',
      PORT: '99999',
      SLACK_CLIENT_ID: 'only-the-id',
      TELLODY_USERNAME: 'alone',
    });
    expect(found.join('\n')).toMatch(/SLACK_BOT_TOKEN must start with xoxb-/);
    expect(found.join('\n')).toMatch(/ENCRYPTION_KEY must be 64 hex/);
    expect(found.join('\n')).toMatch(/DEFAULT_TIMEZONE/);
    expect(found.join('\n')).toMatch(/DEFAULT_WEEK_START/);
    expect(found.join('\n')).toMatch(/STORE_URL/);
    expect(found.join('\n')).toMatch(/PORT/);
    expect(found.length).toBeGreaterThanOrEqual(6);
  });

  it('asks for what each mode needs', () => {
    expect(problems({ ENCRYPTION_KEY: KEY })).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/SLACK_BOT_TOKEN.*or SLACK_CLIENT_ID/),
        expect.stringMatching(/SLACK_SIGNING_SECRET/),
      ]),
    );
    expect(problems({ ...minimal, SLACK_CLIENT_ID: 'id' })).toEqual([expect.stringMatching(/go together/)]);
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', ENCRYPTION_KEY: KEY })).toEqual([]);
    expect(problems({ ...minimal, ENCRYPTION_KEY: '' })).toEqual([expect.stringMatching(/openssl rand -hex 32/)]);
  });

  it('never echoes a secret in its message', () => {
    const message = (() => {
      try {
        loadConfig({ SLACK_BOT_TOKEN: 'xoxp-very-secret-token', ENCRYPTION_KEY: 'zz-secret-zz' });
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    expect(message).not.toContain('very-secret');
    expect(message).not.toContain('zz-secret-zz');
  });
});
