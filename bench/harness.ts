/** A tiny benchmark harness: warm up, run for a fixed time, report operations per second and retained heap growth (run with --expose-gc). */
export interface BenchResult {
  readonly name: string;
  readonly opsPerSecond: number;
  readonly meanMicros: number;
  /** CPU time per operation (user + system, all threads): steadier than wall time on a shared machine. */
  readonly cpuMicros: number;
  readonly heapDeltaMiB: number;
}

/** `npm run bench -- --quick`: a few seconds in all, to prove every benchmark still runs (CI); the numbers mean little. */
export const QUICK = process.argv.includes('--quick');

export async function measure(name: string, op: () => unknown, durationMs = 1500): Promise<BenchResult> {
  if (QUICK) durationMs = 100;
  for (let i = 0; i < (QUICK ? 5 : 200); i++) await op();
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let ops = 0;
  while (performance.now() - started < durationMs) {
    for (let i = 0; i < 50; i++) await op();
    ops += 50;
  }
  const elapsed = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  globalThis.gc?.();
  const result = {
    name,
    opsPerSecond: Math.round((ops / elapsed) * 1000),
    meanMicros: Math.round((elapsed / ops) * 1000 * 10) / 10,
    cpuMicros: Math.round(((cpu.user + cpu.system) / ops) * 10) / 10,
    heapDeltaMiB: Math.round(((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20) * 10) / 10,
  };
  console.log(
    `${name.padEnd(58)} ${String(result.opsPerSecond).padStart(7)} ops/s ${String(result.meanMicros).padStart(8)} µs/op ${String(result.cpuMicros).padStart(8)} µs CPU/op  heap ${result.heapDeltaMiB >= 0 ? '+' : ''}${result.heapDeltaMiB} MiB`,
  );
  return result;
}
