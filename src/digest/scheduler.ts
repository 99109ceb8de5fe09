import { Cron } from 'croner';
import pLimit from 'p-limit';
import type { DigestDeps } from './deps.js';
import { type DigestResult, runScheduledDigest } from './run-digest.js';

/** Every minute, at second 0. */
export const EVERY_MINUTE = '0 * * * * *';

export interface TickResult {
  readonly workspace: string;
  readonly result: DigestResult | { readonly outcome: 'failed' };
}

/**
 * Runs due digests with bounded concurrency. A workspace still being worked on from an earlier
 * tick is skipped, so a slow one (Tellody timing out) holds one slot and never the others; an
 * error in one is logged and the batch goes on.
 */
export class DigestRunner {
  private readonly limit: ReturnType<typeof pLimit>;
  private readonly inFlight = new Set<string>();

  constructor(private readonly deps: DigestDeps) {
    this.limit = pLimit(deps.concurrency);
  }

  /** Looks at every workspace with a digest as of `deps.now()`; resolves when this tick's work is done. */
  async tick(): Promise<TickResult[]> {
    const workspaces = (await this.deps.digests.enrolled()).filter((id) => !this.inFlight.has(id));
    for (const id of workspaces) this.inFlight.add(id);
    return Promise.all(workspaces.map((id) => this.limit(() => this.runOne(id))));
  }

  private async runOne(workspace: string): Promise<TickResult> {
    try {
      return { workspace, result: await runScheduledDigest(this.deps, workspace) };
    } catch (error) {
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      this.deps.logger.error(`digest ${workspace} failed: ${detail}`);
      return { workspace, result: { outcome: 'failed' } };
    } finally {
      this.inFlight.delete(workspace);
    }
  }
}

export interface RunningScheduler {
  /** Stops ticking and waits for work under way (bounded by the caller's patience, not ours). */
  stop(): Promise<void>;
}

/**
 * The thin trigger: croner calls the runner every minute (and once at start, to catch up after
 * downtime). Ticks overlap freely: the runner skips what is already under way.
 */
export function startDigestScheduler(
  runner: DigestRunner,
  options: { pattern?: string; onError: (e: unknown) => void },
) {
  const running = new Set<Promise<unknown>>();
  const trigger = () => {
    const work = runner
      .tick()
      .catch(options.onError)
      .finally(() => running.delete(work));
    running.add(work);
  };
  const job = new Cron(options.pattern ?? EVERY_MINUTE, { catch: options.onError }, trigger);
  trigger();
  return {
    async stop() {
      job.stop();
      await Promise.allSettled([...running]);
    },
  } satisfies RunningScheduler;
}
