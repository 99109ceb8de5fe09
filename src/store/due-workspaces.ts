import type { DueEntry } from './due-index.js';
import type { Store } from './open-store.js';

/** In the index, "due at once": before any time the clock can read. */
const AT_ONCE = 0;

/**
 * One scheduled job's workspaces: the set of those that have it set up (enrolled), and the due
 * index of when each next needs a look. Whatever changes what the job depends on (a schedule or
 * settings saved, the workspace's zone or week start) marks the workspace due at once, after
 * writing the change; the job's next run works out when it is really due and writes that down.
 */
export class DueWorkspaces {
  constructor(
    private readonly store: Pick<Store, 'due' | 'sets'>,
    private readonly names: { readonly index: string; readonly enrolled: string },
  ) {}

  /** The index's name in the store. */
  get index(): string {
    return this.names.index;
  }

  due(now: number): Promise<DueEntry[]> {
    return this.store.due.due(this.names.index, now);
  }

  entry(workspace: string): Promise<DueEntry | undefined> {
    return this.store.due.entry(this.names.index, workspace);
  }

  /** Due at once: something the job depends on changed; its next tick works out when it is really due. */
  touch(workspace: string): Promise<void> {
    return this.store.due.set(this.names.index, workspace, AT_ONCE);
  }

  /** When the workspace is next due (null: never), written only if its entry is still the one read (`seen`). */
  settle(workspace: string, seen: string | null, dueAt: number | null): Promise<boolean> {
    return this.store.due.settle(this.names.index, workspace, seen, dueAt);
  }

  enrolled(): Promise<string[]> {
    return this.store.sets.members(this.names.enrolled);
  }

  async enroll(workspace: string): Promise<void> {
    await this.store.sets.add(this.names.enrolled, workspace);
    await this.touch(workspace);
  }

  /** Off the list and out of the index (a workspace leaving). */
  async drop(workspace: string): Promise<void> {
    await this.store.due.remove(this.names.index, workspace);
    await this.store.sets.remove(this.names.enrolled, workspace);
  }

  /**
   * Indexes, due at once, every enrolled workspace the index lacks: a store written by a version
   * without the index, or an entry lost. How many it indexed.
   */
  async indexMissing(): Promise<number> {
    return this.store.due.addMissing(this.names.index, await this.enrolled(), AT_ONCE);
  }
}
