import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlertRepository, type AlertSettings } from '../../src/store/alert-settings.js';
import { DigestRepository, type DigestSchedule, type WeekRecord } from '../../src/store/digest-schedules.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { type SandboxFaults, startSandbox } from '../../src/tellody/sandbox/server.js';
import { type AppProcess, startBuiltApp } from './app-process.js';
import { aDigestSchedule } from './digest-schedule.js';
import { slackRequests } from './slack-requests.js';
import { type StandInChannel, startSlackStandIn } from './slack-standin.js';

export const FAULT_SECRET = 'fault-signing-secret';
const ENCRYPTION_KEY = 'fa'.repeat(32);

/**
 * What the fault tests and `npm run faults` drive the built app (`node dist/index.js`) with: the
 * Tellody sandbox and the Slack stand-in in this process, a store the app's instances share, and
 * each instance a child process with a production environment (and, where given, a stepped wall
 * clock: stepped-clock.ts). One workspace, T1, on the deployment's bot token and Tellody login.
 */
export async function faultRig(
  options: {
    /** The store the instances share: a SQLite file of its own (default) or a Redis URL. */
    storeUrl?: string;
    /** The wall clock the sandbox reads (the instances' stepped clock, when they have one). */
    now?: () => number;
    /** The Tellody account's zone, where the sandbox cuts its buckets (default Europe/Athens). */
    zone?: string;
    faults?: Partial<SandboxFaults>;
    channels?: Record<string, StandInChannel | 'missing'>;
  } = {},
) {
  const sandbox = await startSandbox({
    zone: options.zone ?? 'Europe/Athens',
    ...(options.now ? { now: options.now } : {}),
    ...(options.faults ? { faults: options.faults } : {}),
  });
  const slack = await startSlackStandIn({
    users: { UADMIN: { tz: 'Europe/Athens', is_admin: true }, UUSER: {} },
    ...(options.channels ? { channels: options.channels } : {}),
  });
  const storeUrl =
    options.storeUrl ?? `sqlite://${join(mkdtempSync(join(tmpdir(), 'contacts-faults-')), 'contacts.sqlite')}`;
  const store: Store = openStore(storeUrl);
  await store.ready();
  const apps: AppProcess[] = [];
  const env = (extra: Record<string, string> = {}): Record<string, string> => ({
    SLACK_SIGNING_SECRET: FAULT_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-faults',
    SLACK_API_URL: slack.apiUrl,
    TELLODY_BASE_URL: sandbox.baseUrl,
    TELLODY_USERNAME: 'demo',
    TELLODY_PASSWORD: 'demo',
    STORE_URL: storeUrl,
    ENCRYPTION_KEY,
    LOG_LEVEL: 'info',
    ...extra,
  });
  return {
    sandbox,
    slack,
    store,
    storeUrl,
    /** One more instance of the built app on the shared store; resolves once /healthz answers 200 (unless told not to wait). */
    async startApp(extra: Record<string, string> = {}, options: { waitForHealth?: boolean } = {}): Promise<AppProcess> {
      const app = await startBuiltApp({ env: env(extra), ...options });
      apps.push(app);
      return app;
    },
    /** Signed Slack requests to one instance (at the instance's own time when its clock is stepped). */
    requestsTo(app: AppProcess, now?: () => number) {
      return slackRequests({
        events: `${app.base}/slack/events`,
        secret: FAULT_SECRET,
        responseUrl: slack.responseUrl,
        ...(now ? { now } : {}),
      });
    },
    /** Workspace T1's digest in `channel` (Mondays 09:00 Athens unless told otherwise), set up long ago. */
    async digestIn(channel: string, overrides: Partial<DigestSchedule> = {}): Promise<void> {
      await new DigestRepository(store).setSchedule('T1', aDigestSchedule(channel, { teamId: 'T1', ...overrides }));
    },
    async alertsIn(settings: AlertSettings): Promise<void> {
      await new AlertRepository(store).setSettings('T1', settings);
    },
    /** Workspace T1's record of a week's digest, as the instances left it. */
    async week(week: string): Promise<WeekRecord | undefined> {
      return new DigestRepository(store).week('T1', week);
    },
    async close(): Promise<void> {
      await Promise.all(apps.map((app) => app.stop('SIGKILL')));
      await store.close();
      await slack.close();
      await sandbox.close();
    },
  };
}

export type FaultRig = Awaited<ReturnType<typeof faultRig>>;
