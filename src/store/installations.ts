import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { z } from 'zod';
import { workspaceKey } from './keys.js';
import type { Store } from './open-store.js';
import type { SecretBox } from './secret-box.js';

/**
 * Which id a Slack install lives under: an org-wide install is one for the whole enterprise,
 * any other install belongs to its team. Settings and credentials use the same id.
 */
export function workspaceIdOf(query: {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}): string {
  const id = query.isEnterpriseInstall ? query.enterpriseId : query.teamId;
  if (!id) throw new Error('a Slack request without a team or enterprise id');
  return id;
}

/** How an installation is kept: the whole of it sealed (tokens, refresh tokens, webhook URL and all). */
const sealedSchema = z.object({ sealed: z.string() });

/**
 * Bolt's installation store in our key-value store: installs survive restarts and are shared by
 * every instance. An installation holds the workspace's bot token, so it is sealed like a Tellody
 * password (same keyring, bound to the workspace). One stored in the clear by an earlier version,
 * or sealed under a previous key, is still read, and sealed again with the current key at once.
 */
export class KeyvInstallationStore implements InstallationStore {
  constructor(
    private readonly store: Store,
    private readonly box: SecretBox,
    private readonly onInstalled: (workspace: string, installation: Installation) => Promise<void> = async () => {},
    /** A re-seal that fails only delays it to the next read: the installation itself was read. */
    private readonly onResealError: (error: unknown) => void = () => {},
  ) {}

  async storeInstallation(installation: Installation): Promise<void> {
    const workspace = workspaceIdOf({
      teamId: installation.team?.id,
      enterpriseId: installation.enterprise?.id,
      isEnterpriseInstall: installation.isEnterpriseInstall,
    });
    await this.write(workspace, installation);
    await this.onInstalled(workspace, installation);
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const workspace = workspaceIdOf(query);
    const raw = await this.store.keyv.get<unknown>(workspaceKey(workspace, 'installation'));
    if (!raw) throw new Error(`no installation for ${workspace}`);
    const stored = sealedSchema.safeParse(raw);
    const { installation, stale } = stored.success
      ? this.open(stored.data.sealed, workspace)
      : { installation: raw as Installation, stale: true };
    if (stale) await this.write(workspace, installation).catch(this.onResealError);
    return installation;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await this.store.keyv.delete(workspaceKey(workspaceIdOf(query), 'installation'));
  }

  private async write(workspace: string, installation: Installation): Promise<void> {
    const sealed = this.box.seal(JSON.stringify(installation), contextOf(workspace));
    await this.store.keyv.set(workspaceKey(workspace, 'installation'), { sealed });
  }

  private open(sealed: string, workspace: string): { installation: Installation; stale: boolean } {
    const { plaintext, stale } = this.box.unseal(sealed, contextOf(workspace));
    return { installation: JSON.parse(plaintext) as Installation, stale };
  }
}

/** Sealed for one workspace and one use: it opens neither for another workspace nor as a password. */
const contextOf = (workspace: string) => `${workspace}:installation`;
