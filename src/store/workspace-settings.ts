import { z } from 'zod';
import { isValidZone, type Weekday } from '../period/calendar.js';
import { CachedReads, type CachedReadsOptions } from './cached-reads.js';
import { workspaceKey } from './keys.js';
import type { Store } from './open-store.js';

/** What a workspace chose: its report calendar, who set it up, and where the digest goes. */
export interface WorkspaceSettings {
  readonly weekStart: Weekday;
  readonly zone: string;
  /** The user who installed the app: an admin for settings even without workspace admin rights. */
  readonly installerUserId?: string | undefined;
  readonly updatedAt: number;
  readonly updatedBy?: string | undefined;
}

const settingsSchema = z.object({
  weekStart: z.number().int().min(0).max(6),
  zone: z.string().refine(isValidZone),
  installerUserId: z.string().optional(),
  updatedAt: z.number(),
  updatedBy: z.string().optional(),
});

/** Every command reads its workspace's settings: a copy is kept half a minute, dropped at once on any save. */
export const SETTINGS_READS: CachedReadsOptions = { max: 10_000, ttlMs: 30_000 };

/**
 * Settings by workspace. A failed read or write throws: settings must never be lost or invented
 * silently. Reads are kept briefly in memory; a save anywhere drops every instance's copy.
 */
export class WorkspaceSettingsRepository {
  private readonly reads: CachedReads<WorkspaceSettings>;

  constructor(
    private readonly store: Store,
    reads: CachedReadsOptions = SETTINGS_READS,
  ) {
    this.reads = new CachedReads(store.changes, reads);
  }

  /**
   * A workspace's settings; `fresh` reads the store itself rather than a copy kept here, which
   * may not yet have heard of a save made a moment ago on another instance.
   */
  get(workspace: string, options: { readonly fresh?: boolean } = {}): Promise<WorkspaceSettings | undefined> {
    const key = workspaceKey(workspace, 'settings');
    const load = async () => {
      const parsed = settingsSchema.safeParse(await this.store.keyv.get(key));
      return parsed.success ? (parsed.data as WorkspaceSettings) : undefined;
    };
    return options.fresh ? load() : this.reads.read(key, load);
  }

  async set(workspace: string, settings: WorkspaceSettings): Promise<void> {
    const key = workspaceKey(workspace, 'settings');
    const valid = settingsSchema.parse(settings);
    await this.reads.write(key, async () => {
      await this.store.keyv.set(key, valid);
    });
  }

  async delete(workspace: string): Promise<void> {
    const key = workspaceKey(workspace, 'settings');
    await this.reads.write(key, async () => {
      await this.store.keyv.delete(key);
    });
  }
}
