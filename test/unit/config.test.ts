import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, sharedLoginServes } from '../../src/config.js';

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

  it('takes the metrics token only when it is long enough to guess at no better than chance', () => {
    expect(loadConfig(minimal).METRICS_TOKEN).toBeUndefined();
    expect(loadConfig({ ...minimal, METRICS_TOKEN: 'a'.repeat(16) }).METRICS_TOKEN).toBe('a'.repeat(16));
    for (const bad of ['short', 'sixteen chars ok']) {
      expect(problems({ ...minimal, METRICS_TOKEN: bad })).toEqual([expect.stringMatching(/^METRICS_TOKEN must be/)]);
    }
  });

  it('writes JSON logs unless asked for lines for people', () => {
    expect(loadConfig(minimal).LOG_FORMAT).toBe('json');
    expect(loadConfig({ ...minimal, LOG_FORMAT: 'pretty' }).LOG_FORMAT).toBe('pretty');
    expect(problems({ ...minimal, LOG_FORMAT: 'xml' })).toEqual(['LOG_FORMAT must be json or pretty']);
  });
});

describe('where state is kept', () => {
  it('uses STORE_URL, else REDIS_URL (what Heroku and most hosts set), else a SQLite file', () => {
    const redis = 'rediss://:p@redis.example.com:6380';
    expect(loadConfig({ ...minimal, REDIS_URL: redis }).STORE_URL).toBe(redis);
    expect(loadConfig({ ...minimal, REDIS_URL: redis, STORE_URL: 'redis://other:6379' }).STORE_URL).toBe(
      'redis://other:6379',
    );
    expect(loadConfig(minimal).STORE_URL).toBe('sqlite://./data/contacts.sqlite');
    expect(problems({ ...minimal, REDIS_URL: 'http://x' })).toEqual(['REDIS_URL must be redis://… or rediss://…']);
  });

  it('refuses to keep state on a Heroku dyno’s disk, which every restart wipes, unless told to', () => {
    expect(problems({ ...minimal, DYNO: 'web.1' })).toEqual([
      expect.stringMatching(
        /^this is a Heroku dyno, whose disk is wiped at every restart.*REDIS_URL.*STORE_URL=sqlite/,
      ),
    ]);
    expect(loadConfig({ ...minimal, DYNO: 'web.1', REDIS_URL: 'redis://h:6379' }).STORE_URL).toBe('redis://h:6379');
    const accepted = 'sqlite:///tmp/contacts.sqlite';
    expect(loadConfig({ ...minimal, DYNO: 'web.1', STORE_URL: accepted }).STORE_URL).toBe(accepted);
  });

  it('leaves TLS certificates unverified only for the rediss:// URL Heroku itself sets on a dyno', () => {
    const heroku = 'rediss://:p@ec2.compute.amazonaws.com:6380';
    const lenient = (env: Record<string, string>) => loadConfig({ ...minimal, ...env }).storeTlsUnverified;
    expect(lenient({ DYNO: 'web.1', REDIS_URL: heroku })).toBe(true);
    expect(lenient({ REDIS_URL: heroku })).toBe(false);
    expect(lenient({ DYNO: 'web.1', REDIS_URL: 'redis://h:6379' })).toBe(false);
    expect(lenient({ DYNO: 'web.1', STORE_URL: heroku })).toBe(false);
    expect(lenient({ DYNO: 'web.1', REDIS_URL: heroku, STORE_URL: heroku })).toBe(false);
  });
});

describe('the deployment’s Tellody login', () => {
  const oauth = { SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 's', SLACK_STATE_SECRET: 'st' };
  const shared = { TELLODY_USERNAME: 'acme', TELLODY_PASSWORD: 'pw' };

  it('serves the one workspace of a bot-token deployment, whatever the list says', () => {
    const config = loadConfig({ ...minimal, ...shared });
    expect(sharedLoginServes(config, 'T1')).toBe(true);
    const listed = loadConfig({ ...minimal, ...shared, TELLODY_SHARED_LOGIN_WORKSPACES: 'T2' });
    expect(sharedLoginServes(listed, 'T1')).toBe(true);
  });

  it('in OAuth mode, refuses to start without a list, naming the risk and the variable', () => {
    const found = problems({ ...minimal, SLACK_BOT_TOKEN: '', ...oauth, ...shared });
    expect(found).toEqual([
      expect.stringMatching(/would show that Tellody account to every workspace.*TELLODY_SHARED_LOGIN_WORKSPACES/),
    ]);
    expect(found[0]).not.toContain('pw');
  });

  it('in OAuth mode, serves exactly the team and enterprise ids listed', () => {
    const config = loadConfig({
      ...minimal,
      SLACK_BOT_TOKEN: '',
      ...oauth,
      ...shared,
      TELLODY_SHARED_LOGIN_WORKSPACES: ' T0123ABC , E0456DEF',
    });
    expect(config.TELLODY_SHARED_LOGIN_WORKSPACES).toEqual(['T0123ABC', 'E0456DEF']);
    expect(['T0123ABC', 'E0456DEF', 'T0123AB', 'T9', 't0123abc'].map((id) => sharedLoginServes(config, id))).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('serves nobody when the deployment has no login, and takes only Slack ids in the list', () => {
    expect(sharedLoginServes(loadConfig(minimal), 'T1')).toBe(false);
    for (const bad of ['T1,', 'acme', 'U123', 'T1;T2']) {
      expect(problems({ ...minimal, TELLODY_SHARED_LOGIN_WORKSPACES: bad })).toEqual([
        'TELLODY_SHARED_LOGIN_WORKSPACES must be Slack team or enterprise ids (T…, E…), separated by commas',
      ]);
    }
  });
});
