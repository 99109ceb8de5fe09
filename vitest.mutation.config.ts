import { defineConfig } from 'vitest/config';

/**
 * The suite as Stryker runs it (`npm run mutate`). A mutant is switched on only inside the vitest
 * worker, so tests that start another process (the built app, `npm run cli`/`demo`/`sandbox`, the
 * digest scheduler's instances) run unmutated code there and cannot kill anything: they are left
 * out, and so is the global set-up that builds dist/ for them. `npm test` runs all of them.
 */
export const SPAWNING_TESTS = [
  'test/e2e/**',
  'test/integration/cli.test.ts',
  'test/integration/demo.test.ts',
  'test/integration/tellody/sandbox-cli.test.ts',
  'test/integration/digest/two-instances.test.ts',
];

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...SPAWNING_TESTS],
    // Stryker runs the covering tests once per mutant: sharing loaded modules between test files
    // (instead of importing Bolt, Luxon, chrono… again for each) is most of a run's speed. Mutants
    // are switched on at run time, so nothing a mutant changes outlives its run.
    isolate: false,
    // Instrumented code is slower: the clock-change oracle alone takes ~20 s under Stryker.
    testTimeout: 90_000,
    hookTimeout: 30_000,
  },
});
