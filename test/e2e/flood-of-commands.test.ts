import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMISSION_LIMITS } from '../../src/slack/admission.js';
import { startSandbox } from '../../src/tellody/sandbox/server.js';
import { buildBusyMessage } from '../../src/views/error-messages.js';
import { type AppProcess, startBuiltApp } from '../support/app-process.js';
import type { Json } from '../support/report-reading.js';
import { until } from '../support/scheduler-instances.js';
import { slackRequests } from '../support/slack-requests.js';
import { startSlackStandIn } from '../support/slack-standin.js';

/*
 * A flood of /contacts while Slack takes its time with the answers: the built app takes on as many
 * commands as its admission allows (admission.ts), answers every one of them once Slack takes
 * answers again, and tells every other one, in its ack, to try again — none is left with nothing.
 */

const SECRET = 'flood-signing-secret';
const TAKEN_ON = ADMISSION_LIMITS.running + ADMISSION_LIMITS.waiting;
const TOO_MANY = 40;
const BUSY_TEXT = buildBusyMessage().text;

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let slack: Awaited<ReturnType<typeof startSlackStandIn>>;
let app: AppProcess;

beforeAll(async () => {
  sandbox = await startSandbox({ zone: 'Europe/Athens' });
  slack = await startSlackStandIn();
  app = await startBuiltApp({
    env: {
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-flood-token',
      SLACK_API_URL: slack.apiUrl,
      TELLODY_BASE_URL: sandbox.baseUrl,
      TELLODY_USERNAME: 'demo',
      TELLODY_PASSWORD: 'demo',
      STORE_URL: `sqlite://${join(mkdtempSync(join(tmpdir(), 'contacts-flood-')), 'contacts.sqlite')}`,
      ENCRYPTION_KEY: 'f1'.repeat(32),
      LOG_LEVEL: 'warn',
    },
  });
}, 60_000);
afterAll(async () => {
  slack?.releasePosts();
  await app?.stop('SIGKILL');
  await slack?.close();
  await sandbox?.close();
});

/** Runs `send` for 0 … count-1, `parallel` at a time, as Slack's many connections would. */
async function flood<T>(count: number, parallel: number, send: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await send(i);
      }
    }),
  );
  return results;
}

/** Last week's report, as its fallback text begins: "1,679 new contacts (−14 %), … · Last week · …". */
const isReport = (post: Json | undefined) =>
  Array.isArray(post?.blocks) && /new contacts .* · Last week · /.test(String(post?.text));

describe('a flood of /contacts faster than Slack takes the answers', () => {
  it('answers every command it took on, tells each of the rest in its ack to try again, and takes commands again after', async () => {
    const requests = slackRequests({
      events: `${app.base}/slack/events`,
      secret: SECRET,
      responseUrl: slack.responseUrl,
    });
    // The report's numbers are cached before the flood: every command then needs only Slack.
    const first = await requests.command('last week');
    expect(isReport((await slack.waitForPosts(first.id)).at(-1)?.body)).toBe(true);

    slack.holdPosts();
    const acks = await flood(TAKEN_ON + TOO_MANY, 32, () => requests.command('last week'));
    expect(acks.map((ack) => ack.status)).toEqual(acks.map(() => 200));
    const busy = acks.filter((ack) => ack.text !== '');
    const taken = acks.filter((ack) => ack.text === '');
    expect(busy).toHaveLength(TOO_MANY);
    for (const ack of busy) expect(JSON.parse(ack.text)).toMatchObject({ response_type: 'ephemeral', text: BUSY_TEXT });
    // Operators hear that a busy spell began, once, not once per command refused.
    const log = () => app.stdout() + app.stderr();
    await until(() => log().includes('told to try again'), 'the busy spell in the log');
    expect(log().match(/told to try again/g)).toHaveLength(1);
    expect(log()).toContain(
      `busy: ${ADMISSION_LIMITS.running} commands running and ${ADMISSION_LIMITS.waiting} waiting, so 1 new one(s) in a row were told to try again`,
    );

    slack.releasePosts();
    for (const ack of taken) expect(isReport((await slack.waitForPosts(ack.id, 1, 60_000)).at(-1)?.body)).toBe(true);
    for (const ack of busy) expect(slack.postsTo(ack.id)).toEqual([]);

    const after = await requests.command('last week');
    expect(after.text).toBe('');
    expect(isReport((await slack.waitForPosts(after.id)).at(-1)?.body)).toBe(true);
  }, 180_000);
});
