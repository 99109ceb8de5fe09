import { LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { redact } from '../../src/telemetry/redact.js';
import { boltLoggerAt } from '../support/log-lines.js';

describe('redact', () => {
  it('scrubs the settings password out of a Socket Mode payload as @slack/socket-mode logs it', () => {
    const payload = JSON.stringify({
      envelope_id: 'e1',
      payload: {
        type: 'view_submission',
        view: {
          state: {
            values: {
              settings_tellody_password: {
                settings_tellody_password: { type: 'plain_text_input', value: 'hunter2 "quoted"' },
              },
            },
          },
        },
      },
    });
    const line = redact(`Received a message on the WebSocket: ${payload}`);
    expect(line).not.toContain('hunter2');
    expect(line).toContain('"value":"[redacted]"');
    const nested = redact(JSON.stringify({ body: payload }));
    expect(nested).not.toContain('hunter2');
  });

  it.each([
    ['xoxb-1234-5678-abcdef', 'xoxb-'],
    ['xapp-1-A111-222-abc', 'xapp-'],
    ['{"password":"s3cret"}', '"password":"[redacted]"'],
    ['{"client_secret":"cs"}', '"client_secret":"[redacted]"'],
    ['Cookie: JSESSIONID=abc123def; Path=/', 'JSESSIONID=[redacted]'],
    ['X-XSRF-TOKEN: abcdefghijkl', 'X-XSRF-TOKEN: [redacted]'],
  ])('scrubs %s', (text, kept) => {
    const line = redact(text);
    expect(line).toContain(kept);
    expect(line).not.toMatch(/1234-5678|A111|s3cret|"cs"|abc123def|abcdefghijkl/);
  });

  it('leaves ordinary lines alone and honours the level', () => {
    const { logger, lines } = boltLoggerAt(LogLevel.INFO);
    logger.debug('hidden');
    logger.info('report for T1 took 12 ms');
    expect(lines).toEqual(['[INFO] contacts report for T1 took 12 ms']);
  });
});
