import fc from 'fast-check';
import { periodToken, resolvePeriod } from '../../src/period/index.js';
import { ACTIONS, ALERT_ACTIONS, CALLBACKS, DIGEST_ACTIONS, HOME_QUICK_REPORTS } from '../../src/views/ids.js';
import { PHRASE_FORMS } from './phrase-forms.js';

/** One request body as it goes on the wire, with its content type. */
export interface FuzzBody {
  readonly what: string;
  readonly body: string;
  readonly contentType: string;
}

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

const form = (fields: readonly (readonly [string, string])[]) => {
  const params = new URLSearchParams();
  for (const [name, value] of fields) params.append(name, value);
  return params.toString();
};
const asPayload = (value: unknown): FuzzBody => ({
  what: 'payload',
  body: `payload=${encodeURIComponent(JSON.stringify(value) ?? 'undefined')}`,
  contentType: FORM,
});

/** Anything at all in a field: the right type, the wrong type, or missing. */
const anyValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
  fc.jsonValue({ maxDepth: 2 }),
);
/**
 * A Slack-like body, and now and then one of its fields (at the top or one level down) swapped
 * for anything at all: about half the bodies are well formed, half are broken in one place.
 */
function withOneBroken<T extends Record<string, unknown>>(arb: fc.Arbitrary<T>): fc.Arbitrary<Record<string, unknown>> {
  return fc.tuple(arb, fc.option(fc.tuple(fc.nat(), fc.nat(), anyValue), { freq: 2 })).map(([value, broken]) => {
    if (!broken) return value;
    const [at, below, replacement] = broken;
    const copy: Record<string, unknown> = structuredClone(value);
    const keys = Object.keys(copy);
    const key = keys[at % keys.length] ?? 'type';
    const inner = copy[key];
    if (below % 2 === 0 && inner && typeof inner === 'object' && !Array.isArray(inner)) {
      const innerKeys = Object.keys(inner);
      const innerKey = innerKeys[below % Math.max(1, innerKeys.length)] ?? 'x';
      copy[key] = { ...inner, [innerKey]: replacement };
    } else copy[key] = replacement;
    return copy;
  });
}

/** Teams: one with a Tellody account, one without, and made-up ones. */
const team = fc.oneof({ weight: 6, arbitrary: fc.constant('T1') }, fc.constantFrom('T2', 'TX9', 'T:1', ''));
/** Users: none of them may change settings (an admin could set a zone the Tellody account does not use). */
const user = fc.constantFrom('UUSER', 'UUSER', 'U404');

const NOW = Date.parse('2026-11-27T10:00:00Z');
/** A period token a button might carry: real ones (in the workspace's calendar or another), broken ones. */
const token = fc.oneof(
  fc
    .tuple(fc.constantFrom(...PHRASE_FORMS.slice(1, 12)), fc.constantFrom('Europe/Athens', 'America/New_York'))
    .map(([phrase, zone]) => periodToken(resolvePeriod(phrase, { zone, weekStart: 1, now: NOW }))),
  fc.string({ maxLength: 80 }),
  fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
  fc
    .record({ s: anyValue, c: anyValue, t: anyValue, d: anyValue, u: anyValue, z: anyValue, w: anyValue })
    .map((v) => JSON.stringify(v)),
);

const actionId = fc.oneof(
  fc.constantFrom(
    ...Object.values(ACTIONS).filter((id) => id !== ACTIONS.homeQuick),
    ...Object.keys(HOME_QUICK_REPORTS).map((key) => `${ACTIONS.homeQuick}${key}`),
    ...Object.values(DIGEST_ACTIONS),
    ...Object.values(ALERT_ACTIONS),
  ),
  fc.string({ maxLength: 30 }),
);

const container = fc.oneof(
  fc.constant({ type: 'view', view_id: 'V1' }),
  fc.record({ type: fc.constant('message'), message_ts: fc.constant('1.2'), is_ephemeral: fc.boolean() }),
);

/** A click on one of the app's buttons (or a made-up one), carrying a period of any kind. */
const blockActions = (responseUrl: string) =>
  withOneBroken(
    fc.record({
      type: fc.constant('block_actions'),
      team: team.map((id) => ({ id })),
      user: user.map((id) => ({ id })),
      api_app_id: fc.constant('A1'),
      response_url: fc.constant(responseUrl),
      trigger_id: fc.constant('1.2.3'),
      container,
      actions: fc.array(
        fc.record({
          action_id: actionId,
          block_id: fc.constant('report_actions'),
          type: fc.constantFrom('button', 'static_select'),
          value: token,
          selected_option: fc.record({ value: token }),
        }),
        { minLength: 1, maxLength: 2 },
      ),
    }),
  ).map((v) => ({ ...asPayload(v), what: 'block_actions' }));

