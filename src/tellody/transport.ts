import { CookieJar } from 'tough-cookie';
import { TellodyResponseError, TellodyUnavailableError } from './errors.js';

/** How transient failures (network, 5xx) are retried. Auth failures are handled separately. */
export interface RetryPolicy {
  readonly retries: number;
  readonly baseDelayMs: number;
}

export const RETRY_POLICIES = {
  /** Production: two more tries, 250 ms then 500 ms apart. */
  standard: { retries: 2, baseDelayMs: 250 },
  /** Tests: the same number of tries, no waiting. */
  fast: { retries: 2, baseDelayMs: 1 },
  none: { retries: 0, baseDelayMs: 0 },
} as const satisfies Record<string, RetryPolicy>;

export interface TransportOptions {
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly retry: RetryPolicy;
  readonly fetch: typeof fetch;
}

export interface SendOptions {
  readonly method: 'GET' | 'POST';
  readonly token?: string | undefined;
  readonly json?: unknown;
  readonly form?: Record<string, string>;
  /** False for calls whose body does not matter (ping): a 2xx that is not JSON is then fine. */
  readonly expectJson?: boolean;
}

export interface TellodyResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function isTransient(error: unknown): error is TellodyUnavailableError {
  return error instanceof TellodyUnavailableError && (error.reason === 'network' || error.reason === 'server-error');
}

/**
 * HTTP to one Tellody base URL with one cookie jar: a session lives in the jar, so one
 * transport is one Tellody session. Every request has a timeout; network errors and 5xx
 * become `TellodyUnavailableError` and are retried by the policy (calls are idempotent:
 * login and reports change nothing on Tellody's side).
 */
export class TellodyTransport {
  private jar = new CookieJar();
  private readonly base: URL;

  constructor(private readonly options: TransportOptions) {
    this.base = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
  }

  /** Forget the session cookies, e.g. before logging in again. */
  resetCookies(): void {
    this.jar = new CookieJar();
  }

  async send(path: string, options: SendOptions): Promise<TellodyResponse> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.sendOnce(path, options);
      } catch (error) {
        if (!isTransient(error) || attempt >= this.options.retry.retries) throw error;
        await sleep(this.options.retry.baseDelayMs * 2 ** attempt);
      }
    }
  }

  private async sendOnce(path: string, options: SendOptions): Promise<TellodyResponse> {
    const url = new URL(path, this.base);
    const headers = new Headers({ Accept: 'application/json' });
    const cookies = await this.jar.getCookieString(url.href);
    if (cookies) headers.set('Cookie', cookies);
    if (options.token) headers.set('X-XSRF-TOKEN', options.token);
    let body: string | undefined;
    if (options.json !== undefined) {
      headers.set('Content-Type', 'application/json');
      body = JSON.stringify(options.json);
    } else if (options.form) {
      headers.set('Content-Type', 'application/x-www-form-urlencoded');
      body = new URLSearchParams(options.form).toString();
    }
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    try {
      const response = await this.options.fetch(url, {
        method: options.method,
        headers,
        body,
        signal,
        redirect: 'manual',
      });
      for (const cookie of response.headers.getSetCookie())
        await this.jar.setCookie(cookie, url.href, { ignoreError: true });
      const text = await response.text();
      if (response.status >= 500) {
        throw new TellodyUnavailableError('server-error', `${path} answered ${response.status}`, response.status);
      }
      return {
        status: response.status,
        headers: response.headers,
        body: parseBody(text, path, response.status, options.expectJson ?? true),
      };
    } catch (error) {
      throw this.classify(error, path, signal);
    }
  }

  private classify(error: unknown, path: string, signal: AbortSignal): unknown {
    if (error instanceof TellodyUnavailableError || error instanceof TellodyResponseError) return error;
    if (signal.aborted) {
      return new TellodyUnavailableError('timeout', `${path} took longer than ${this.options.timeoutMs} ms`);
    }
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    return new TellodyUnavailableError('network', `${path}: ${cause}`);
  }
}

function parseBody(text: string, path: string, status: number, expectJson: boolean): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    // A 2xx that should be JSON and is not is a broken response; error statuses may be HTML pages.
    if (expectJson && status < 300)
      throw new TellodyResponseError(`${path} answered ${status} with a body that is not JSON`);
    return text;
  }
}
