import { Cron } from 'croner';
import pLimit from 'p-limit';
import type { DigestDeps, DigestLogger, JobRun } from './deps.js';
import { type DigestResult, runScheduledDigest } from './run-digest.js';

/** Every minute, at second 0. */
export const EVERY_MINUTE = '0 * * * * *';

export interface TickResult<R = DigestResult> {
  readonly workspace: string;
  readonly result: R | { readonly outcome: 'failed' };
}

export interface RunnerOptions<R> {
  /** For log lines: "digest", "alerts". */
  readonly name: string;
  /** The workspaces to look at on each tick. */
  readonly workspaces: () => Promise<string[]>;
  readonly run: (workspace: string) => Promise<R>;
  readonly concurrency: number;
  readonly logger: DigestLogger;
  /** Told of each run when it ends (for the log line and the counts). */
  readonly onRun?: ((run: JobRun) => void) | undefined;
}

/**
 * Runs a job for every workspace on its list with bounded concurrency. A workspace still being
 * worked on from an earlier tick is skipped, so a slow one (Tellody timing out) holds one slot and
 * never the others; an error in one is logged and the batch goes on.
 */
export class WorkspaceRunner<R extends { readonly outcome: string }> {
  private readonly limit: ReturnType<typeof pLimit>;
  private readonly inFlight = new Set<string>();

  constructor(private readonly options: RunnerOptions<R>) {
    this.limit = pLimit(options.concurrency);
  }

  /** Looks at every workspace on the list; resolves when this tick's work is done. */
  async tick(): Promise<TickResult<R>[]> {
    const workspaces = (await this.options.workspaces()).filter((id) => !this.inFlight.has(id));
    for (const id of workspaces) this.inFlight.add(id);
    return Promise.all(workspaces.map((id) => this.limit(() => this.runOne(id))));
  }

  private async runOne(workspace: string): Promise<TickResult<R>> {
    const started = performance.now();
    const ended = (result: TickResult<R>['result']): TickResult<R> => {
      const seconds = (performance.now() - started) / 1000;
      this.options.onRun?.({ job: this.options.name, workspace, outcome: result.outcome, seconds });
      return { workspace, result };
    };
    try {
      return ended(await this.options.run(workspace));
    } catch (error) {
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      this.options.logger.error(`${this.options.name} ${workspace} failed: ${detail}`);
      return ended({ outcome: 'failed' });
    } finally {
      this.inFlight.delete(workspace);
    }
  }
}

/** Due digests, as of `deps.now()`, for every workspace with one. */
export class DigestRunner extends WorkspaceRunner<DigestResult> {
  constructor(deps: DigestDeps) {
    super({
      name: 'digest',
      workspaces: () => deps.digests.enrolled(),
      run: (id) => runScheduledDigest(deps, id),
      concurrency: deps.concurrency,
      logger: deps.logger,
      onRun: deps.onRun,
    });
  }
}

export interface RunningScheduler {
  /** Stops ticking and waits for work under way (bounded by the caller's patience, not ours). */
  stop(): Promise<void>;
}

/**
 * The thin trigger: croner calls the runner every minute, or on `pattern` (and once at start, to
 * catch up after downtime). Ticks overlap freely: the runner skips what is already under way.
 */
export function startDigestScheduler(
  runner: { tick(): Promise<unknown> },
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
