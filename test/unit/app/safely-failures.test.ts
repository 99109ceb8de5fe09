import { type Context, LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { logFailure, safely, type Tell, workspaceOf } from '../../../src/slack/safely.js';
import { boltLoggerAt } from '../../support/log-lines.js';

/** The app's own logger, at warn level, and the lines it wrote. */
function operatorLog() {
  return boltLoggerAt(LogLevel.WARN);
}

/** A respond() that keeps what it was asked to say (and fails when told to). */
function replies(fails?: Error) {
  const said: Parameters<Tell>[0][] = [];
  const tell: Tell = async (message) => {
    said.push(message);
    if (fails) throw fails;
  };
  return { tell, said };
}

describe('safely, when a listener’s work fails after the ack', () => {
  it('tells the person privately, adding to the conversation, that nothing changed, and logs what failed', async () => {
    const { logger, lines } = operatorLog();
    const { tell, said } = replies();
    await safely(logger, 'the report for T1', tell, async () => {
      throw new RangeError('bucket out of range');
    });
    expect(lines).toEqual(['[ERROR] contacts the report for T1 failed: RangeError: bucket out of range']);
    expect(said).toHaveLength(1);
    expect(said[0]?.response_type).toBe('ephemeral');
    expect(said[0]?.replace_original).toBe(false);
    expect(said[0]?.text).toContain('Something went wrong on our side');
    expect(said[0]?.text).toContain('Nothing was changed');
  });

  it('logs a thrown non-error by its text', async () => {
    const { logger, lines } = operatorLog();
    await safely(logger, 'saving settings', undefined, () => Promise.reject('store went away'));
    expect(lines).toEqual(['[ERROR] contacts saving settings failed: store went away']);
  });

  it('says nothing and logs nothing when the work succeeds', async () => {
    const { logger, lines } = operatorLog();
    const { tell, said } = replies();
    let done = false;
    await safely(logger, 'the report', tell, async () => {
      done = true;
    });
    expect(done).toBe(true);
    expect(lines).toEqual([]);
    expect(said).toEqual([]);
  });

  it('logs both failures, and throws nothing, when telling the person fails too', async () => {
    const { logger, lines } = operatorLog();
    const { tell } = replies(new Error('response_url expired'));
    await expect(
      safely(logger, 'the report', tell, async () => {
        throw new Error('Tellody answered nonsense');
      }),
    ).resolves.toBeUndefined();
    expect(lines).toEqual([
      '[ERROR] contacts the report failed: Error: Tellody answered nonsense',
      '[ERROR] contacts the report (telling the user) failed: Error: response_url expired',
    ]);
  });

  it('logFailure writes one error line naming what failed', () => {
    const { logger, lines } = operatorLog();
    logFailure(logger, 'digest scheduler', new TypeError('x is not a function'));
    expect(lines).toEqual(['[ERROR] contacts digest scheduler failed: TypeError: x is not a function']);
  });
});

describe('workspaceOf', () => {
  const context = (fields: Partial<Context>) => fields as Context;

  it('is the team for an ordinary install, even inside an enterprise', () => {
    expect(workspaceOf(context({ teamId: 'T1', enterpriseId: 'E1', isEnterpriseInstall: false }))).toBe('T1');
    expect(workspaceOf(context({ teamId: 'T2' }))).toBe('T2');
  });

  it('is the enterprise for an org-wide install', () => {
    expect(workspaceOf(context({ teamId: 'T1', enterpriseId: 'E1', isEnterpriseInstall: true }))).toBe('E1');
  });
});
