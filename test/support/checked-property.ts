import fc from 'fast-check';
import { expect } from 'vitest';

/*
 * fast-check properties that say how many cases they checked. A case whose input the property
 * cannot use is rejected with fc.pre (fast-check then draws another, up to its skip limit) instead
 * of returning early, so `numRuns` cases are really checked — and the count is asserted, so a
 * generator that stopped making usable input fails the test instead of passing it vacuously.
 */

export interface CheckedRuns {
  readonly numRuns: number;
  readonly seed?: number;
  /** How many drawn cases may be rejected per checked one before fast-check gives up (its default: 100). */
  readonly maxSkipsPerRun?: number;
}

/** Asserts `predicate` for `runs.numRuns` usable cases of `arbitrary`; returns how many were checked. */
export function checkProperty<T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void, runs: CheckedRuns): number {
  let checked = 0;
  fc.assert(
    fc.property(arbitrary, (value) => {
      predicate(value);
      checked++;
    }),
    runs,
  );
  expect(checked, 'cases checked').toBe(runs.numRuns);
  return checked;
}

/** The same for an asynchronous predicate. */
export async function checkAsyncProperty<T>(
  arbitrary: fc.Arbitrary<T>,
  predicate: (value: T) => Promise<void>,
  runs: CheckedRuns,
): Promise<number> {
  let checked = 0;
  await fc.assert(
    fc.asyncProperty(arbitrary, async (value) => {
      await predicate(value);
      checked++;
    }),
    runs,
  );
  expect(checked, 'cases checked').toBe(runs.numRuns);
  return checked;
}
