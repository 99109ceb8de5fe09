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
  options: { users?: Record<string, StandInUser>; oauth?: Record<string, unknown>; socketUrl?: string } = {},
) {
  const calls: WebApiCall[] = [];
  const posts: ResponseUrlPost[] = [];
  const users = options.users ?? {};
  let views = 0;
  const answer = (method: string, args: Record<string, unknown>): Record<string, unknown> => {
    switch (method) {
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
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer(method, args)));
      return;
    }
    if (path.startsWith('/respond/')) {
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
