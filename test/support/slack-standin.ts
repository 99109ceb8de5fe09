import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WebApiCall {
  readonly method: string;
  readonly token: string | undefined;
  readonly args: Record<string, unknown>;
}

export interface ResponseUrlPost {
  readonly id: string;
  readonly body: Record<string, unknown>;
}

export interface StandInUser {
  readonly tz?: string;
  readonly is_admin?: boolean;
  readonly is_owner?: boolean;
}

/** A channel as Slack would describe it to the bot. */
export interface StandInChannel {
  readonly name: string;
  readonly is_private?: boolean;
  is_archived?: boolean;
  is_member?: boolean;
}

/** What the next call to a method gets instead of its answer: an HTTP status (429 with Retry-After, 5xx) or a Slack error. */
export interface StandInFailure {
  readonly status?: number;
  readonly retryAfter?: number;
  readonly error?: string;
  /** A whole answer instead of the usual one (a reply Slack could send but the stand-in would not make up). */
  readonly reply?: Record<string, unknown>;
  /** The call does what it does (a post is in the channel) before the failure is answered: Slack took it, then failed. */
  readonly afterDoing?: boolean;
}

/** A message the stand-in accepted (chat.postMessage that succeeded). */
export interface PostedMessage {
  readonly channel: string;
  readonly ts: string;
  readonly token: string | undefined;
  readonly text: string;
  readonly blocks: unknown[];
  /** When the stand-in took it (this machine's clock, ms). */
  readonly receivedAt: number;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => resolve(body));
  });
}

/** Form fields as Slack's Web API client sends them: objects such as `view` arrive JSON-encoded. */
function parseArgs(body: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.startsWith('application/json')) return body ? (JSON.parse(body) as Record<string, unknown>) : {};
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    try {
      args[key] = value.startsWith('{') || value.startsWith('[') ? JSON.parse(value) : value;
    } catch {
      args[key] = value;
    }
  }
  return args;
}

/**
 * A recording stand-in for Slack: the Web API under /api/ (reached through the client's base-URL
 * option) and response_url endpoints under /respond/. Every call and post is kept for assertions.
 */
