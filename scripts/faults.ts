/**
 * `npm run faults`: the longer forms of the fault tests in test/e2e/fault-*.test.ts, each on the
 * built app (`node dist/index.js`, built first when stale), counting posts. Prints the results
 * table of docs/faults.md (markdown on stdout; progress on stderr). Minutes, not seconds: never
 * part of `npm test`.
 *
 *   --only kill,redis,clock,tellody   some parts (default: all four)
 *   --quick                           a smoke run: one or two of each, to see that every part works
 *   --kills N --restarts N --cycles N the number of SIGKILLs (30), Redis restarts (5), clock cycles (4)
 */
import setupBuild from '../test/global-setup.js';
import { clockSteps } from './faults/clock.js';
import type { FaultRow } from './faults/common.js';
import { killMidPost } from './faults/kill.js';
import { redisRestarts } from './faults/redis.js';
import { tellodyFaults } from './faults/tellody.js';

const args = process.argv.slice(2);
const value = (flag: string, fallback: number) => {
  const i = args.indexOf(flag);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const quick = args.includes('--quick');
const only = args.includes('--only') ? new Set(String(args[args.indexOf('--only') + 1]).split(',')) : null;
const wanted = (part: string) => !only || only.has(part);

setupBuild();
const started = Date.now();
const rows: FaultRow[] = [];
if (wanted('kill')) rows.push(...(await killMidPost(value('--kills', quick ? 2 : 30))));
if (wanted('redis')) rows.push(...(await redisRestarts(value('--restarts', quick ? 1 : 5))));
if (wanted('clock')) rows.push(...(await clockSteps(value('--cycles', quick ? 1 : 4))));
if (wanted('tellody'))
  rows.push(
    ...(await tellodyFaults(
      quick ? { commands: 5, retries: 2, alertChecks: 2 } : { commands: 100, retries: 5, alertChecks: 8 },
    )),
  );

const cell = (text: string) => text.replaceAll('|', '\\|');
console.log('| fault | tried | what happened | posts counted | data lost |');
console.log('|---|---|---|---|---|');
for (const row of rows)
  console.log(
    `| ${cell(row.fault)} | ${cell(row.tried)} | ${cell(row.happened)} | ${cell(row.posts)} | ${cell(row.lost)} |`,
  );
process.stderr.write(`faults: ${Math.round((Date.now() - started) / 1000)} s\n`);
