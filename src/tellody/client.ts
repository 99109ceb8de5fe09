import {
  TellodyBadRequestError,
  TellodyCredentialsError,
  TellodyResponseError,
  TellodyUnavailableError,
} from './errors.js';
import type { ContactChart, ContactChartRequest, TellodyCredentials, UserInfo } from './tellody-types.js';
import { RETRY_POLICIES, type RetryPolicy, type TellodyResponse, TellodyTransport } from './transport.js';
import { parseContactChart, parseUserInfo } from './validate.js';

export interface TellodyClientOptions {
  /** Up to and including `/CampaignCloud/`, e.g. `https://app.tellody.com/CampaignCloud/`. */
  readonly baseUrl: string;
  readonly credentials: TellodyCredentials;
  /** Per HTTP request; default 10 s. */
  readonly timeoutMs?: number;
  readonly retry?: RetryPolicy;
  readonly fetch?: typeof fetch;
}

export interface ContactChartOptions {
  /** The exact number of buckets the window has in the account's zone, when the caller knows it. */
  readonly expectedBuckets?: number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

const PATHS = {
  ping: 'RememberMeController/ping',
  login: 'login',
  userInfo: 'UserInfo',
  contactChart: 'Report/ContactChart',
} as const;

interface Session {
  readonly token: string;
  readonly generation: number;
}

/**
 * One Tellody session for one set of credentials. Calls made while logged out share a single
 * login; a call refused with 401/403 logs in again and is retried once.
 */
export class TellodyClient {
  private readonly transport: TellodyTransport;
  private session: Session | null = null;
  private loginInFlight: Promise<Session> | null = null;
  private generation = 0;
  /** How many logins this client has completed: the measure of session reuse. */
  loginCount = 0;

  constructor(private readonly options: TellodyClientOptions) {
    this.transport = new TellodyTransport({
      baseUrl: options.baseUrl,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      retry: options.retry ?? RETRY_POLICIES.standard,
      fetch: options.fetch ?? globalThis.fetch,
    });
  }

  async contactChart(request: ContactChartRequest, options: ContactChartOptions = {}): Promise<ContactChart> {
    const body = await this.authorized(PATHS.contactChart, { method: 'POST', json: request });
    return parseContactChart(body, { ...request, expectedBuckets: options.expectedBuckets });
  }

  async userInfo(): Promise<UserInfo> {
    return parseUserInfo(await this.authorized(PATHS.userInfo, { method: 'GET' }));
  }

  /** Logs in now; rejects with `TellodyCredentialsError` when Tellody refuses the credentials. */
  async verifyCredentials(): Promise<void> {
    this.session = null;
    await this.ensureSession();
  }

  private async authorized(path: string, request: { method: 'GET' | 'POST'; json?: unknown }): Promise<unknown> {
    for (let attempt = 1; ; attempt++) {
      const session = await this.ensureSession();
      const response = await this.transport.send(path, { ...request, token: session.token });
      if (response.status !== 401 && response.status !== 403) return expectOk(path, response);
      this.expire(session);
      if (attempt === 2) {
        throw new TellodyUnavailableError('session-rejected', `${path} refused a fresh session`, response.status);
      }
    }
  }

  /** Only the session that failed is dropped, so twenty calls failing together cause one login. */
  private expire(session: Session): void {
    if (this.session?.generation === session.generation) this.session = null;
  }

  private ensureSession(): Promise<Session> {
    if (this.session) return Promise.resolve(this.session);
    this.loginInFlight ??= this.login().finally(() => {
      this.loginInFlight = null;
    });
    return this.loginInFlight;
  }

  private async login(): Promise<Session> {
    this.transport.resetCookies();
    const { username, password } = this.options.credentials;
    const form = { username, password, 'remember-me': 'false' };
    let response = await this.transport.send(PATHS.login, { method: 'POST', form, token: await this.ping() });
    // A 403 here is a stale XSRF token, not bad credentials: take a fresh one once.
    if (response.status === 403) {
      response = await this.transport.send(PATHS.login, { method: 'POST', form, token: await this.ping() });
    }
    assertLoggedIn(response);
    // The token is bound to the session and login rotates it: ask again before any call.
    const session = { token: await this.ping(), generation: ++this.generation };
    this.session = session;
    this.loginCount++;
    return session;
  }

  private async ping(): Promise<string> {
    const response = await this.transport.send(PATHS.ping, { method: 'GET', expectJson: false });
    const token = response.headers.get('X-XSRF-TOKEN');
    if (response.status !== 200 || !token) {
      throw new TellodyResponseError(`${PATHS.ping} answered ${response.status} without an X-XSRF-TOKEN header`);
    }
    return token;
  }
}

function field(body: unknown, key: string): unknown {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[key] : undefined;
}

function assertLoggedIn(response: TellodyResponse): void {
  const denied = field(response.body, 'access-denied') === true;
  if (response.status === 401 || denied) {
    const cause = field(response.body, 'cause');
    const message = field(response.body, 'message');
    throw new TellodyCredentialsError(
      typeof cause === 'string' ? cause : 'badCredentials',
      typeof message === 'string' ? message : 'Bad credentials',
    );
  }
  if (response.status !== 200 || field(response.body, 'status') !== 'success') {
    throw new TellodyResponseError(`login answered ${response.status} without "status": "success"`);
  }
}

function expectOk(path: string, response: TellodyResponse): unknown {
  if (response.status === 200) return response.body;
  const message = field(response.body, 'message');
  const detail = typeof message === 'string' ? message : `${path} answered ${response.status}`;
  if (response.status === 400) throw new TellodyBadRequestError(detail);
  throw new TellodyResponseError(detail);
}
