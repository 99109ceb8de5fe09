import type { KnownBlock } from '@slack/types';
import { nextOccurrences } from '../digest/schedule.js';
import { buildDigestSection } from '../views/digest-section.js';
import type { SlackDeps } from './deps.js';
import type { Workspace } from './workspace.js';

/** The Home tab's digest section for a workspace: what is set up, the next three times, the last delivery. */
export async function digestSectionFor(
  deps: SlackDeps,
  workspace: Workspace,
  options: { canEdit: boolean; notice?: string | undefined },
): Promise<KnownBlock[]> {
  const [schedule, last] = await Promise.all([
    deps.digests.schedule(workspace.id),
    deps.digests.latestWeek(workspace.id),
  ]);
  const now = deps.now();
  const { zone } = workspace.settings;
  const next = schedule?.enabled && !schedule.paused ? nextOccurrences(now, schedule, zone, 3) : [];
  return buildDigestSection({ schedule, last, next, zone, now, canEdit: options.canEdit, notice: options.notice });
}
