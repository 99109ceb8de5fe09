// Mutation testing (`npm run mutate`, see scripts/mutate.mjs): how much of what src/ does would a
// test notice if it changed? Not part of `npm test` or CI: a whole run takes hours on two cores.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  // What the sandbox copy leaves out: builds, data, reports.
  ignorePatterns: ['dist', 'data', 'coverage', 'reports', '.scratch'],
  // Only the tests that ran a mutant's code run against it; vitest's `related` narrows the files further.
  coverageAnalysis: 'perTest',
  mutate: [
    'src/**/*.ts',
    // The Tellody stand-in is test equipment: the tests' oracle, not the product.
    '!src/tellody/sandbox/**',
    // Entry points: only ever run as their own process (npm run cli/demo, node dist/index.js), where
    // Stryker cannot switch a mutant on; their tests (test/integration/cli, demo, test/e2e) spawn them.
    '!src/cli.ts',
    '!src/demo.ts',
    '!src/index.ts',
    '!src/entry-point.ts',
    '!src/command-line.ts',
  ],
  // A static mutant (code run once as a module loads: phrase patterns, tables, ids) needs every
  // test file that imports its module, ~2 minutes each here: 1,312 in period/ alone would take two
  // days. They are left out of the score (reported as Ignored); table tests cover what they build.
  ignoreStatic: true,
  // Two cores shared by the team: one test process at a time.
  concurrency: 1,
  // A mutant that makes its tests take 1.5 times as long plus 5 s (an endless loop, mostly) counts as caught.
  timeoutMS: 5000,
  // event-recorder: each mutant's result as it comes (reports/mutation/events), for
  // `npm run mutate -- --survivors` while a run of hours is still going.
  reporters: ['clear-text', 'progress', 'html', 'json', 'event-recorder'],
  eventReporter: { baseDir: 'reports/mutation/events' },
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, reportScoreTable: true, reportMutants: false },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 85, low: 70, break: null },
};
