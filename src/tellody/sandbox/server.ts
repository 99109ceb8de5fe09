import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Anomaly } from './anomalies.js';
import { chartFor, readChartQuery } from './contact-chart.js';

export interface SandboxAccount {
  readonly username: string;
  readonly password: string;
  /** The account's zone: buckets are cut in it. */
  readonly zone: string;
  /** Picks the account's data; two accounts with different seeds see different histories. */
  readonly seed: number;
  readonly creditsAvailable?: number;
  readonly creditsSpent?: number;
}

/** Knobs for tests and benchmarks; change them on a running sandbox through `sandbox.faults`. */
export interface SandboxFaults {
  /** Added to every response. */
  latencyMs: number;
  /** Share of requests (0–1) answered 503. */
  errorRate: number;
  /** A logged-in session ends this many seconds after login; 0 = never. */
  sessionTtlSeconds: number;
  /** Share of 200 answers whose JSON body is cut short. */
  malformedRate: number;
  /** Share of requests whose connection is closed without an answer. */
  dropRate: number;
  /** Spikes and outages in the history (anomalies.ts), for seeing the same-day alerts fire. */
  anomalies: Anomaly[];
}

export interface SandboxOptions {
  readonly port?: number;
  /** The demo account's zone (default Europe/Athens, Tellody's home). */
  readonly zone?: string;
  readonly accounts?: readonly SandboxAccount[];
  readonly faults?: Partial<SandboxFaults>;
  /** The sandbox's clock; nothing happens after it. */
  readonly now?: () => number;
  /** Seeds the fault dice, so a run with faults is repeatable. */
  readonly faultSeed?: number;
}

export interface Sandbox {
  /** `http://127.0.0.1:PORT/CampaignCloud/` */
  readonly baseUrl: string;
  readonly port: number;
  readonly faults: SandboxFaults;
  /** Requests served, by path, for tests that count calls. */
  readonly calls: Map<string, number>;
  /** Answers sent, by status code: a 400 means a client asked for something Tellody would refuse. */
  readonly statuses: Map<number, number>;
  /** The latest requests in order, as `METHOD path status` (the last 1,000), for tests that check a sequence. */
  readonly log: readonly string[];
  close(): Promise<void>;
}

export const DEMO_ACCOUNT: Omit<SandboxAccount, 'zone'> = {
  username: 'demo',
  password: 'demo',
  seed: 1,
  creditsAvailable: 90,
  creditsSpent: 10,
};

const PREFIX = '/CampaignCloud/';
/** Methods that change nothing: Spring's CSRF protection lets them through without a token. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const MAX_BODY_BYTES = 64 * 1024;

interface SessionState {
  token: string;
  account: SandboxAccount | null;
  expiresAt: number | null;
}

const newId = () => randomBytes(18).toString('base64url');

/** A tiny deterministic dice (mulberry32), so fault rates are repeatable with a seed. */
function dice(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sessionIdOf(req: IncomingMessage): string | undefined {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === 'JSESSIONID') return value.join('=');
  }
  return undefined;
}

class SandboxServer {
  private readonly sessions = new Map<string, SessionState>();
  private readonly accounts: Map<string, SandboxAccount>;
  private readonly roll: () => number;
  readonly calls = new Map<string, number>();
  readonly statuses = new Map<number, number>();
  readonly log: string[] = [];

