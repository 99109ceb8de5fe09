import { createHash } from 'node:crypto';
import { TellodyClient } from './client.js';
import type { TellodyCredentials } from './tellody-types.js';

/**
 * One Tellody client, so one session, per base URL and set of credentials: every workspace on the
 * same account shares a login; changed credentials get a fresh client. A cache that may be lost.
 */
export class TellodyPool {
  private readonly clients = new Map<string, TellodyClient>();

  constructor(
    readonly baseUrl: string,
    private readonly options: { fetch: typeof fetch },
  ) {}

  clientFor(credentials: TellodyCredentials, overrides: { timeoutMs?: number } = {}): TellodyClient {
    const key = createHash('sha256')
      .update(`${this.baseUrl}\n${credentials.username}\n${credentials.password}`)
      .digest('hex');
    const pooled = overrides.timeoutMs === undefined ? this.clients.get(key) : undefined;
    if (pooled) return pooled;
    const client = new TellodyClient({
      baseUrl: this.baseUrl,
      credentials,
      fetch: this.options.fetch,
      ...overrides,
    });
    if (overrides.timeoutMs === undefined) {
      if (this.clients.size >= 1000) this.clients.clear();
      this.clients.set(key, client);
    }
    return client;
  }
}
