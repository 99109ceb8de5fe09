import type { DigestSchedule } from '../../src/store/digest-schedules.js';

/** A digest set up long ago, on Mondays at 09:00 (in the workspace's zone), in `channel`. */
export function aDigestSchedule(channel: string, overrides: Partial<DigestSchedule> = {}): DigestSchedule {
  return {
    enabled: true,
    channelId: channel,
    channelName: channel.toLowerCase(),
    day: 1,
    time: '09:00',
    activeSince: Date.parse('2026-11-01T00:00:00Z'),
    setUpBy: 'UADMIN',
    teamId: 'T1',
    appId: 'A1',
    ...overrides,
  };
}
