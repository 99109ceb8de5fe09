import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboundHttp } from '../../../src/http/outbound.js';
import { surelyNotDelivered } from '../../../src/jobs/delivery.js';
import { SLACK_RETRIES, SlackClientPool } from '../../../src/slack/slack-client-pool.js';
import { freePort } from '../../support/free-port.js';
import { recordingLogger } from '../../support/quiet-logger.js';
import { startSlackStandIn } from '../../support/slack-standin.js';

/**
 * The scheduled jobs' Web API clients (SlackClientPool) retry a call only when it surely never
 * reached Slack: chat.postMessage has no idempotency key, so a post repeated after Slack took it
 * is a second message in the channel.
 */
let slack: Awaited<ReturnType<typeof startSlackStandIn>>;
const http = outboundHttp();
beforeAll(async () => {
  slack = await startSlackStandIn();
});
afterAll(async () => {
  await slack.close();
  await http.close();
});

const pool = (slackApiUrl: string, logger = recordingLogger(), timeoutMs = 5000) =>
  new SlackClientPool({ slackApiUrl, retry: SLACK_RETRIES.fast.jobs, fetch: http.fetch, timeoutMs, logger });

async function postFailure(client: ReturnType<SlackClientPool['clientFor']>, channel: string): Promise<unknown> {
  return client.chat.postMessage({ channel, text: 'digest' }).then(
    () => null,
    (error: unknown) => error,
  );
}

describe('the scheduled jobs’ Slack clients', () => {
  it('retry a post while no connection can be made: it never reached Slack', async () => {
    const logger = recordingLogger();
    const client = pool(`http://127.0.0.1:${await freePort()}/api/`, logger).clientFor('xoxb-refused');
    const error = await postFailure(client, 'CREFUSED');
    expect(surelyNotDelivered(error)).toBe(true);
    expect(logger.lines.filter((line) => line.includes('http request failed'))).toHaveLength(3); // 1 + 2 retries
  });

  it('retry a post Slack rate-limited, after its Retry-After, and post it once', async () => {
    slack.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const client = pool(slack.apiUrl).clientFor('xoxb-limited');
    expect(await postFailure(client, 'CLIMITED')).toBeNull();
    expect(slack.messagesIn('CLIMITED')).toHaveLength(1);
  });

  it.each([500, 502, 503])('do not retry a post Slack answered %i: it may have been taken', async (status) => {
    const channel = `C${status}`;
    slack.failNext('chat.postMessage', { status, afterDoing: true });
    const error = await postFailure(pool(slack.apiUrl).clientFor(`xoxb-${status}`), channel);
    expect(surelyNotDelivered(error)).toBe(false);
    expect(slack.callsTo('chat.postMessage').filter((c) => c.args.channel === channel)).toHaveLength(1);
    expect(slack.messagesIn(channel)).toHaveLength(1);
  });

  it('do not retry a post Slack took but did not confirm in time', async () => {
    slack.holdPostsIn('CHELD', 1000);
    const error = await postFailure(pool(slack.apiUrl, recordingLogger(), 200).clientFor('xoxb-held'), 'CHELD');
    slack.holdPostsIn('CHELD', undefined);
    expect(error).toMatchObject({ code: 'slack_webapi_request_error' }); // the client gave up waiting
    expect(surelyNotDelivered(error)).toBe(false);
    expect(slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'CHELD')).toHaveLength(1);
  });
});
