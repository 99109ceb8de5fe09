/**
 * The Tellody sandbox in a process of its own, for benchmarks: Tellody is another machine in
 * production, so its work must not share the measured app's event loop. BENCH_ACCOUNTS accounts
 * `acct<i>` / `pw-<i>`, BENCH_LATENCY_MS per request, the clock pinned to BENCH_NOW (ISO).
 * Prints the base URL on stdout; stops on SIGTERM.
 */

import { startSandbox } from '../src/tellody/sandbox/server.js';
import { benchAccount } from './digest-accounts.js';

const now = Date.parse(process.env.BENCH_NOW ?? '');
const sandbox = await startSandbox({
  now: () => now,
  accounts: Array.from({ length: Number(process.env.BENCH_ACCOUNTS ?? 1) }, (_, i) => benchAccount(i)),
  faults: { latencyMs: Number(process.env.BENCH_LATENCY_MS ?? 0) },
});
process.stdout.write(`${sandbox.baseUrl}\n`);
process.once('SIGTERM', () => {
  if (process.env.BENCH_SANDBOX_CPU) {
    const { user, system } = process.cpuUsage();
    process.stderr.write(`sandbox CPU ${((user + system) / 1000).toFixed(0)} ms\n`);
  }
  void sandbox.close().finally(() => process.exit(0));
});
