import type { KnownBlock } from '@slack/types';
import { MIN_HISTORY } from '../alerts/detect.js';
import { todayAt } from '../alerts/local-hours.js';
import { buildAlertsSection } from '../views/alerts-section.js';
import { weekdayName } from '../views/format.js';
import type { SlackDeps } from './deps.js';
import type { Workspace } from './workspace.js';

/** The Home tab's alerts section for a workspace: what is watched, today's checks and alerts, the last alert. */
export async function alertsSectionFor(
  deps: SlackDeps,
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
