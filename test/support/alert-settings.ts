import type { AlertSettings } from '../../src/store/alert-settings.js';

/** Alerts on opt-outs and new contacts in `channel`, normal sensitivity, no quiet hours, set up by UADMIN. */
export function someAlertSettings(channel: string, overrides: Partial<AlertSettings> = {}): AlertSettings {
  return {
    measures: { contactsBlocked: true, contactsAdded: true, contactsServed: false },
    channelId: channel,
    channelName: channel.toLowerCase(),
    sensitivity: 'normal',
    setUpBy: 'UADMIN',
    teamId: 'T1',
    appId: 'A1',
    ...overrides,
  };
}
