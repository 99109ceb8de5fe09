import { z } from 'zod';
import type { TellodyCredentials } from '../tellody/tellody-types.js';
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
    /** A password opened with a previous key is sealed again with the current one; a failure there only delays that. */
    private readonly onResealError: (error: unknown) => void = () => {},
    reads: CachedReadsOptions = SETTINGS_READS,
  ) {
    this.reads = new CachedReads(store.changes, reads);
  }

  /** The login, or undefined when none is stored; `SecretBoxError` when no key opens the password (never kept). */
  get(workspace: string): Promise<TellodyCredentials | undefined> {
    const key = workspaceKey(workspace, 'tellody');
    return this.reads.read(key, async () => {
      const raw = await this.store.keyv.get(key);
      if (raw === undefined) return undefined;
      const stored = storedSchema.parse(raw);
      const { plaintext, stale } = this.box.unseal(stored.password, workspace);
      const credentials = { username: stored.username, password: plaintext };
      if (stale) await this.set(workspace, credentials, stored.savedAt).catch(this.onResealError);
      return credentials;
    });
  }

  /** The stored username even when the password cannot be opened: to show whose login must be entered again. */
  async username(workspace: string): Promise<string | undefined> {
    const parsed = storedSchema.safeParse(await this.store.keyv.get(workspaceKey(workspace, 'tellody')));
    return parsed.success ? parsed.data.username : undefined;
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