export async function startSlackStandIn(
  options: {
    users?: Record<string, StandInUser>;
    oauth?: Record<string, unknown>;
    socketUrl?: string;
    /** Channels the bot can see; any other id is a public channel the bot is in, unless listed as 'missing'. */
    channels?: Record<string, StandInChannel | 'missing'>;
  } = {},
) {
  const calls: WebApiCall[] = [];
  const posts: ResponseUrlPost[] = [];
  const messages: PostedMessage[] = [];
  const failures = new Map<string, StandInFailure[]>();
  const latency = new Map<string, number>();
  /** Channels whose posts are taken at once but answered only after this many ms. */
  const holds = new Map<string, number>();
  const refusals = new Map<string, number>();
  /** While set, response_url posts wait here unanswered (see holdPosts). */
  let held: { promise: Promise<void>; release: () => void } | null = null;
  const users = options.users ?? {};
  const channels: Record<string, StandInChannel | 'missing'> = options.channels ?? {};
  let views = 0;
  let ts = 1_700_000_000;
  const channelOf = (id: string): StandInChannel | null => {
    const known = channels[id];
    if (known === 'missing') return null;
    if (known) return known;
    channels[id] = { name: id.toLowerCase(), is_member: true };
    return channels[id] as StandInChannel;
  };
  const postMessage = (args: Record<string, unknown>, token: string | undefined): Record<string, unknown> => {
    const id = String(args.channel);
    if (!id.startsWith('D')) {
      const channel = channelOf(id);
      if (!channel || (channel.is_private && !channel.is_member)) return { ok: false, error: 'channel_not_found' };
      if (channel.is_archived) return { ok: false, error: 'is_archived' };
      if (!channel.is_member) return { ok: false, error: 'not_in_channel' };
    }
    const message = {
      channel: id,
      ts: `${++ts}.000100`,
      token,
      text: String(args.text ?? ''),
      blocks: Array.isArray(args.blocks) ? args.blocks : [],
      receivedAt: Date.now(),
    };
    messages.push(message);
    return { ok: true, channel: id, ts: message.ts };
  };
  const conversations = (method: string, args: Record<string, unknown>): Record<string, unknown> => {
    if (method === 'conversations.open') return { ok: true, channel: { id: `D${String(args.users)}` } };
    const id = String(args.channel);
    const channel = channelOf(id);
    if (!channel) return { ok: false, error: 'channel_not_found' };
    if (method === 'conversations.info')
      return { ok: true, channel: { id, is_private: false, is_archived: false, is_member: false, ...channel } };
    if (channel.is_archived) return { ok: false, error: 'is_archived' };
    if (channel.is_private) return { ok: false, error: 'method_not_supported_for_channel_type' };
    channel.is_member = true;
    return { ok: true, channel: { id, ...channel } };
  };
  const answer = (method: string, args: Record<string, unknown>, token?: string): Record<string, unknown> => {
    switch (method) {
      case 'chat.postMessage':
        return postMessage(args, token);
      case 'chat.getPermalink':
        return {
          ok: true,
          channel: args.channel,
          permalink: `https://acme.slack.com/archives/${String(args.channel)}/p${String(args.message_ts).replace('.', '')}`,
        };
      case 'conversations.info':
      case 'conversations.join':
      case 'conversations.open':
        return conversations(method, args);
      case 'auth.test':
        return { ok: true, team_id: 'T1', user_id: 'UBOT', bot_id: 'BBOT', url: 'https://t1.slack.com/' };
      case 'users.info': {
        const user = users[String(args.user)];
        return user ? { ok: true, user: { id: args.user, ...user } } : { ok: false, error: 'user_not_found' };
      }
      case 'views.open':
      case 'views.update':
      case 'views.publish':
        views++;
        return { ok: true, view: { id: `V${views}`, hash: `h${views}` } };
      case 'apps.connections.open':
        return options.socketUrl
          ? { ok: true, url: options.socketUrl }
          : { ok: false, error: 'not_allowed_token_type' };
      case 'oauth.v2.access':
        return options.oauth ?? { ok: false, error: 'invalid_code' };
      default:
        return { ok: true };
    }
  };
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const path = req.url ?? '/';
    if (path.startsWith('/api/')) {
      const method = path.slice('/api/'.length).split('?')[0] ?? '';
      const args = parseArgs(body, req.headers['content-type']);
      const token = req.headers.authorization?.replace(/^Bearer /, '') ?? (args.token as string | undefined);
      calls.push({ method, token, args });
      const wait = latency.get(method) ?? 0;
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const hold = method === 'chat.postMessage' ? holds.get(String(args.channel)) : undefined;
      if (hold !== undefined) {
        // Slack has the message (it is in the channel) and is slow to say so; the caller may be gone by then.
        const reply = answer(method, args, token);
        await new Promise((resolve) => setTimeout(resolve, hold));
        if (!res.destroyed) res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(reply));
        return;
      }
      const failure = failures.get(method)?.shift();
      if (failure?.afterDoing) answer(method, args, token);
      if (failure?.status) {
        const headers: Record<string, string> = { 'Content-Type': 'application/json' };
        if (failure.retryAfter !== undefined) headers['Retry-After'] = String(failure.retryAfter);
        res.writeHead(failure.status, headers).end(JSON.stringify({ ok: false, error: 'ratelimited' }));
        return;
      }
      const reply =
        failure?.reply ?? (failure?.error ? { ok: false, error: failure.error } : answer(method, args, token));
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(reply));
      return;
    }
    if (path.startsWith('/respond/')) {
      if (held) await held.promise;
      const id = path.slice('/respond/'.length);
      const refusing = refusals.get(id) ?? 0;
      if (refusing > 0) {
        refusals.set(id, refusing - 1);
        res.writeHead(500).end('internal_error');
        return;
      }
      posts.push({ id: path.slice('/respond/'.length), body: JSON.parse(body) as Record<string, unknown> });
      res.writeHead(200).end('ok');
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id: string) => `${base}/respond/${id}`,
    calls,
    posts,
    users,
    channels,
    /** Messages chat.postMessage accepted, in order. */
    messages,
    messagesIn: (channel: string) => messages.filter((m) => m.channel === channel),
    /** The next call(s) to `method` fail this way, one failure per call, before answers resume. */
    failNext(method: string, ...failure: StandInFailure[]) {
      failures.set(method, [...(failures.get(method) ?? []), ...failure]);
    },
    /** The next call(s) to `method` get these answers, one per call, before the usual ones resume. */
    answerNext(method: string, ...replies: Record<string, unknown>[]) {
      failures.set(method, [...(failures.get(method) ?? []), ...replies.map((reply) => ({ reply }))]);
    },
    /** The next `count` posts to response_url `id` are answered 500 and not kept: Slack refusing replies there. */
    refusePosts(id: string, count = 1) {
      refusals.set(id, (refusals.get(id) ?? 0) + count);
    },
    /**
     * Posts to `channel` are in the channel at once but answered only after `ms` (undefined: no
     * longer): Slack still taking a post when its sender dies or gives up.
     */
    holdPostsIn(channel: string, ms: number | undefined) {
      if (ms === undefined) holds.delete(channel);
      else holds.set(channel, ms);
    },
    /** From now on, posts to response_urls are neither answered nor kept until releasePosts(): answers pile up in the app. */
    holdPosts() {
      if (held) return;
      let release = () => {};
      const promise = new Promise<void>((resolve) => {
        release = resolve;
      });
      held = { promise, release };
    },
    /** Answers (and keeps) every post held since holdPosts(), and takes later ones at once again. */
    releasePosts() {
      held?.release();
      held = null;
    },
    /** Every call to `method` takes `ms` longer (0 for no delay): a slow Slack. */
    slowDown(method: string, ms: number) {
      latency.set(method, ms);
    },
    callsTo: (method: string) => calls.filter((c) => c.method === method),
    postsTo: (id: string) => posts.filter((p) => p.id === id),
    /** Waits until `count` posts reached response_url `id` (the app answers after ack). */
    async waitForPosts(id: string, count = 1, timeoutMs = 10_000) {
      const started = Date.now();
      while (posts.filter((p) => p.id === id).length < count) {
        if (Date.now() - started > timeoutMs)
          throw new Error(`no ${count} post(s) to response_url ${id} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return posts.filter((p) => p.id === id);
    },
    async waitForCalls(method: string, count = 1, timeoutMs = 10_000) {
      const started = Date.now();
      while (calls.filter((c) => c.method === method).length < count) {
        if (Date.now() - started > timeoutMs) throw new Error(`no ${count} ${method} call(s) within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return calls.filter((c) => c.method === method);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
