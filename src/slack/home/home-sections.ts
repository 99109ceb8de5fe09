import type { KnownBlock } from '@slack/types';
import { MIN_HISTORY } from '../../alerts/detect.js';
import { todayAt } from '../../alerts/local-hours.js';
import { goesOutByItself } from '../../digest/due.js';
import { nextOccurrences } from '../../digest/schedule.js';
import { buildAlertsSection } from '../../views/alerts-section.js';
import { buildDigestSection } from '../../views/digest-section.js';
import { weekdayName } from '../../views/format.js';
import type { AppParts } from '../app-parts.js';
import type { Workspace } from '../workspace.js';

/** The Home tab's digest section for a workspace: what is set up, the next three times, the last delivery. */
export async function digestSectionFor(
  deps: AppParts,
  workspace: Workspace,
  options: { canEdit: boolean; notice?: string | undefined },
): Promise<KnownBlock[]> {
  const [schedule, last] = await Promise.all([
    deps.digests.schedule(workspace.id),
    deps.digests.latestWeek(workspace.id),
  ]);
  const now = deps.now();
  const { zone } = workspace.settings;
  const next = goesOutByItself(schedule) ? nextOccurrences(now, schedule, zone, 3) : [];
  return buildDigestSection({ schedule, last, next, zone, now, canEdit: options.canEdit, notice: options.notice });
}

/** The Home tab's alerts section for a workspace: what is watched, today's checks and alerts, the last alert. */
export async function alertsSectionFor(
  deps: AppParts,
  workspace: Workspace,
  options: { canEdit: boolean; notice?: string | undefined },
): Promise<KnownBlock[]> {
  const now = deps.now();
  const { zone } = workspace.settings;
  const today = todayAt(now, zone);
  const [settings, state, muted] = await Promise.all([
    deps.alerts.settings(workspace.id),
    deps.alerts.state(workspace.id),
    deps.alerts.mutedOn(workspace.id, today.date),
  ]);
  return buildAlertsSection({
    settings,
    today: state?.day === today.date ? state : undefined,
    last: state?.last,
    muted: [...muted],
    historyNeeded: MIN_HISTORY,
    weekdayName: weekdayName(today.weekday),
    zone,
    now,
    canEdit: options.canEdit,
    notice: options.notice,
  });
}
