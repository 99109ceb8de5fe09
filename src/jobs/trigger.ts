import { Cron } from 'croner';

export interface RunningTrigger {
  /** Stops ticking and waits for work under way (bounded by the caller's patience, not ours). */
  stop(): Promise<void>;
}

/** What the trigger drives: a job's runner (workspace-runner.ts). */
export interface TriggeredRunner {
  tick(): Promise<unknown>;
  reconcile(): Promise<unknown>;
  sweepIfDue(): Promise<unknown>;
}

/** How often each instance asks whether the safety sweep is due (one instance a period does it). */
export const SWEEP_TRY_PATTERN = '0 */10 * * * *';

/**
 * The thin trigger: croner calls the runner on its job's `pattern`, and once at start to catch up
 * after downtime — after indexing what a store written before the due index holds unindexed —
 * then offers the safety sweep, again every ten minutes; one instance a period takes it. Ticks
 * overlap freely: the runner skips what is already under way.
 */
export function startTrigger(
  runner: TriggeredRunner,
  options: { pattern: string; onError: (e: unknown) => void },
): RunningTrigger {
  const running = new Set<Promise<unknown>>();
  // Until indexing at start has worked once (the store may be away then), each sweep offer tries it first.
  let reconciled = false;
  const reconcile = async () => {
    if (reconciled) return;
    await runner.reconcile();
    reconciled = true;
  };
  const track = (work: () => Promise<unknown>) => {
    const done = work()
      .catch(options.onError)
      .finally(() => running.delete(done));
    running.add(done);
  };
  const tick = new Cron(options.pattern, { catch: options.onError }, () => track(() => runner.tick()));
  const sweep = new Cron(SWEEP_TRY_PATTERN, { catch: options.onError }, () =>
    track(async () => {
      await reconcile();
      await runner.sweepIfDue();
    }),
  );
  track(async () => {
    await reconcile().catch(options.onError);
    await runner.tick().catch(options.onError);
    await runner.sweepIfDue();
  });
  return {
    async stop() {
      tick.stop();
      sweep.stop();
      await Promise.allSettled([...running]);
    },
  } satisfies RunningTrigger;
}
