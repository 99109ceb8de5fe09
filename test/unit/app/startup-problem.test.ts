import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config.js';
import { startupProblem } from '../../../src/startup-problem.js';
import { StoreUnavailableError } from '../../../src/store/open-store.js';

const errno = (code: string, extra: Record<string, string> = {}) =>
  Object.assign(new Error(`${code}: something`), { code, ...extra });

describe('why the app could not start, in one line', () => {
  it.each([
    [
      'a store it cannot reach',
      new StoreUnavailableError(
        'redis://:***@db:6379',
        'nothing is listening there (connection refused); is Redis running?',
      ),
      'Contacts for Slack cannot start: the store at redis://:***@db:6379 cannot be used: nothing is listening there (connection refused); is Redis running? Check STORE_URL.',
    ],
    [
      'a store reason without a full stop',
      new StoreUnavailableError('sqlite:///x.sqlite', 'the SQLite file cannot be opened or created there'),
      'Contacts for Slack cannot start: the store at sqlite:///x.sqlite cannot be used: the SQLite file cannot be opened or created there. Check STORE_URL.',
    ],
    [
      'a port in use',
      errno('EADDRINUSE', { syscall: 'listen' }),
      'Contacts for Slack cannot start: port 3000 is already in use. Stop what is using it, or set PORT to a free port.',
    ],
    [
      'a privileged port',
      errno('EACCES', { syscall: 'listen' }),
      'Contacts for Slack cannot start: port 3000 needs privileges this process does not have. Set PORT to 1024 or above.',
    ],
    [
      'a token Slack refuses',
      Object.assign(new Error('An API error occurred: invalid_auth'), { data: { ok: false, error: 'invalid_auth' } }),
      "Contacts for Slack cannot start: Slack refused the app's token (invalid_auth). Check SLACK_BOT_TOKEN and, in Socket Mode, SLACK_APP_TOKEN.",
    ],
    [
      'anything else, first line only, secrets scrubbed',
      new TypeError('boom with xoxb-1234-secret\n    at somewhere (file.js:1:1)'),
      'Contacts for Slack cannot start: TypeError: boom with xoxb-[redacted]',
    ],
  ])('%s', (_what, error, line) => {
    expect(startupProblem(error, 3000)).toBe(line);
  });

  it('keeps a configuration error’s whole list, and points at .env.example', () => {
    const text = startupProblem(new ConfigError(['ENCRYPTION_KEY is required', 'PORT must be 1–65535']), 3000);
    expect(text).toBe(
      'The app cannot start:\n  - ENCRYPTION_KEY is required\n  - PORT must be 1–65535\nSee .env.example for every variable.',
    );
  });
});
