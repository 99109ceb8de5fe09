// `npm run mutate [-- folder … [options]]`: Stryker over src/ (stryker.config.mjs), or
// over the named folders of src/ only (`npm run mutate -- period views`). Afterwards prints the
// mutation score of every folder the run covered, and keeps each folder's latest result in
// reports/mutation/scores.json so per-folder runs add up to one table (`npm run mutate -- --scores`).
// `npm run mutate -- --survivors [filter]` lists what survived so far while a run is going.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const reportFile = `${root}reports/mutation/mutation.json`;
const scoresFile = `${root}reports/mutation/scores.json`;

const args = process.argv.slice(2);
// Folder names first, then options (ours, or Stryker's: `npm run mutate -- views --concurrency 2`).
const firstOption = args.findIndex((arg) => arg.startsWith('-'));
const folders = firstOption === -1 ? args : args.slice(0, firstOption);
const strykerArgs = (firstOption === -1 ? [] : args.slice(firstOption)).filter(
  (arg) => arg !== '--scores' && arg !== '--all-tests',
);

/**
 * A folder's own tests: a mutant in src/period/ runs against test/unit/period/, not against every
 * integration test that happens to call the calendar (a whole-suite run per mutant takes minutes
 * on two shared cores). A score measured this way is a lower bound of the whole suite's; pass
 * --all-tests to measure with everything.
 */
const OWN_TESTS = {
  period: ['test/unit/period/**/*.test.ts'],
  report: ['test/unit/report/**/*.test.ts', 'test/integration/report/**/*.test.ts'],
  store: ['test/unit/store/**/*.test.ts', 'test/integration/store/**/*.test.ts'],
  views: ['test/unit/views/**/*.test.ts', 'test/integration/views/**/*.test.ts'],
  slack: [
    'test/integration/slack/**/*.test.ts',
    'test/unit/app/**/*.test.ts',
    'test/unit/redacting-logger.test.ts',
    // Not test/unit/manifest.test.ts: it reads src/ as text, which Stryker's sandbox holds instrumented.
  ],
  digest: ['test/unit/digest/**/*.test.ts', 'test/integration/digest/**/*.test.ts'],
  tellody: ['test/integration/tellody/**/*.test.ts'],
  alerts: ['test/unit/alerts/**/*.test.ts', 'test/integration/alerts/**/*.test.ts'],
  present: ['test/integration/present/**/*.test.ts'],
  http: ['test/integration/http/**/*.test.ts'],
};
const ownTests = args.includes('--all-tests') ? [] : folders.flatMap((folder) => OWN_TESTS[folder] ?? []);
const tested = folders.every((folder) => OWN_TESTS[folder]) ? ownTests : [];

