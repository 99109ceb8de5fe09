import { Cron } from 'croner';

export interface RunningTrigger {
  /** Stops ticking and waits for work under way (bounded by the caller's patience, not ours). */
  stop(): Promise<void>;
}

/**
 * The thin trigger: croner calls the runner on its job's `pattern` (and once at start, to catch
 * up after downtime). Ticks overlap freely: the runner skips what is already under way.
 */
export function startTrigger(
  runner: { tick(): Promise<unknown> },
  options: { pattern: string; onError: (e: unknown) => void },
): RunningTrigger {
  const running = new Set<Promise<unknown>>();
  const trigger = () => {
    const work = runner
      .tick()
      .catch(options.onError)
      .finally(() => running.delete(work));
    running.add(work);
  };
  const job = new Cron(options.pattern, { catch: options.onError }, trigger);
  trigger();
  return {
    async stop() {
      job.stop();
      await Promise.allSettled([...running]);
    },
  } satisfies RunningTrigger;
}
