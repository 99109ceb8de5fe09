/** `npm run bench`: speed and memory of the hot paths. Numbers to compare between commits, never assertions. */
import { benchDigest } from './digest.bench.js';
import { QUICK } from './harness.js';
import { benchPeriod } from './period.bench.js';
import { benchReport } from './report.bench.js';
import { benchSlack } from './slack.bench.js';
import { benchTellody } from './tellody.bench.js';

console.log(
  `node ${process.version}, ${new Date().toISOString()}${QUICK ? ' (--quick: a smoke run, numbers not meaningful)' : ''}`,
);
await benchPeriod();
await benchTellody();
await benchReport();
await benchSlack();
await benchDigest();
