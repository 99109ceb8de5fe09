import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { workspaceKey } from './keys.js';
import type { Store } from './open-store.js';

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

/** Bolt's installation store in our key-value store: installs survive restarts and are shared by every instance. */
export class KeyvInstallationStore implements InstallationStore {
  constructor(
    private readonly store: Store,
    private readonly onInstalled: (workspace: string, installation: Installation) => Promise<void> = async () => {},
  ) {}

  async storeInstallation(installation: Installation): Promise<void> {
    const workspace = workspaceIdOf({
      teamId: installation.team?.id,
      enterpriseId: installation.enterprise?.id,
      isEnterpriseInstall: installation.isEnterpriseInstall,
    });
    await this.store.keyv.set(workspaceKey(workspace, 'installation'), installation);
    await this.onInstalled(workspace, installation);
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const installation = await this.store.keyv.get<Installation>(workspaceKey(workspaceIdOf(query), 'installation'));
    if (!installation) throw new Error(`no installation for ${workspaceIdOf(query)}`);
    return installation;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await this.store.keyv.delete(workspaceKey(workspaceIdOf(query), 'installation'));
  }
}
