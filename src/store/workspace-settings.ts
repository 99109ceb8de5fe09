import { z } from 'zod';
import { isValidZone, type Weekday } from '../period/calendar.js';
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

/** Settings by workspace. A failed read or write throws: settings must never be lost or invented silently. */
export class WorkspaceSettingsRepository {
  constructor(private readonly store: Store) {}

  async get(workspace: string): Promise<WorkspaceSettings | undefined> {
    const parsed = settingsSchema.safeParse(await this.store.keyv.get(workspaceKey(workspace, 'settings')));
    return parsed.success ? (parsed.data as WorkspaceSettings) : undefined;
  }

  async set(workspace: string, settings: WorkspaceSettings): Promise<void> {
    await this.store.keyv.set(workspaceKey(workspace, 'settings'), settingsSchema.parse(settings));
  }

  async delete(workspace: string): Promise<void> {
    await this.store.keyv.delete(workspaceKey(workspace, 'settings'));
  }
}
