import { spawnSync } from 'node:child_process';
import { LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { redact } from '../../src/telemetry/redact.js';
import { boltLoggerAt as loggerAt } from '../support/log-lines.js';

describe('redact, for every kind of Slack token', () => {
  it.each([
    ['a bot token', 'xoxb-11-22-AbC', 'xoxb-[redacted]'],
    ['a user token', 'xoxp-11-22-AbC', 'xoxp-[redacted]'],
    ['a workspace app token', 'xoxa-2-AbC', 'xoxa-[redacted]'],
    ['an org token', 'xoxo-11-AbC', 'xoxo-[redacted]'],
    ['a session token', 'xoxs-11-AbC', 'xoxs-[redacted]'],
    ['a rotating token', 'xoxe.xoxp-1-AbC', 'xoxe.xoxp-[redacted]'],
    ['a refresh token', 'xoxe-1-AbC', 'xoxe-[redacted]'],
    ['a legacy refresh token', 'xoxr-1-AbC', 'xoxr-[redacted]'],
    ['an app-level token', 'xapp-1-A111-AbC', 'xapp-[redacted]'],
  ])('hides %s whole, keeping only its kind', (_, token, shown) => {
    expect(redact(`Authorization: Bearer ${token} sent`)).toBe(`Authorization: Bearer ${shown} sent`);
  });

  it('hides every token on a line, not only the first', () => {
    expect(redact('bot xoxb-1-a, user xoxp-2-b')).toBe('bot xoxb-[redacted], user xoxp-[redacted]');
  });

  it('leaves a word that merely contains the letters of a token prefix alone', () => {
    expect(redact('the boxoxb-shaped thing')).toBe('the boxoxb-shaped thing');
  });
});

describe('redact, for fields that hold secrets', () => {
  it.each([
    ['{"password":"s3cret"}', '{"password":"[redacted]"}'],
    ['{"Password" : "s3cret"}', '{"Password" : "[redacted]"}'],
    ['{"client_secret":"cs-1"}', '{"client_secret":"[redacted]"}'],
    ['{"access_token":"t-1"}', '{"access_token":"[redacted]"}'],
    ['{"refresh_token":"t-2","ok":true}', '{"refresh_token":"[redacted]","ok":true}'],
    ['{"token":"t-3"}', '{"token":"[redacted]"}'],
    ['{"password":"has \\"quotes\\" in it","user":"ann"}', '{"password":"[redacted]","user":"ann"}'],
    ['{"password":"a","x":1,"password":"b"}', '{"password":"[redacted]","x":1,"password":"[redacted]"}'],
  ])('scrubs %s', (line, scrubbed) => {
    expect(redact(line)).toBe(scrubbed);
  });

  it('leaves a field that only resembles a secret’s name alone', () => {
    const line = '{"username":"ann","tokens_left":3,"passwords":"2"}';
    expect(redact(line)).toBe(line);
  });
});

describe('redact, for the settings modal’s password', () => {
  const submitted = (password: string) => ({
    settings_tellody_password: {
      settings_tellody_password: { type: 'plain_text_input', value: password },
    },
    settings_tellody_username: { settings_tellody_username: { type: 'plain_text_input', value: 'ann' } },
  });

  it('hides the password in a payload printed once, keeping the rest of the payload readable', () => {
    const line = redact(JSON.stringify(submitted('hunter2 \\ "q"')));
    expect(line).not.toContain('hunter2');
    expect(line).toContain('"value":"[redacted]"');
    expect(line).toContain('"value":"ann"');
  });

  it('hides it in a payload printed inside another (its quotes escaped), keeping the username', () => {
    const line = redact(JSON.stringify({ body: JSON.stringify(submitted('hunter2 "q"')) }));
    expect(line).not.toContain('hunter2');
    expect(line).toContain('\\"value\\":\\"[redacted]\\"');
    expect(line).toContain('\\"value\\":\\"ann\\"');
  });

  it('hides it when the payload is pretty-printed', () => {
    const line = redact(JSON.stringify(submitted('hunter2'), null, 2));
    expect(line).not.toContain('hunter2');
    expect(line).toContain('"value": "[redacted]"');
  });

  it('hides the passwords of two submissions on one line', () => {
    const line = redact(`${JSON.stringify(submitted('first-pw'))} ${JSON.stringify(submitted('second-pw'))}`);
    expect(line).not.toMatch(/first-pw|second-pw/);
  });
});

describe('redact, for Tellody’s session', () => {
  it('hides the session cookie up to its attributes', () => {
    expect(redact('set-cookie: JSESSIONID=ABC123def; Path=/; HttpOnly')).toBe(
      'set-cookie: JSESSIONID=[redacted]; Path=/; HttpOnly',
    );
    expect(redact('{"cookie":"JSESSIONID=ABC123def"}')).toBe('{"cookie":"JSESSIONID=[redacted]"}');
    expect(redact('a=JSESSIONID=one b=JSESSIONID=two')).toBe('a=JSESSIONID=[redacted] b=JSESSIONID=[redacted]');
  });

  it.each([
    ['X-XSRF-TOKEN: abcdefgh-IJ_12', 'X-XSRF-TOKEN: [redacted]'],
    ['x-xsrf-token: abcdefgh-IJ_12', 'x-xsrf-token: [redacted]'],
    ['{"X-XSRF-TOKEN":"abcdefgh-IJ_12"}', '{"X-XSRF-TOKEN":"[redacted]"}'],
    ["{'X-XSRF-TOKEN': 'abcdefgh-IJ_12'}", "{'X-XSRF-TOKEN': '[redacted]'}"],
    ['X-XSRF-TOKEN: aaaaaaaa and X-XSRF-TOKEN: bbbbbbbb', 'X-XSRF-TOKEN: [redacted] and X-XSRF-TOKEN: [redacted]'],
  ])('hides the XSRF token in %s', (line, scrubbed) => {
    expect(redact(line)).toBe(scrubbed);
  });

  it('leaves a header too short to be a token as it is', () => {
    expect(redact('X-XSRF-TOKEN: none')).toBe('X-XSRF-TOKEN: none');
  });
});

describe('the app’s logger, as Bolt and the Slack clients meet it', () => {
  it('writes each level with its own upper-case tag, at the lowest level', () => {
    const { logger, lines } = loggerAt(LogLevel.DEBUG);
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(lines).toEqual(['[DEBUG] contacts d', '[INFO] contacts i', '[WARN] contacts w', '[ERROR] contacts e']);
  });

  it('at error level writes only errors', () => {
    const { logger, lines } = loggerAt(LogLevel.ERROR);
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(lines).toEqual(['[ERROR] contacts e']);
  });

  it('at warn level writes warnings and errors', () => {
    const { logger, lines } = loggerAt(LogLevel.WARN);
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(lines).toEqual(['[WARN] contacts w', '[ERROR] contacts e']);
  });

  it('joins its arguments with spaces: an error by its name and message, anything else as JSON, redacted', () => {
    const { logger, lines } = loggerAt(LogLevel.INFO);
    logger.error('posting failed:', new TypeError('bad token xoxb-9-zz'), { status: 429, token: 'xoxp-1-a' }, 3);
    expect(lines).toEqual([
      '[ERROR] contacts posting failed: TypeError: bad token xoxb-[redacted] {"status":429,"token":"[redacted]"} 3',
    ]);
  });

  it('writes to standard output, one JSON object a line, when given nowhere else to write', () => {
    const logger = new URL('../../src/telemetry/logger.ts', import.meta.url).href;
    const script = `import { createLogger } from '${logger}'; createLogger().warn({ reason: 'xapp-1-A-s' }, 'token xoxb-1-secret');`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      level: 'warn',
      msg: 'token xoxb-[redacted]',
      reason: 'xapp-[redacted]',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
  });
});
