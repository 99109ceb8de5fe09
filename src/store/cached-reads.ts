import { LRUCache } from 'lru-cache';
import type { StoreChanges } from './changes.js';

export interface CachedReadsOptions {
  /** How many keys are kept at most. */
  readonly max: number;
  /** How long a copy is trusted without word of a change (word can be lost). */
  readonly ttlMs: number;
}

/**
 * Copies of stored values read recently, by store key, absences included. A write here drops
 * the copy and tells the other instances (StoreChanges) so they drop theirs; a read that
 * started before any change does not keep what it read.
 */
export class CachedReads<T> {
  private readonly copies: LRUCache<string, { readonly value: T | undefined }>;
  /** Bumped on every change heard: a read started before one may have read the old value. */
  private changesHeard = 0;

  constructor(
    private readonly changes: StoreChanges,
    options: CachedReadsOptions,
  ) {
    this.copies = new LRUCache({ max: options.max, ttl: options.ttlMs });
    changes.listen((key) => {
      // Stryker disable next-line UpdateOperator: equivalent, see docs/testing.md
      this.changesHeard++;
      if (key === null) this.copies.clear();
      else if (key.endsWith(':')) {
        for (const kept of [...this.copies.keys()]) if (kept.startsWith(key)) this.copies.delete(kept);
      } else this.copies.delete(key);
    });
  }

  async read(key: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
    const copy = this.copies.get(key);
    if (copy) return copy.value;
    const heard = this.changesHeard;
    const value = await load();
    if (heard === this.changesHeard) this.copies.set(key, { value });
    return value;
  }

  /** Writes (or deletes) through to the store, then has every instance drop its copy. */
  async write(key: string, save: () => Promise<void>): Promise<void> {
    try {
      await save();
    } finally {
      await this.changes.announce(key);
    }
  }
}
