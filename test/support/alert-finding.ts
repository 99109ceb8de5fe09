import type { AlertFinding } from '../../src/views/alert-message.js';

/**
 * Opt-outs at 3.1× a usual Tuesday by 11:00 (94 against about 30), over 8 weeks at normal
 * sensitivity, with a band for every hour: the alert the view tests start from.
 */
export function anAlertFinding(overrides: Partial<AlertFinding> = {}): AlertFinding {
  return {
    measure: 'contactsBlocked',
    way: 'up',
    observed: 94,
    usual: 30,
    ratio: 94 / 30,
    hour: 11,
    weekday: 2,
    quietSince: null,
    usualWhileQuiet: null,
    weeks: 8,
    sensitivity: 'normal',
    hours: Array.from({ length: 24 }, (_, i) => ({
      hour: i + 1,
      today: i < 11 ? (i + 1) * 8 : null,
      median: (i + 1) * 3,
      low: (i + 1) * 2,
      high: (i + 1) * 4,
    })),
    ...overrides,
  };
}
