/**
 * Every key a workspace owns starts `ws:<workspace>:`: one workspace's settings, credentials or
 * cached reports can never be read for another, and uninstalling can find them all.
 */
export function workspaceKey(workspace: string, ...parts: readonly (string | number)[]): string {
  if (!workspace || workspace.includes(':')) throw new Error('a workspace id is a non-empty string without colons');
  return ['ws', workspace, ...parts].join(':');
}
