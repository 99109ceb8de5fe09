import { LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { boltLoggerAt as loggerAt } from '../../support/log-lines.js';

describe('the app’s logger, as Bolt and the Slack clients may reconfigure it', () => {
  it('writes debug lines once its level is lowered to debug, and drops info once raised to warn', () => {
    const { logger, lines } = loggerAt(LogLevel.INFO);
    logger.debug('hidden');
    logger.setLevel(LogLevel.DEBUG);
    logger.debug('shown');
    logger.setLevel(LogLevel.WARN);
    logger.info('hidden again');
    logger.warn('a warning');
    expect(lines).toEqual(['[DEBUG] contacts shown', '[WARN] contacts a warning']);
    expect(logger.getLevel()).toBe(LogLevel.WARN);
  });

  it('names its lines by the name it was given, still redacting them', () => {
    const { logger, lines } = loggerAt(LogLevel.INFO);
    logger.setName('web-api:WebClient');
    logger.info('token xoxb-123-secret');
    expect(lines).toEqual(['[INFO] web-api:WebClient token xoxb-[redacted]']);
  });
});
