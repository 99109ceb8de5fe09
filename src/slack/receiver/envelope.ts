import { parse as parseQuery } from 'node:querystring';
import { z } from 'zod';

/**
 * Which request bodies reach Bolt. Bolt trusts a signed body's shape: `payload=null` crashes its
 * receiver (it reads `body.ssl_check` of null), a body whose kind it cannot tell is never
 * answered (Slack sees a 404 after 3 s), and fields of the wrong type throw deep inside it. So
 * every body is checked here first against what Slack really sends this app — slash commands,
 * Events API callbacks, block actions, modal submissions — including every field Bolt or a
 * listener reads. A new kind of payload needs its shape added here.
 */
export type Verdict =
  | { readonly kind: 'bolt' }
  /** Answered here: an envelope Slack sends that needs no work (`app_rate_limited`). */
  | { readonly kind: 'answered'; readonly status: number }
  | { readonly kind: 'refused'; readonly status: number; readonly reason: string };

/** Bolt routes by these keys before it looks at `type`: a body must not carry one that is not its own. */
const absent = z.undefined().optional();

const string = (max = 3000) => z.string().max(max);
const id = string(255).min(1);
/** Where replies go: a web address, nothing else (Slack's are https://hooks.slack.com/…). */
const responseUrl = z.url({ protocol: /^https?$/ }).max(3000);

const team = z.looseObject({ id, enterprise_id: id.optional() }).nullable().optional();
const user = z.looseObject({ id, team_id: id.optional() });
const enterprise = z.looseObject({ id }).nullable().optional();

const interactive = {
  team,
  user,
  enterprise,
  is_enterprise_install: z.boolean().optional(),
  api_app_id: id.optional(),
  event: absent,
  command: absent,
  name: absent,
};

const action = z.looseObject({
  action_id: id,
  block_id: string(255).optional(),
  type: string(100).optional(),
  value: string(2000).optional(),
  selected_option: z
    .looseObject({ value: string(2000) })
    .nullable()
    .optional(),
});

const blockActions = z.looseObject({
  ...interactive,
  type: z.literal('block_actions'),
  actions: z.array(action).min(1).max(25),
  container: z.looseObject({ type: string(100) }).optional(),
  channel: z.looseObject({ id }).optional(),
  view: z.looseObject({ id }).optional(),
  message: z.looseObject({}).optional(),
  response_url: responseUrl.optional(),
  trigger_id: string().optional(),
});

const stateValues = z.record(z.string(), z.record(z.string(), z.looseObject({})));

const viewSubmission = z.looseObject({
  ...interactive,
  type: z.enum(['view_submission', 'view_closed']),
  actions: absent,
  view: z.looseObject({
    id,
    callback_id: string(255),
    app_installed_team_id: id.optional(),
    hash: string(255).optional(),
    state: z.looseObject({ values: stateValues }).optional(),
  }),
  response_urls: z.array(z.looseObject({ response_url: responseUrl })).optional(),
});

/** The fields Bolt reads of an event to find its channel and user. */
const event = z.looseObject({
  type: string(100).min(1),
  user: z.union([string(255), z.looseObject({ id: string(255) })]).optional(),
  channel: z.union([string(255), z.looseObject({})]).optional(),
  channel_id: string(255).optional(),
  item: z.looseObject({}).optional(),
  subteam: z.looseObject({}).optional(),
});

const eventCallback = z.looseObject({
  type: z.literal('event_callback'),
  team_id: id.optional(),
  enterprise_id: id.nullable().optional(),
  is_enterprise_install: z.boolean().optional(),
  event,
  authorizations: z
    .array(
      z.looseObject({
        team_id: id.nullable().optional(),
        enterprise_id: id.nullable().optional(),
        is_enterprise_install: z.boolean().optional(),
      }),
    )
    .optional(),
});

const urlVerification = z.looseObject({ type: z.literal('url_verification'), challenge: string(1000) });

/**
 * The longest text Slack lets a person type into a message, slash commands included. A phrase up
 * to it reaches the listener, which answers an over-long one kindly: a 400 here would show as
 * Slack's own generic failure.
 */
const SLACK_MESSAGE_LIMIT = 40_000;

/** A slash command arrives as a form; every field is one string (a repeated field would be a list). */
const slashCommand = z.looseObject({
  command: string(100).min(1),
  text: string(SLACK_MESSAGE_LIMIT),
  team_id: id,
  user_id: id,
  channel_id: id.optional(),
  response_url: responseUrl,
  trigger_id: string().optional(),
  enterprise_id: id.optional(),
  is_enterprise_install: z.enum(['true', 'false']).optional(),
  type: absent,
  event: absent,
  name: absent,
  actions: absent,
});

/**
 * By `type` (a Map: a type such as "constructor" must not find Object's own properties, and one
 * that is not a string — a number, null, a list — finds nothing).
 */
const SCHEMAS = new Map<unknown, z.ZodType>([
  ['block_actions', blockActions],
  ['view_submission', viewSubmission],
  ['view_closed', viewSubmission],
  ['event_callback', eventCallback],
  ['url_verification', urlVerification],
]);

const refused = (reason: string): Verdict => ({ kind: 'refused', status: 400, reason });
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Where zod found the first problem, e.g. "actions.0.action_id": enough for an operator, nothing of
 * the content. Never an empty path: every schema here is an object checked against an object (a
 * parsed form, or JSON that isRecord let through), so each problem lies in one of its fields. A
 * failed parse always has a problem; `'invalid'` only satisfies the type checker.
 */
function firstProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid';
}

/** A `type` fit for a log line. Never a list or an object itself: one nested deep enough cannot be stringified. */
function shownType(type: unknown): string {
  if (typeof type === 'object' && type !== null) return Array.isArray(type) ? 'a list' : 'an object';
  return String(JSON.stringify(type)).slice(0, 40);
}

function checkObject(body: Record<string, unknown>): Verdict {
  const type = body.type;
  if (type === 'app_rate_limited') return { kind: 'answered', status: 200 };
  const schema = SCHEMAS.get(type);
  if (!schema) return refused(`not a kind of request this app takes (type ${shownType(type)})`);
  const result = schema.safeParse(body);
  return result.success ? { kind: 'bolt' } : refused(firstProblem(result.error));
}

function checkForm(text: string): Verdict {
  const fields = parseQuery(text);
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value !== 'string') return refused(`form field ${name.slice(0, 40)} is repeated`);
  }
  if (typeof fields.payload === 'string') {
    let payload: unknown;
    try {
      payload = JSON.parse(fields.payload);
    } catch {
      return refused('the payload field is not JSON');
    }
    return isRecord(payload) ? checkObject(payload) : refused('the payload is not an object');
  }
  const result = slashCommand.safeParse(fields);
  return result.success ? { kind: 'bolt' } : refused(firstProblem(result.error));
}

/**
 * Whether a verified body may go on to Bolt. Bolt reads a body as a form only when the content
 * type is exactly `application/x-www-form-urlencoded`, and as JSON otherwise: so does this.
 */
export function checkEnvelope(text: string, contentType: string | undefined): Verdict {
  if (contentType === 'application/x-www-form-urlencoded') return checkForm(text);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return refused('the body is not JSON');
  }
  return isRecord(body) ? checkObject(body) : refused('the body is not an object');
}

/** Slack's SSL check: Bolt answers it without a signature and drops every other field. */
export function isSslCheck(text: string, contentType: string | undefined): boolean {
  return contentType === 'application/x-www-form-urlencoded' && parseQuery(text).ssl_check === '1';
}
