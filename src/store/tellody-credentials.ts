import { z } from 'zod';
import type { TellodyCredentials } from '../tellody/types.js';
import { workspaceKey } from './keys.js';
import type { Store } from './open-store.js';
import type { SecretBox } from './secret-box.js';

const storedSchema = z.object({ username: z.string().min(1), password: z.string().min(1), savedAt: z.number() });

/**
 * A workspace's Tellody login. The password is sealed with AES-256-GCM before it reaches the
 * store and bound to the workspace; the username is kept readable for "connected as …".
 */
export class TellodyCredentialsRepository {
  constructor(
    private readonly store: Store,
    private readonly box: SecretBox,
    /** A password opened with a previous key is sealed again with the current one; a failure there only delays that. */
    private readonly onResealError: (error: unknown) => void = () => {},
  ) {}

  /** The login, or undefined when none is stored; `SecretBoxError` when no key opens the password. */
  async get(workspace: string): Promise<TellodyCredentials | undefined> {
    const raw = await this.store.keyv.get(workspaceKey(workspace, 'tellody'));
    if (raw === undefined) return undefined;
    const stored = storedSchema.parse(raw);
    const { plaintext, stale } = this.box.unseal(stored.password, workspace);
    const credentials = { username: stored.username, password: plaintext };
    if (stale) await this.set(workspace, credentials, stored.savedAt).catch(this.onResealError);
    return credentials;
  }

  /** The stored username even when the password cannot be opened: to show whose login must be entered again. */
  async username(workspace: string): Promise<string | undefined> {
    const parsed = storedSchema.safeParse(await this.store.keyv.get(workspaceKey(workspace, 'tellody')));
    return parsed.success ? parsed.data.username : undefined;
  }

  async set(workspace: string, credentials: TellodyCredentials, now: number): Promise<void> {
    const sealed = this.box.seal(credentials.password, workspace);
    await this.store.keyv.set(workspaceKey(workspace, 'tellody'), {
      username: credentials.username,
      password: sealed,
      savedAt: now,
    });
  }

  async delete(workspace: string): Promise<void> {
    await this.store.keyv.delete(workspaceKey(workspace, 'tellody'));
  }
}
