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
  ) {}

  async get(workspace: string): Promise<TellodyCredentials | undefined> {
    const raw = await this.store.keyv.get(workspaceKey(workspace, 'tellody'));
    if (raw === undefined) return undefined;
    const stored = storedSchema.parse(raw);
    return { username: stored.username, password: this.box.open(stored.password, workspace) };
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
