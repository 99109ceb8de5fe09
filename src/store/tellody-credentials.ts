import { z } from 'zod';
import type { TellodyCredentials } from '../tellody/types.js';
import { CachedReads, type CachedReadsOptions } from './cached-reads.js';
import { workspaceKey } from './keys.js';
import type { Store } from './open-store.js';
import type { SecretBox } from './secret-box.js';
import { SETTINGS_READS } from './workspace-settings.js';

const storedSchema = z.object({ username: z.string().min(1), password: z.string().min(1), savedAt: z.number() });

/**
 * A workspace's Tellody login. The password is sealed with AES-256-GCM before it reaches the
 * store and bound to the workspace; the username is kept readable for "connected as …".
 */
export class TellodyCredentialsRepository {
  private readonly reads: CachedReads<TellodyCredentials>;

  /** Reads are kept as briefly as settings (every command needs both), opened, in this process only. */
  constructor(
    private readonly store: Store,
    private readonly box: SecretBox,
    reads: CachedReadsOptions = SETTINGS_READS,
  ) {
    this.reads = new CachedReads(store.changes, reads);
  }

  get(workspace: string): Promise<TellodyCredentials | undefined> {
    const key = workspaceKey(workspace, 'tellody');
    return this.reads.read(key, async () => {
      const raw = await this.store.keyv.get(key);
      if (raw === undefined) return undefined;
      const stored = storedSchema.parse(raw);
      return { username: stored.username, password: this.box.open(stored.password, workspace) };
    });
  }

  async set(workspace: string, credentials: TellodyCredentials, now: number): Promise<void> {
    const key = workspaceKey(workspace, 'tellody');
    const sealed = this.box.seal(credentials.password, workspace);
    await this.reads.write(key, async () => {
      await this.store.keyv.set(key, { username: credentials.username, password: sealed, savedAt: now });
    });
  }

  async delete(workspace: string): Promise<void> {
    const key = workspaceKey(workspace, 'tellody');
    await this.reads.write(key, async () => {
      await this.store.keyv.delete(key);
    });
  }
}
