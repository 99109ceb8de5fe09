import pLimit from 'p-limit';
import type { JobLogger, JobRun } from './job-needs.js';

export interface TickResult<R> {
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
  readonly logger: JobLogger;
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
