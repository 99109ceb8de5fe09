import pLimit from 'p-limit';
import type { DueEntry } from '../store/due-index.js';
import type { DueWorkspaces } from '../store/due-workspaces.js';
import { errorText } from '../telemetry/error-text.js';
import type { JobNeeds } from './job-needs.js';

export interface TickResult<R> {
  readonly workspace: string;
  readonly result: R | { readonly outcome: 'failed' };
}

/**
 * How often every enrolled workspace's due time is worked out again from what is stored, by one
 * instance: whatever left an entry wrong (a save by an older version during an upgrade, a crash
 * between a save and its mark, the deployment's default zone changed) is put right within this.
 * Well inside the digest's 24 hours of catching up, so such a digest is late, never missed.
 */
export const SWEEP_EVERY_MS = 6 * 60 * 60_000;

export interface RunnerOptions<R> {
  /** For log lines and claims: "digest", "alerts". */
  readonly name: string;
  /** The job's workspaces, by when each is next due. */
  readonly workspaces: DueWorkspaces;
  readonly run: (workspace: string) => Promise<R>;
  /** When the workspace next needs a run, worked out from what is stored now; null: never by itself. */
  readonly nextDueAt: (workspace: string) => Promise<number | null>;
  readonly needs: Pick<JobNeeds, 'now' | 'concurrency' | 'logger' | 'onRun' | 'claims' | 'owner'>;
}

/** What a sweep did: workspaces looked at, and those the index had later than they were due (what it put right). */
export interface SweepResult {
  readonly swept: number;
  readonly late: number;
}

/**
 * Runs a job for the workspaces that are due, with bounded concurrency: a tick asks the store's
 * due index for what is due now and nothing else, so a tick with nothing due is one store call
 * however many workspaces have the job. After each run the job's next due time is worked out from
 * what is stored and written down, unless the entry changed meanwhile (then it stays due and the
 * next tick looks again). A run that fails leaves its entry due: the next tick tries again.
 * A workspace still being worked on from an earlier tick is skipped, so a slow one (Tellody
 * timing out) holds one slot and never the others; an error in one is logged and the batch goes on.
 */
export class WorkspaceRunner<R extends { readonly outcome: string }> {
  private readonly limit: ReturnType<typeof pLimit>;
  private readonly inFlight = new Set<string>();

  constructor(private readonly options: RunnerOptions<R>) {
    this.limit = pLimit(options.needs.concurrency);
  }

  /** Runs every workspace due now; resolves when this tick's work is done. */
  async tick(): Promise<TickResult<R>[]> {
    const due = (await this.options.workspaces.due(this.options.needs.now())).filter(
      (entry) => !this.inFlight.has(entry.member),
    );
    for (const entry of due) this.inFlight.add(entry.member);
    return Promise.all(due.map((entry) => this.limit(() => this.runOne(entry))));
  }

  private async runOne(entry: DueEntry): Promise<TickResult<R>> {
    const workspace = entry.member;
    const { name, needs } = this.options;
    const started = performance.now();
    const ended = (result: TickResult<R>['result']): TickResult<R> => {
      const seconds = (performance.now() - started) / 1000;
      needs.onRun?.({ job: name, workspace, outcome: result.outcome, seconds });
      return { workspace, result };
    };
    try {
      let result: R;
      try {
        result = await this.options.run(workspace);
      } catch (error) {
        needs.logger.error(`${name} ${workspace} failed: ${errorText(error)}`);
        return ended({ outcome: 'failed' });
      }
      const done = ended(result);
      await this.place(workspace, entry.token).catch((error: unknown) => {
        needs.logger.warn(`${name} ${workspace}: next due time not written (${errorText(error)}); it stays due`);
      });
      return done;
    } finally {
      this.inFlight.delete(workspace);
    }
  }

  /** Writes down when the workspace is next due, unless its entry is no longer the one `seen`. */
  private async place(workspace: string, seen: string | null): Promise<{ moved: boolean; at: number | null }> {
    const at = await this.options.nextDueAt(workspace);
    return { moved: await this.options.workspaces.settle(workspace, seen, at), at };
  }

  /**
   * Indexes every enrolled workspace the index lacks, due at once (a store written before there
   * was an index): run at start, before the first tick. How many it indexed.
   */
  async reconcile(): Promise<number> {
    const added = await this.options.workspaces.indexMissing();
    if (added > 0) this.options.needs.logger.info(`${this.options.name}: indexed ${added} workspaces due at once`);
    return added;
  }

  /**
   * Works out every enrolled workspace's due time again from what is stored, and writes it down
   * (running nothing: what turns out due is run by the next tick). Entries changed meanwhile are
   * left as they are; so are workspaces whose job is off and that the index does not hold.
   */
  async sweep(): Promise<SweepResult> {
    const { name, needs, workspaces } = this.options;
    const limit = pLimit(needs.concurrency);
    const now = needs.now();
    let late = 0;
    const failed: unknown[] = [];
    const enrolled = await workspaces.enrolled();
    await Promise.all(
      enrolled.map((workspace) =>
        limit(async () => {
          try {
            const entry = await workspaces.entry(workspace);
            const { moved, at } = await this.place(workspace, entry?.token ?? null);
            // The index held it for later than it was due (or not at all): what the sweep is for.
            const heldLater = entry === undefined || (entry.dueAt > now && at !== null && at < entry.dueAt);
            if (moved && at !== null && heldLater) late++;
          } catch (error) {
            failed.push(error);
          }
        }),
      ),
    );
    const said = `${name}: swept ${enrolled.length} workspaces; ${late} were due sooner than the index said`;
    if (late > 0) needs.logger.warn(said);
    else needs.logger.info(said);
    // One line, however many: a store away mid-sweep fails them all. The next sweep tries them again.
    if (failed.length > 0)
      needs.logger.warn(`${name}: ${failed.length} workspaces not swept, the first: ${errorText(failed[0])}`);
    return { swept: enrolled.length - failed.length, late };
  }

  /**
   * The sweep, if no instance has swept within its period: the first to claim the period does it,
   * and the claim is left to lapse, so that the next comes a period later. Null when it was not
   * this instance's turn.
   */
  async sweepIfDue(): Promise<SweepResult | null> {
    const { name, needs } = this.options;
    const key = `jobs:${name}:sweep`;
    if (!(await needs.claims.claim(key, needs.owner, SWEEP_EVERY_MS))) return null;
    try {
      return await this.sweep();
    } catch (error) {
      // Not even the list could be read: the period's sweep is left to the next offer, here or elsewhere.
      await needs.claims.release(key, needs.owner).catch(() => {});
      throw error;
    }
  }
}
