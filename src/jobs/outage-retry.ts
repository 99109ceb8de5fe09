import { isStoreOutage } from '../store/open-store.js';

/** Waits between tries: about a minute in all, longer than a Redis restart or failover takes. */
export const OUTAGE_DELAYS_MS: readonly number[] = [250, 500, 1000, 2000, 4000, 8000, 8000, 8000, 8000, 8000, 8000];

/**
 * Runs a store write that must not be lost to a passing outage — that a post is on its way, or
 * that Slack took it (a lost "posted" would look like a post that may not have gone out) — trying
 * again while the store does not answer. Any other error, or an outage that outlasts the delays,
 * is thrown.
 */
export async function throughStoreOutage<T>(
  write: () => Promise<T>,
  options: { delaysMs?: readonly number[]; onOutage?: (error: unknown) => void } = {},
): Promise<T> {
  const delays = options.delaysMs ?? OUTAGE_DELAYS_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      const delay = delays[attempt];
      if (delay === undefined || !isStoreOutage(error)) throw error;
      options.onOutage?.(error);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
