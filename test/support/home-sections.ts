import type { AlertState } from '../../src/store/alert-settings.js';
import { buildAlertsSection } from '../../src/views/alerts-section.js';
import { buildDigestSection } from '../../src/views/digest-section.js';
import { someAlertSettings } from './alert-settings.js';
import { expectValidView } from './block-kit.js';
import { actionIdsOf, linesOf } from './view-text.js';

type DigestOptions = Parameters<typeof buildDigestSection>[0];
type AlertsOptions = Parameters<typeof buildAlertsSection>[0];

/** A Home section as shown: checked as a view, read line by line, with its buttons' action ids. */
function shown(blocks: ReturnType<typeof buildDigestSection>) {
  expectValidView({ blocks });
  return { blocks, lines: linesOf({ blocks }), actionIds: actionIdsOf({ blocks }) };
}

/** The digest's Home section as an admin in Athens sees it at `now`, before it is set up unless `options` say so. */
export function digestSectionShown(now: number, options: Partial<DigestOptions> = {}) {
  return shown(
    buildDigestSection({
      schedule: undefined,
      last: undefined,
      next: [],
      zone: 'Europe/Athens',
      now,
      canEdit: true,
      ...options,
    }),
  );
}

/** Today's alert checks, last at `now`: 8 usual weekdays on record, nothing open. */
export function aCheckedDay(now: number, overrides: Partial<AlertState> = {}): AlertState {
  return { day: '2026-11-30', checkedSlot: 1, checkedAt: now, episodes: {}, historyDays: 8, ...overrides };
}

/** The alerts' Home section as an admin in Athens sees it on Monday at `now`: opt-outs and new contacts watched in #cm. */
export function alertsSectionShown(now: number, options: Partial<AlertsOptions> = {}) {
  return shown(
    buildAlertsSection({
      settings: someAlertSettings('CM'),
      today: aCheckedDay(now),
      last: undefined,
      muted: [],
      historyNeeded: 5,
      weekdayName: 'Monday',
      zone: 'Europe/Athens',
      now,
      canEdit: true,
      ...options,
    }),
  );
}
