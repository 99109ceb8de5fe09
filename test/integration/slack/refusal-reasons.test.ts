import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { form, payload } from '../../support/signed-request.js';
import { type AppHarness, slackAppHarness } from '../../support/slack-app-harness.js';

const JSON_TYPE = 'application/json';
const FORM = 'application/x-www-form-urlencoded';
/** Slack gives up on an answer after 3 s: a request still unanswered then has failed. */
const SLACK_DEADLINE = { deadlineMs: 3000 };
const REFUSED = '[WARN] contacts refused a request to the Slack endpoint (400): ';
const LONG_NAME = 'f'.repeat(50);
/** These bodies are refused before anything answers them: nothing may reach the outside if one were not. */
const NEVER_REACHED = 'http://127.0.0.1:9/never-reached';

/** A slash command as Slack sends it, every field once unless `extra` repeats one. */
const command = (fields: Record<string, string> = {}, extra = '') =>
  `${form({
    command: '/contacts',
    text: 'help',
    team_id: 'T1',
    user_id: 'UUSER',
    channel_id: 'C1',
    channel_name: 'marketing',
    response_url: NEVER_REACHED,
    ...fields,
  })}${extra}`;
const withoutUserId = form({
  command: '/contacts',
  text: 'help',
  team_id: 'T1',
  response_url: NEVER_REACHED,
});
const click = (action: Record<string, unknown>) =>
  payload({ type: 'block_actions', team: { id: 'T1' }, user: { id: 'UUSER' }, actions: [action] });
const event = (fields: Record<string, unknown>) =>
  JSON.stringify({
    type: 'event_callback',
    team_id: 'T1',
    event: { type: 'app_home_opened', user: 'UUSER' },
    ...fields,
  });

const logs: string[] = [];
let app: AppHarness;
beforeAll(async () => {
  app = await slackAppHarness({ env: { LOG_LEVEL: 'warn' }, logSink: (line) => logs.push(line) });
});
afterAll(() => app.close());

describe('a signed body refused with 400 tells the operator why in one line', () => {
  it.each([
    ['JSON that does not parse', '{nope', JSON_TYPE, 'the body is not JSON'],
    ['JSON that is a number', '7', JSON_TYPE, 'the body is not an object'],
    ['JSON that is a string', '"hello"', JSON_TYPE, 'the body is not an object'],
    [
      'an event with an empty team id',
      event({ team_id: '' }),
      JSON_TYPE,
      `team_id: Too small: expected string to have >=1 characters`,
    ],
    [
      'an event whose user is a number',
      event({ event: { type: 'message', user: 5 } }),
      JSON_TYPE,
      'event.user: Invalid input',
    ],
    [
      'a URL check without its challenge',
      '{"type":"url_verification"}',
      JSON_TYPE,
      'challenge: Invalid input: expected string, received undefined',
    ],
    ['a command without a user', withoutUserId, FORM, 'user_id: Invalid input: expected string, received undefined'],
    [
      'a command with a field given twice',
      command({}, '&channel_name=general'),
      FORM,
      'form field channel_name is repeated',
    ],
    [
      'a command with a long-named field given twice',
      command({ [LONG_NAME]: 'a' }, `&${LONG_NAME}=b`),
      FORM,
      `form field ${'f'.repeat(40)} is repeated`,
    ],
    ['a payload that does not parse', 'payload=%7Bnope', FORM, 'the payload field is not JSON'],
    ['a payload that is a number', 'payload=7', FORM, 'the payload is not an object'],
    ['a payload that is a string', 'payload=%22hello%22', FORM, 'the payload is not an object'],
    [
      'a click on an action without an id',
      click({ type: 'button', value: 'x' }),
      FORM,
      'actions.0.action_id: Invalid input: expected string, received undefined',
    ],
    [
      'a submission whose view has no id',
      payload({ type: 'view_submission', user: { id: 'UUSER' }, view: { callback_id: 'x' } }),
      FORM,
      'view.id: Invalid input: expected string, received undefined',
    ],
  ])('%s', async (_what, body, contentType, reason) => {
    logs.length = 0;
    const result = await app.send(body, contentType, SLACK_DEADLINE);
    expect(result.status).toBe(400);
    expect(logs).toEqual([`${REFUSED}${reason}`]);
  });
});

describe('a well-formed signed body of each kind goes on to Bolt', () => {
  const refusals = () => logs.filter((line) => line.includes('refused a request'));

  it('a slash command, as a form: answered on its response_url', async () => {
    logs.length = 0;
    const sent = await app.command('help', {}, SLACK_DEADLINE);
    expect(sent.status).toBe(200);
    const [answer] = await app.slack.waitForPosts(sent.id);
    expect(String(answer?.body.text)).toContain('/contacts');
    expect(refusals()).toEqual([]);
  });

  it('a click, as a form payload: acked', async () => {
    logs.length = 0;
    expect((await app.send(click({ action_id: 'no_such_action', type: 'button' }), FORM, SLACK_DEADLINE)).status).toBe(
      200,
    );
    expect(refusals()).toEqual([]);
  });

  it('an event, as JSON: acked', async () => {
    logs.length = 0;
    expect((await app.send(event({ event_id: 'Ev1' }), JSON_TYPE, SLACK_DEADLINE)).status).toBe(200);
    expect(refusals()).toEqual([]);
  });

  it('Slack’s notice that events were rate limited: answered 200 here, quietly', async () => {
    logs.length = 0;
    const notice = JSON.stringify({
      type: 'app_rate_limited',
      team_id: 'T1',
      minute_rate_limited: 1,
      api_app_id: 'A1',
    });
    expect(await app.send(notice, JSON_TYPE, SLACK_DEADLINE)).toEqual({ status: 200, text: '' });
    expect(logs).toEqual([]);
  });

  it('a URL check, as JSON: answered with its challenge', async () => {
    logs.length = 0;
    const result = await app.send('{"type":"url_verification","challenge":"c-42"}', JSON_TYPE, SLACK_DEADLINE);
    expect(result.status).toBe(200);
    expect(result.text).toContain('c-42');
    expect(refusals()).toEqual([]);
  });
});
