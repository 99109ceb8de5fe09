import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

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
  'test/integration/alerts/two-instances.test.ts',
];

/**
 * Fastest test files first. Stryker stops a mutant's run at its first failing test, so a mutant
 * the quick unit tests catch is settled in a second instead of after the slow integration files
 * (vitest's own order runs the slowest first, which is right for a whole suite, not for this).
 */
class FastestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cost = (file: TestSpecification) => {
      const key = `${file.project.name}:${relative(this.ctx.config.root, file.moduleId)}`;
      const known = this.ctx.cache.getFileTestResults(key)?.duration;
      // Unknown durations: unit tests before integration tests, smaller files first.
      return (
        known ??
        (file.moduleId.includes('/test/unit/') ? 0 : 10_000) + (this.ctx.cache.getFileStats(key)?.size ?? 0) / 100
      );
    };
    return [...files].sort((a, b) => cost(a) - cost(b));
  }
}

/** `npm run mutate -- period` narrows the run to that folder's own tests (see scripts/mutate.mjs). */
const only = process.env.MUTATION_TESTS?.split(',').filter(Boolean);

export default defineConfig({
  test: {
    include: only?.length ? only : ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...SPAWNING_TESTS],
    // Stryker runs the covering tests once per mutant: sharing loaded modules between test files
    // (instead of importing Bolt, Luxon, chrono… again for each) is most of a run's speed. Mutants
    // are switched on at run time, so nothing a mutant changes outlives its run.
    isolate: false,
    // …which is also why period/'s memos are emptied before each test (test/support/mutation-setup.ts).
    setupFiles: ['test/support/mutation-setup.ts'],
    sequence: { sequencer: FastestFirst },
    // Instrumented code is slower: the clock-change oracle alone takes ~20 s under Stryker.
    testTimeout: 90_000,
    hookTimeout: 30_000,
  },
});