/** `src/period/calendar.ts` → `period`; top-level files → `(src)`. */
function folderOf(file) {
  const parts = file
    .replace(/\\/g, '/')
    .replace(/^.*?src\//, '')
    .split('/');
  return parts.length > 1 ? parts[0] : '(src)';
}

/** Killed + timed out over all mutants that tests could have caught (errors and ignored ones left out). */
function tally(files) {
  const byFolder = {};
  for (const [file, { mutants }] of Object.entries(files)) {
    const folder = folderOf(file);
    byFolder[folder] ??= { killed: 0, timeout: 0, survived: 0, noCoverage: 0, other: 0 };
    const row = byFolder[folder];
    for (const { status } of mutants) {
      if (status === 'Killed') row.killed++;
      else if (status === 'Timeout') row.timeout++;
      else if (status === 'Survived') row.survived++;
      else if (status === 'NoCoverage') row.noCoverage++;
      else row.other++;
    }
  }
  for (const row of Object.values(byFolder)) {
    const detected = row.killed + row.timeout;
    const total = detected + row.survived + row.noCoverage;
    row.score = total === 0 ? null : Math.round((detected / total) * 10_000) / 100;
  }
  return byFolder;
}

function printTable(rows) {
  console.log('\nfolder      score   killed  timeout  survived  no cov  tests  run at (s)');
  for (const [folder, r] of Object.entries(rows).sort()) {
    const score = r.score === null ? '   n/a' : `${r.score.toFixed(2).padStart(6)}`;
    const when = r.at ? `${r.at.slice(0, 16)} (${r.seconds})` : '';
    console.log(
      `${folder.padEnd(10)} ${score}  ${String(r.killed).padStart(7)}  ${String(r.timeout).padStart(7)}  ${String(
        r.survived,
      ).padStart(8)}  ${String(r.noCoverage).padStart(6)}  ${(r.tests ?? 'all').padEnd(5)}  ${when}`,
    );
  }
}

function readScores() {
  return existsSync(scoresFile) ? JSON.parse(readFileSync(scoresFile, 'utf8')) : {};
}

/**
 * `npm run mutate -- --survivors [path filter]`: the mutants no test caught so far, while a run is
 * still going (Stryker writes the HTML and JSON reports only at its end; its event recorder writes
 * each mutant's result as it comes, to reports/mutation/events). One line per mutant with its source line.
 */
function printSurvivors(filter) {
  const dir = `${root}reports/mutation/events`;
  if (!existsSync(dir)) return console.error('npm run mutate: no run has recorded results yet');
  const sources = new Map();
  const sourceLine = (file, n) => {
    if (!sources.has(file)) sources.set(file, readFileSync(file, 'utf8').split('\n'));
    return sources.get(file)[n - 1]?.trim().slice(0, 110);
  };
  const counts = {};
  const rows = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('onMutantTested.json')) continue;
    const mutant = JSON.parse(readFileSync(`${dir}/${name}`, 'utf8'));
    counts[mutant.status] = (counts[mutant.status] ?? 0) + 1;
    if (!['Survived', 'NoCoverage'].includes(mutant.status) || !mutant.fileName.includes(filter)) continue;
    const line = mutant.location.start.line;
    const file = mutant.fileName.replace(/^.*?src\//, '');
    const replacement = String(mutant.replacement).replace(/\s+/g, ' ').slice(0, 70);
    rows.push(
      `${file}:${line} ${mutant.status === 'Survived' ? 'survived' : 'not covered'} ${mutant.mutatorName} → ${replacement}\n    ${sourceLine(mutant.fileName, line)}`,
    );
  }
  rows.sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  console.log(rows.join('\n'));
  console.log(counts);
}

if (args.includes('--scores')) {
  printTable(readScores());
  process.exit(0);
}
if (args[0] === '--survivors') {
  printSurvivors(args[1] ?? '');
  process.exit(0);
}

for (const folder of folders) {
  if (!existsSync(`${root}src/${folder}`)) {
    console.error(`npm run mutate: there is no folder src/${folder} (try: period, report, store, views, slack)`);
    process.exit(2);
  }
}
const globs = folders.flatMap((folder) =>
  folder === 'tellody' ? [`src/${folder}/**/*.ts`, `!src/${folder}/sandbox/**`] : [`src/${folder}/**/*.ts`],
);
const mutate = folders.length > 0 ? ['--mutate', globs.join(',')] : [];
// Each folder keeps its own incremental file: a run after a merge re-tests only the mutants whose
// code or covering tests changed.
const incremental = [
  '--incremental',
  '--incrementalFile',
  `reports/mutation/${folders.join('+') || 'all'}${tested.length > 0 ? '' : '.all-tests'}.incremental.json`,
];
const started = Date.now();
const run = spawnSync(
  process.execPath,
  [`${root}node_modules/@stryker-mutator/core/bin/stryker.js`, 'run', ...mutate, ...incremental, ...strykerArgs],
  { cwd: root, stdio: 'inherit', env: { ...process.env, MUTATION_TESTS: tested.join(',') } },
);
const seconds = Math.round((Date.now() - started) / 1000);
if (run.status !== 0 || !existsSync(reportFile)) process.exit(run.status ?? 1);

const rows = tally(JSON.parse(readFileSync(reportFile, 'utf8')).files);
const at = new Date(started).toISOString();
const tests = tested.length > 0 ? 'own' : 'all';
for (const row of Object.values(rows)) Object.assign(row, { at, seconds, tests });
printTable(rows);
const name = folders.join('+') || 'all';
copyFileSync(`${root}reports/mutation/index.html`, `${root}reports/mutation/${name}.html`);
console.log(`\n${seconds} s; HTML report: reports/mutation/${name}.html`);
mkdirSync(`${root}reports/mutation`, { recursive: true });
writeFileSync(scoresFile, `${JSON.stringify({ ...readScores(), ...rows }, null, 2)}\n`);
