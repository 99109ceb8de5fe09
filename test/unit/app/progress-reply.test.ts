import type { RespondArguments } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { RESPONSE_URL_REPLIES } from '../../../src/slack/deadlines.js';
import { afterDeadlines, ProgressReply, REPLY_PLACES } from '../../../src/slack/progress-reply.js';
import { recordingLogger } from '../../support/quiet-logger.js';

const later = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));
const DEADLINES = { submissionMs: 0, fetchingNoticeMs: 20, answerMs: 60, loginCheckMs: 0 };

function recording() {
  const sent: RespondArguments[] = [];
  return { sent, respond: async (args: RespondArguments) => void sent.push(args) };
}

describe('replies at one response_url', () => {
  it(`never sends more than ${RESPONSE_URL_REPLIES}, and says so in the log`, async () => {
    const { sent, respond } = recording();
    const logger = recordingLogger();
    const reply = new ProgressReply(respond, REPLY_PLACES.command, DEADLINES, logger);
    for (let i = 0; i < RESPONSE_URL_REPLIES + 2; i++) await reply.send({ text: `m${i}`, blocks: [] });
    expect(sent).toHaveLength(RESPONSE_URL_REPLIES);
    expect(logger.lines.filter((line) => line.includes('dropped'))).toHaveLength(2);
  });

  it.each([
    ['a command', REPLY_PLACES.command, [false, true, true]],
    ['a click on the person’s own report', REPLY_PLACES.ownReport, [true, true, true]],
    ['a click beside (a channel message, a share)', REPLY_PLACES.beside, [false, false, false]],
  ] as const)('replace what may be replaced, for %s', async (_what, place, expected) => {
    const { sent, respond } = recording();
    const reply = new ProgressReply(respond, place, DEADLINES, recordingLogger());
    for (const text of ['a', 'b', 'c']) await reply.send({ text, blocks: [] });
    expect(sent.map((s) => s.replace_original)).toEqual(expected);
  });
});

describe('notes while waiting', () => {
  it('are none for quick work', async () => {
    const shown: string[] = [];
    const result = await afterDeadlines(later(1, 'done'), DEADLINES, recordingLogger(), {
      fetching: async () => void shown.push('fetching'),
      slow: async () => void shown.push('slow'),
    });
    expect(result).toEqual({ value: 'done', late: false });
    expect(shown).toEqual([]);
  });

  it('come in order for slow work, each delivered before the result is given back', async () => {
    const shown: string[] = [];
    const result = await afterDeadlines(later(100, 'done'), DEADLINES, recordingLogger(), {
      fetching: async () => void shown.push('fetching'),
      slow: async () => {
        await later(80, null); // still being delivered when the work ends
        shown.push('slow');
      },
    });
    expect(shown).toEqual(['fetching', 'slow']);
    expect(result).toEqual({ value: 'done', late: true });
  });

  it('pass a failure of the work through, and a failing note never hides the work', async () => {
    const logger = recordingLogger();
    const failing = afterDeadlines(
      later(40, null).then(() => Promise.reject(new Error('nope'))),
      DEADLINES,
      logger,
      {
        slow: async () => {},
      },
    );
    await expect(failing).rejects.toThrow('nope');
    const noted = await afterDeadlines(later(40, 'ok'), DEADLINES, logger, {
      fetching: () => Promise.reject(new Error('Slack said no')),
      slow: async () => {},
    });
    expect(noted.value).toBe('ok');
    expect(logger.lines.join('\n')).toContain('Slack said no');
  });
});
