/**
 * `npm run bench`: speed and memory of the hot paths. Numbers to compare between commits, never assertions.
 *
 *   --quick          a smoke run of a few seconds (CI): every part runs, the numbers mean little
 *   --json <file>    also write every number to a file
 *   --only a,b       only these parts: micro, table, cold, digest, due (the default is these five), soak, burst, profile
 *   --soak           add the memory soak (100,000 commands over 1,000 workspaces at 500/s; minutes)
 *   --soak-flags "…" node's flags for the soaked (and burst) app in place of npm start's ("none": V8's own sizing)
 *   --soak-commands N, --soak-rate N   a shorter or faster soak (default 100000 at 500/s)
 *   --burst          add the burst: 2,000 commands a second for 10 s, more than the app can answer (memory, and who was told to wait)
 *   --table-flags "a;b"  the table's extra SQLite rows: node's flags in place of npm start's, sets split by ";"
 *                    (default "none": V8's own heap sizing, so the table shows what npm start's flags cost)
 *   --profile        add a CPU profile of the built app under load (node --cpu-prof), summarized
 *   --no-redis       leave out the Redis rows (the SQLite app and the anchors only)
 *   --stores a,b     the cold runs, the soak and the burst on these stores only: SQLite, Redis (default both)
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import setupBuild from '../test/global-setup.js';
import { START_FLAGS } from '../test/support/app-process.js';
import { benchDigest } from './digest.bench.js';
import { benchDueIndex, type DueIndexRow, type FanOut } from './due.bench.js';
import { QUICK } from './harness.js';
import { type BurstResult, benchBurst } from './load/burst.js';
import { benchCold, type ColdRow } from './load/cold.js';
import { startRedis, startSandbox, startStandIn } from './load/fleet.js';
import { type NpmStartOverhead, npmStartOverhead } from './load/npm-start.js';
import { benchProfile } from './load/profile.js';
import { benchSoak, type SoakResult } from './load/soak.js';
import { benchVersusAnchor, type VersusAnchor } from './load/versus-anchor.js';
import { benchPeriod } from './period.bench.js';
import { benchReport } from './report.bench.js';
import { benchTellody } from './tellody.bench.js';

const args = process.argv.slice(2);
const flagValue = (flag: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const parts = new Set((flagValue('--only') ?? 'micro,table,cold,digest,due').split(','));
if (args.includes('--soak')) parts.add('soak');
if (args.includes('--burst')) parts.add('burst');
if (args.includes('--profile')) parts.add('profile');

const load = () =>
  loadavg()
    .map((v) => v.toFixed(2))
    .join(' ');
const machine = {
  node: process.version,
  cores: availableParallelism(),
  loadAtStart: load(),
  npmStart: ['node', ...START_FLAGS, 'dist/index.js'].join(' '),
};
console.log(
  `node ${machine.node}, ${machine.cores} cores, load average ${machine.loadAtStart}, ${new Date().toISOString()}${QUICK ? ' (--quick: a smoke run, numbers not meaningful)' : ''}\nnpm start runs: ${machine.npmStart}`,
);

if (parts.has('micro')) {
  await benchPeriod();
  await benchTellody();
  await benchReport();
}

const results: {
  table?: VersusAnchor;
  cold?: ColdRow[];
  soak?: SoakResult[];
  burst?: BurstResult[];
  npmStart?: NpmStartOverhead;
  dueIndex?: { ticks: DueIndexRow[]; fanOut: FanOut };
} = {};
if (['table', 'cold', 'soak', 'burst', 'profile'].some((part) => parts.has(part))) {
  setupBuild(); // the load runs drive dist/, as production runs it: build it when it is missing or stale
  const standIn = await startStandIn();
  const sandbox = await startSandbox({ zone: 'Europe/Athens' });
  const redis = QUICK || args.includes('--no-redis') ? null : await startRedis();
  const only = flagValue('--stores')?.toLowerCase().split(',');
  const stores = [{ store: 'SQLite' }, ...(redis ? [{ store: 'Redis', storeUrl: redis.url }] : [])].filter(
    (store) => !only || only.includes(store.store.toLowerCase()),
  );
  try {
    if (parts.has('table')) {
      // What npm start's node flags cost is the distance between its row and these (default: none, V8's own sizing).
      const others = (flagValue('--table-flags') ?? 'none')
        .split(';')
        .map((set) => set.split(' ').filter((f) => f && f !== 'none'));
      results.table = await benchVersusAnchor(standIn, sandbox, redis?.url, others);
    }
    if (parts.has('cold')) {
      console.log('');
      results.cold = [];
      for (const store of stores)
        results.cold.push(...(await benchCold(standIn, sandbox, { ...store, latencies: [0, 50, 200] })));
    }
    if (parts.has('profile')) await benchProfile(standIn, sandbox, { seconds: QUICK ? 1 : 10 });
    const flags = flagValue('--soak-flags');
    const startFlags = flags === undefined ? {} : { startFlags: flags.split(' ').filter((f) => f && f !== 'none') };
    if (parts.has('soak')) {
      console.log('');
      results.soak = [];
      const commands = Number(flagValue('--soak-commands')) || undefined;
      const ratePerSecond = Number(flagValue('--soak-rate')) || undefined;
      for (const store of stores)
        results.soak.push(
          await benchSoak(standIn, sandbox, {
            ...store,
            ...startFlags,
            ...(commands ? { commands } : {}),
            ...(ratePerSecond ? { ratePerSecond } : {}),
          }),
        );
    }
    if (parts.has('burst')) {
      console.log('');
      results.burst = [];
      for (const store of stores) results.burst.push(await benchBurst(standIn, sandbox, { ...store, ...startFlags }));
    }
    if (parts.has('soak') || parts.has('burst')) {
      // A container running `npm start` (not the Procfile, which starts node itself) holds these beside the app.
      const npm = await npmStartOverhead(standIn, sandbox);
      results.npmStart = npm;
      console.log(
        `\nnpm start keeps npm (${npm.npmMiB.toFixed(0)} MiB RSS as the app starts serving, ${npm.npmSettledMiB.toFixed(0)} MiB 15 s later) and its shell (${npm.shellMiB.toFixed(1)} MiB) resident beside the app`,
      );
    }
  } finally {
    await redis?.stop();
    await sandbox.close();
    await standIn.stop();
  }
}

if (parts.has('digest')) await benchDigest();
if (parts.has('due')) results.dueIndex = await benchDueIndex({ redis: !args.includes('--no-redis') });

const jsonFile = flagValue('--json');
if (jsonFile) {
  writeFileSync(jsonFile, `${JSON.stringify({ ...machine, loadAtEnd: load(), quick: QUICK, ...results }, null, 2)}\n`);
  console.log(`\nnumbers written to ${jsonFile}`);
}
console.log(`load average at the end: ${load()}`);
