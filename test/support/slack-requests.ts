import { randomBytes } from 'node:crypto';
import { form, payload, postToSlackApp, type SignOptions } from './signed-request.js';

export interface Who {
  readonly team?: string;
  readonly user?: string;
  /** The organisation of an org-wide (Enterprise Grid) install the request comes through. */
  readonly enterprise?: string;
}

/**
 * What Slack sends an app, signed exactly as Slack signs it: slash commands, button clicks,
 * modal submissions and events, each with its own response_url on the Slack stand-in. Used both
 * for the app in-process and for the built app in a child process.
 */
export function slackRequests(options: {
  events: string;
  secret: string;
  responseUrl: (id: string) => string;
  /** The app's clock, when it is not this machine's (an app under a stepped clock): requests are signed at its time. */
  now?: () => number;
}) {
  // response_url ids are unique across senders: several may share one Slack stand-in.
  const tag = randomBytes(4).toString('hex');
  let counter = 0;
  const now = options.now ?? Date.now;
  const send = (body: string, contentType: string, sign: SignOptions = {}) =>
    postToSlackApp(options.events, options.secret, body, contentType, {
      timestamp: Math.floor(now() / 1000),
      ...sign,
    });
  return {
    send,
    /** `/contacts <text>` from a user of a team; returns the HTTP answer and the response_url id. */
    async command(text: string, who: Who = {}, sign: SignOptions = {}) {
      const id = `cmd-${tag}-${++counter}`;
      const body = form({
        command: '/contacts',
        text,
        team_id: who.team ?? 'T1',
        team_domain: 'acme',
        user_id: who.user ?? 'UUSER',
        user_name: 'pat',
        channel_id: 'C1',
        channel_name: 'marketing',
        response_url: options.responseUrl(id),
        trigger_id: `trigger-${counter}`,
        api_app_id: 'A1',
        ...(who.enterprise
          ? { enterprise_id: who.enterprise, is_enterprise_install: 'true' }
          : { is_enterprise_install: 'false' }),
      });
      return { id, ...(await send(body, 'application/x-www-form-urlencoded', sign)) };
    },
    /** A block_actions click on one element, with its own response_url. */
    async click(action: Record<string, unknown>, who: Who & { container?: Record<string, unknown> } = {}) {
      const id = `act-${tag}-${++counter}`;
      const body = payload({
        type: 'block_actions',
        team: { id: who.team ?? 'T1', domain: 'acme' },
        user: { id: who.user ?? 'UUSER', team_id: who.team ?? 'T1' },
        api_app_id: 'A1',
        trigger_id: `trigger-${counter}`,
        response_url: options.responseUrl(id),
        container: who.container ?? { type: 'message', message_ts: '1.2', channel_id: 'C1', is_ephemeral: true },
        channel: { id: 'C1' },
        actions: [{ block_id: 'report_actions', action_ts: '1.3', ...action }],
      });
      return { id, ...(await send(body, 'application/x-www-form-urlencoded')) };
    },
    /** A view_submission of the modal `callbackId` with these `state.values`. */
    async submit(
      values: Record<string, unknown>,
      who: Who = {},
      callbackId = 'contacts_settings',
      sign: SignOptions = {},
    ) {
      const body = payload({
        type: 'view_submission',
        team: { id: who.team ?? 'T1', domain: 'acme' },
        user: { id: who.user ?? 'UADMIN', team_id: who.team ?? 'T1' },
        api_app_id: 'A1',
        // Each submission is its own request: two alike in the same second would be a replay.
        trigger_id: `trigger-${++counter}`,
        view: {
          id: 'V1',
          type: 'modal',
          callback_id: callbackId,
          state: { values },
          hash: 'h',
          team_id: who.team ?? 'T1',
        },
      });
      return send(body, 'application/x-www-form-urlencoded', sign);
    },
    async event(event: Record<string, unknown>, team = 'T1') {
      const body = JSON.stringify({
        type: 'event_callback',
        team_id: team,
        api_app_id: 'A1',
        event,
        event_id: `Ev${++counter}`,
        event_time: Math.floor(now() / 1000),
        authorizations: [{ team_id: team, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
      });
      return send(body, 'application/json');
    },
  };
}
