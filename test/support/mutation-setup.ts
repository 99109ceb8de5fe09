import fc from 'fast-check';
import { beforeEach } from 'vitest';
import { forgetMemos } from '../../src/period/memos.js';

/*
 * Mutation runs only (vitest.mutation.config.ts): every test starts without period/'s memos, so
 * each runs the calendar and phrase code it relies on. Stryker counts a test as covering a mutant
 * only if it ran that code, and runs only covering tests; with a memo filled by an earlier test
 * (or an earlier mutant's run, modules being shared), the code would go untested.
 */
beforeEach(() => {
  forgetMemos();
});

/*
 * A property that fails has caught the mutant: the smallest counterexample is for people reading
 * a failure, and shrinking one can outlast Stryker's timeout (label.ts mutants that every property
 * test caught were counted as timeouts after 15–30 s each of shrinking).
 */
fc.configureGlobal({ ...fc.readConfigureGlobal(), endOnFailure: true });
