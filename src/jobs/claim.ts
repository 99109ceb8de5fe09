import type { JobNeeds } from './job-needs.js';

/**
 * Runs `work` holding `key` (Redis `SET NX PX` / the SQLite upsert, see store/claims.ts), or does
 * nothing when another instance holds it. The claim is let go afterwards; if that fails, it lapses
 * with its lease. `work` gets the moment the claim was taken (performance.now()), for `pastHalfLease`.
 */
export async function holdingClaim<T>(
  deps: Pick<JobNeeds, 'claims' | 'owner' | 'leaseMs' | 'logger'>,
  key: string,
  work: (claimedAt: number) => Promise<T>,
): Promise<T | 'claimed-elsewhere'> {
  if (!(await deps.claims.claim(key, deps.owner, deps.leaseMs))) return 'claimed-elsewhere';
  const claimedAt = performance.now();
  try {
    return await work(claimedAt);
  } finally {
    await deps.claims.release(key, deps.owner).catch((error: unknown) => {
      deps.logger.warn(`releasing ${key} failed (it lapses with its lease): ${String(error)}`);
    });
  }
}

/**
 * Past half the lease another instance may soon take the claim over: a holder starts no post
 * after that, and leaves the work to whoever comes next rather than risk posting twice.
 */
export function pastHalfLease(claimedAt: number, leaseMs: number): boolean {
  return performance.now() - claimedAt > leaseMs / 2;
}