  constructor(
    readonly faults: SandboxFaults,
    accounts: readonly SandboxAccount[],
    private readonly now: () => number,
    faultSeed: number,
  ) {
    this.accounts = new Map(accounts.map((account) => [account.username, account]));
    this.roll = dice(faultSeed);
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://sandbox').pathname;
    this.calls.set(path, (this.calls.get(path) ?? 0) + 1);
    res.once('finish', () => this.remember(`${req.method} ${path} ${res.statusCode}`));
    if (this.faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.faults.latencyMs));
    if (this.roll() < this.faults.dropRate) {
      req.socket.destroy();
      return;
    }
    if (this.roll() < this.faults.errorRate) {
      this.send(res, 503, { status: 503, error: 'Service Unavailable' });
      return;
    }
    const route = path.startsWith(PREFIX) ? path.slice(PREFIX.length) : null;
    const body = await readBody(req).catch(() => null);
    if (body === null) {
      this.send(res, 413, { status: 413, error: 'Payload Too Large' });
      return;
    }
    switch (`${req.method} ${route}`) {
      case 'GET RememberMeController/ping':
        return this.ping(req, res);
      case 'POST login':
        return this.login(req, res, body);
      case 'GET UserInfo':
        return this.userInfo(req, res);
      case 'POST Report/ContactChart':
        return this.contactChart(req, res, body);
      default:
        this.send(res, 404, { status: 404, error: 'Not Found', path });
        return;
    }
  }

  /** A live session for the request's cookie; logged-in sessions past their lifetime are gone. */
  private sessionOf(req: IncomingMessage): [string, SessionState] | null {
    const id = sessionIdOf(req);
    const session = id ? this.sessions.get(id) : undefined;
    if (!id || !session) return null;
    if (session.expiresAt !== null && this.now() >= session.expiresAt) {
      this.sessions.delete(id);
      return null;
    }
    return [id, session];
  }

  private ping(req: IncomingMessage, res: ServerResponse): void {
    let found = this.sessionOf(req);
    if (!found) {
      found = [newId(), { token: newId(), account: null, expiresAt: null }];
      this.sessions.set(...found);
      res.setHeader('Set-Cookie', `JSESSIONID=${found[0]}; Path=/CampaignCloud; HttpOnly`);
    }
    res.setHeader('X-XSRF-TOKEN', found[1].token);
    this.send(res, 200, null);
  }

  private login(req: IncomingMessage, res: ServerResponse, body: string): void {
    const found = this.sessionOf(req);
    if (!found || req.headers['x-xsrf-token'] !== found[1].token) {
      this.forbidden(res);
      return;
    }
    if (!String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded')) {
      this.send(res, 400, { status: 400, error: 'Bad Request', message: 'login takes a form-encoded body' });
      return;
    }
    const form = new URLSearchParams(body);
    const account = this.accounts.get(form.get('username') ?? '');
    if (!account || account.password !== form.get('password')) {
      this.send(res, 401, { 'access-denied': true, cause: 'badCredentials', message: 'Bad credentials' });
      return;
    }
    // Like Spring: a new session id and a new token at login, so nothing from before it carries over.
    this.sessions.delete(found[0]);
    const id = newId();
    const ttl = this.faults.sessionTtlSeconds;
    this.sessions.set(id, { token: newId(), account, expiresAt: ttl > 0 ? this.now() + ttl * 1000 : null });
    res.setHeader('Set-Cookie', `JSESSIONID=${id}; Path=/CampaignCloud; HttpOnly`);
    this.send(res, 200, { status: 'success', message: 'You have logged in with success.' });
  }

  /**
   * The logged-in account of a request with a live session (and, for a state-changing call, the
   * session's XSRF token); otherwise answers 401/403. Like Spring Security's CSRF filter, safe
   * methods (GET, HEAD, OPTIONS) need no token: Tellody's own Get Balance sample sends none.
   */
  private authenticated(req: IncomingMessage, res: ServerResponse): SandboxAccount | null {
    const found = this.sessionOf(req);
    const account = found?.[1].account;
    if (!found || !account) {
      this.unauthorized(res);
      return null;
    }
    if (!SAFE_METHODS.has(req.method ?? '') && req.headers['x-xsrf-token'] !== found[1].token) {
      this.forbidden(res);
      return null;
    }
    return account;
  }

  private userInfo(req: IncomingMessage, res: ServerResponse): void {
    const account = this.authenticated(req, res);
    if (!account) return;
    this.send(res, 200, {
      username: account.username,
      userId: 1000 + account.seed,
      email: `${account.username}@example.com`,
      creditsSpent: account.creditsSpent ?? 0,
      creditsAvailable: account.creditsAvailable ?? 0,
    });
  }

  private contactChart(req: IncomingMessage, res: ServerResponse, body: string): void {
    const account = this.authenticated(req, res);
    if (!account) return;
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      this.send(res, 400, { status: 400, error: 'Bad Request', message: 'the body is not valid JSON' });
      return;
    }
    const query = readChartQuery(json, account.zone);
    if (typeof query === 'string') {
      this.send(res, 400, { status: 400, error: 'Bad Request', message: query });
      return;
    }
    this.send(res, 200, chartFor(query, account, this.now(), this.faults.anomalies));
  }

  private remember(entry: string): void {
    if (this.log.length >= 1000) this.log.shift();
    this.log.push(entry);
  }

  private unauthorized(res: ServerResponse): void {
    this.send(res, 401, { status: 401, error: 'Unauthorized', message: 'Full authentication is required' });
  }

  private forbidden(res: ServerResponse): void {
    this.send(res, 403, { status: 403, error: 'Forbidden', message: 'Invalid CSRF token' });
  }

  private send(res: ServerResponse, status: number, body: unknown): void {
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    let text = body === null ? '' : JSON.stringify(body);
    if (status === 200 && text && this.roll() < this.faults.malformedRate)
      text = text.slice(0, Math.ceil(text.length / 2));
    res.writeHead(status, {
      'Content-Type': 'application/json;charset=UTF-8',
      'Content-Length': Buffer.byteLength(text),
    });
    res.end(text);
  }
}

/** Starts a Tellody-compatible server on 127.0.0.1 (port 0 picks a free one). */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const zone = options.zone ?? 'Europe/Athens';
  const accounts = options.accounts ?? [{ ...DEMO_ACCOUNT, zone }];
  const faults: SandboxFaults = {
    latencyMs: 0,
    errorRate: 0,
    sessionTtlSeconds: 0,
    malformedRate: 0,
    dropRate: 0,
    anomalies: [],
    ...options.faults,
  };
  const sandbox = new SandboxServer(faults, accounts, options.now ?? Date.now, options.faultSeed ?? 42);
  const server: Server = createServer((req, res) => {
    sandbox.handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}${PREFIX}`,
    port,
    faults,
    calls: sandbox.calls,
    statuses: sandbox.statuses,
    log: sandbox.log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
