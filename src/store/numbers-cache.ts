import { createHash } from 'node:crypto';
import type { WindowRequest } from '../period/index.js';
import type { ContactChart } from '../tellody/tellody-types.js';
import { workspaceKey } from './keys.js';
import type { Store } from './open-store.js';

export interface NumbersCacheEntry {
  readonly chart: ContactChart;
  readonly fetchedAt: number;
}

const fingerprints = new Map<string, string>();

/** A short, stable stand-in for the Tellody account: the key must change when the account does. Kept: asked per window. */
export function accountFingerprint(accountId: string): string {
  let fingerprint = fingerprints.get(accountId);
  if (fingerprint === undefined) {
    fingerprint = createHash('sha256').update(accountId).digest('base64url').slice(0, 16);
    if (fingerprints.size >= 1000) fingerprints.clear();
    fingerprints.set(accountId, fingerprint);
  }
  return fingerprint;
}

/**
 * Tellody charts by workspace, account and exact window. A cache may lose things: a failed read
 * is a miss and a failed write is skipped, and the report goes on (reported to `onError`).
 */
export class NumbersCache {
  constructor(
    private readonly store: Store,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  key(workspace: string, accountId: string, request: WindowRequest): string {
    const { from, to, unit, window, dow } = request;
    return workspaceKey(workspace, 'chart', accountFingerprint(accountId), window, unit, dow, from, to);
  }

  async get(key: string): Promise<NumbersCacheEntry | undefined> {
    try {
      return (await this.store.keyv.get<NumbersCacheEntry>(key)) ?? undefined;
    } catch (error) {
      this.onError(error);
      return undefined;
    }
  }

  async set(key: string, entry: NumbersCacheEntry, ttlMs: number | undefined): Promise<void> {
    try {
      await this.store.keyv.set(key, entry, ttlMs);
    } catch (error) {
      this.onError(error);
    }
  }
}
