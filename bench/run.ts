/**
 * `npm run bench`: speed and memory of the hot paths. Numbers to compare between commits, never assertions.
 *
 *   --quick          a smoke run of a few seconds (CI): every part runs, the numbers mean little
 *   --json <file>    also write every number to a file
 *   --only a,b       only these parts: micro, table, cold, digest (the default is these four), soak, profile
 *   --soak           add the memory soak (100,000 commands over 1,000 workspaces at 500/s; minutes)
 *   --soak-flags "…" V8 flags for the soaked app (e.g. "--max-old-space-size=128"), as NODE_OPTIONS would give them
 *   --profile        add a CPU profile of the built app under load (node --cpu-prof), summarized
 *   --no-redis       leave out the Redis rows (the SQLite app and the anchors only)
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import setupBuild from '../test/global-setup.js';
import { benchDigest } from './digest.bench.js';
import { QUICK } from './harness.js';
import { benchCold, type ColdRow } from './load/cold.js';
import { startRedis, startSandbox, startStandIn } from './load/fleet.js';
import { benchProfile } from './load/profile.js';
import { benchSoak, type SoakResult } from './load/soak.js';
import { benchVersusAnchor, type VersusAnchor } from './load/versus-anchor.js';
import { benchPeriod } from './period.bench.js';
import { benchReport } from './report.bench.js';
import { benchTellody } from './tellody.bench.js';

const args = process.argv.slice(2);
/** V8 heap flags for a small deployment (NODE_OPTIONS allows both): what they cost in CPU is a row of the table. */
const SMALL_HEAP = ['--max-old-space-size=128', '--max-semi-space-size=4'];
const flagValue = (flag: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const parts = new Set((flagValue('--only') ?? 'micro,table,cold,digest').split(','));
if (args.includes('--soak')) parts.add('soak');
if (args.includes('--profile')) parts.add('profile');

const load = () =>
  loadavg()
    .map((v) => v.toFixed(2))
    .join(' ');
const machine = { node: process.version, cores: availableParallelism(), loadAtStart: load() };
console.log(
  `node ${machine.node}, ${machine.cores} cores, load average ${machine.loadAtStart}, ${new Date().toISOString()}${QUICK ? ' (--quick: a smoke run, numbers not meaningful)' : ''}`,
);

if (parts.has('micro')) {
  await benchPeriod();
  await benchTellody();
  await benchReport();
}

const results: { table?: VersusAnchor; cold?: ColdRow[]; soak?: SoakResult[] } = {};
if (['table', 'cold', 'soak', 'profile'].some((part) => parts.has(part))) {
  setupBuild(); // the load runs drive dist/, as production runs it: build it when it is missing or stale
  const standIn = await startStandIn();
  const sandbox = await startSandbox({ zone: 'Europe/Athens' });
  const redis = QUICK || args.includes('--no-redis') ? null : await startRedis();
  const stores = [{ store: 'SQLite' }, ...(redis ? [{ store: 'Redis', storeUrl: redis.url }] : [])];
  try {
    if (parts.has('table')) results.table = await benchVersusAnchor(standIn, sandbox, redis?.url, SMALL_HEAP);
    if (parts.has('cold')) {
      console.log('');
      results.cold = [];
      for (const store of stores)
        results.cold.push(...(await benchCold(standIn, sandbox, { ...store, latencies: [0, 50, 200] })));
    }
    if (parts.has('profile')) await benchProfile(standIn, sandbox, { seconds: QUICK ? 1 : 10 });
    if (parts.has('soak')) {
      console.log('');
      results.soak = [];
      const v8Flags = flagValue('--soak-flags')?.split(' ').filter(Boolean);
      for (const store of stores)
        results.soak.push(await benchSoak(standIn, sandbox, { ...store, ...(v8Flags ? { v8Flags } : {}) }));
    }
  } finally {
    await redis?.stop();
    await sandbox.close();
    await standIn.stop();
  }
}

if (parts.has('digest')) await benchDigest();

const jsonFile = flagValue('--json');
if (jsonFile) {
  writeFileSync(jsonFile, `${JSON.stringify({ ...machine, loadAtEnd: load(), quick: QUICK, ...results }, null, 2)}\n`);
  console.log(`\nnumbers written to ${jsonFile}`);
}
console.log(`load average at the end: ${load()}`);
