import { Agent, type Dispatcher, request } from 'undici';

/**
 * One HTTP client for every call the app makes (Slack's response_url and Web API through Bolt,
 * Tellody, QuickChart): one undici Agent, so one pool of kept-alive connections per host.
 *
 * `fetch` answers like the standard fetch, but the requests the app makes every time (a string or
 * form body, or none, to a URL) go through undici's `request`, which skips the WHATWG streams the
 * standard fetch builds for every body: measured, about a fifth of the CPU of posting a 5 KB
 * answer. Anything else (FormData, streams, a Request object) and any redirect to follow is left
 * to the standard fetch on the same Agent.
 */
export interface Outbound {
  readonly agent: Agent;
  readonly fetch: typeof fetch;
  close(): Promise<void>;
}

/** Statuses whose response has no body (a Response refuses one). */
const NO_BODY = new Set([101, 103, 204, 205, 304]);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

type LeanBody = string | URLSearchParams | null | undefined;

function isLean(input: unknown, body: unknown): input is string | URL {
  const plainBody = body === undefined || body === null || typeof body === 'string' || body instanceof URLSearchParams;
  return (typeof input === 'string' || input instanceof URL) && plainBody;
}

/** The headers as undici's request takes them, with the content type fetch would add for the body. */
function requestHeaders(init: RequestInit, body: LeanBody): Record<string, string> {
  const headers: Record<string, string> = {};
  new Headers(init.headers).forEach((value, name) => {
    headers[name] = value;
  });
  if (body !== undefined && body !== null && headers['content-type'] === undefined) {
    headers['content-type'] =
      typeof body === 'string' ? 'text/plain;charset=UTF-8' : 'application/x-www-form-urlencoded;charset=UTF-8';
  }
  return headers;
}

function responseHeaders(raw: Dispatcher.ResponseData['headers']): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const one of value) headers.append(name, one);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

export function outboundHttp(options: { connectionsPerHost?: number } = {}): Outbound {
  // undici's keep-alive defaults (4 s idle unless the server says otherwise) are kept on purpose:
  // a longer idle time risks posting on a connection the other side has just closed.
  const agent = new Agent({ connections: options.connectionsPerHost ?? 128 });
  // Node's fetch takes an undici Agent as its dispatcher; Node types it with its own copy of undici's types.
  const standard = (input: Parameters<typeof fetch>[0], init?: RequestInit) =>
    fetch(input, { ...init, dispatcher: agent } as unknown as RequestInit);
  const lean = async (input: Parameters<typeof fetch>[0], init: RequestInit = {}): Promise<Response> => {
    const body = init.body as LeanBody;
    if (!isLean(input, body)) return standard(input, init);
    const method = init.method ?? 'GET';
    const response = await request(input, {
      method: method as Dispatcher.HttpMethod,
      headers: requestHeaders(init, body),
      body: body instanceof URLSearchParams ? body.toString() : (body ?? undefined),
      signal: init.signal ?? undefined,
      dispatcher: agent,
    });
    if (REDIRECTS.has(response.statusCode) && init.redirect !== 'manual') {
      await response.body.dump();
      return standard(input, init); // follows (or refuses) the redirect exactly as fetch does
    }
    const bytes = NO_BODY.has(response.statusCode) || method === 'HEAD' ? null : await response.body.arrayBuffer();
    if (bytes === null) await response.body.dump();
    return new Response(bytes, {
      status: response.statusCode,
      statusText: response.statusText ?? '',
      headers: responseHeaders(response.headers),
    });
  };
  return { agent, fetch: lean as typeof fetch, close: () => agent.close() };
}