/** A modal submission by someone who may not save, with values of any shape. */
const viewSubmission = withOneBroken(
  fc.record({
    type: fc.constantFrom('view_submission', 'view_closed'),
    team: team.map((id) => ({ id })),
    user: user.map((id) => ({ id })),
    view: fc.record({
      id: fc.constant('V1'),
      callback_id: fc.oneof(fc.constantFrom(...Object.values(CALLBACKS)), fc.string({ maxLength: 20 })),
      state: fc.record({
        values: fc.dictionary(fc.string(), fc.dictionary(fc.string(), fc.dictionary(fc.string(), anyValue))),
      }),
    }),
  }),
).map((v) => ({ ...asPayload(v), what: 'view_submission' }));

/** Events, never an uninstall of the workspace with a Tellody account (that would only stop the fuzzing of reports). */
const eventCallback = withOneBroken(
  fc.record({
    type: fc.constant('event_callback'),
    team_id: team.filter((t) => t !== 'T1'),
    event: fc.record({
      type: fc.constantFrom('app_home_opened', 'app_uninstalled', 'tokens_revoked', 'channel_archive', 'message', 'x'),
      user,
      channel: fc.constantFrom('D1', 'C1'),
      tab: fc.constantFrom('home', 'messages'),
    }),
  }),
).map((v) => ({ what: 'event', body: JSON.stringify(v), contentType: JSON_TYPE }));

/** A slash command: a phrase that works, or anything typed, or fields missing or repeated. */
const command = (responseUrl: string) =>
  fc
    .tuple(
      fc.oneof(
        fc.constantFrom(...PHRASE_FORMS),
        fc.string({ maxLength: 60 }),
        fc.string({ unit: 'binary', maxLength: 30 }),
      ),
      fc.constantFrom('/contacts', '/other', ''),
      team,
      fc.array(fc.tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 })), { maxLength: 3 }),
    )
    .map(([text, name, teamId, extra]) => ({
      what: 'command',
      body: form([
        ['command', name],
        ['text', text],
        ['team_id', teamId],
        ['user_id', 'UUSER'],
        ['response_url', responseUrl],
        ...extra,
      ]),
      contentType: FORM,
    }));

const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** Bodies known to have broken Bolt, or that are simply large or odd. */
const known = fc.constantFrom<FuzzBody>(
  { what: 'payload=null', body: 'payload=null', contentType: FORM },
  { what: 'JSON null', body: 'null', contentType: JSON_TYPE },
  { what: 'JSON array', body: '[]', contentType: JSON_TYPE },
  { what: 'JSON number', body: '1e999', contentType: JSON_TYPE },
  { what: 'empty', body: '', contentType: JSON_TYPE },
  { what: 'empty form', body: '', contentType: FORM },
  { what: 'deep JSON', body: deep(50_000), contentType: JSON_TYPE },
  { what: 'deep payload', body: `payload=${encodeURIComponent(`{"a":${deep(20_000)}}`)}`, contentType: FORM },
  {
    what: 'huge string',
    body: JSON.stringify({ type: 'event_callback', x: 'x'.repeat(3_000_000) }),
    contentType: JSON_TYPE,
  },
  { what: 'over the limit', body: `payload=${'x'.repeat(4 * 1024 * 1024 + 10)}`, contentType: FORM },
  { what: 'content type with charset', body: 'command=%2Fcontacts&text=', contentType: `${FORM}; charset=utf-8` },
);

/** Every kind of body: random JSON, random forms, random payloads, random Slack-like shapes, the known bad ones. */
export function fuzzBodies(responseUrl: (id: string) => string): fc.Arbitrary<FuzzBody> {
  let n = 0;
  const url = fc.constant(null).map(() => responseUrl(`fuzz-${++n}`));
  return fc.oneof(
    fc.jsonValue().map((v) => ({ what: 'random JSON', body: JSON.stringify(v) ?? 'null', contentType: JSON_TYPE })),
    fc.jsonValue().map(asPayload),
    fc
      .array(fc.tuple(fc.string({ maxLength: 12 }), fc.string({ maxLength: 30 })), { maxLength: 6 })
      .map((fields) => ({ what: 'random form', body: form(fields), contentType: FORM })),
    fc.string({ maxLength: 200 }).map((body) => ({ what: 'random text', body, contentType: FORM })),
    url.chain(blockActions),
    viewSubmission,
    eventCallback,
    url.chain(command),
    known,
  );
}
