import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { type Sandbox, startSandbox } from '../../src/tellody/sandbox/server.js';
import { type AppProcess, startBuiltApp } from './app-process.js';
import { slackRequests } from './slack-requests.js';
import { startSlackStandIn } from './slack-standin.js';

/**
 * What a test file of the built app shares: one Tellody sandbox and one Slack stand-in for the
 * file, a production environment pointing at them (each app its own SQLite file), the apps it
 * started (killed after the file), and Slack's requests signed for any of them.
 */
export function builtAppWorld(options: { secret: string; encryptionKey: string }) {
  let sandbox: Sandbox | undefined;
  let slack: Awaited<ReturnType<typeof startSlackStandIn>> | undefined;
  const started: AppProcess[] = [];
  beforeAll(async () => {
    sandbox = await startSandbox({ zone: 'Europe/Athens' });
    slack = await startSlackStandIn({ users: { UADMIN: { tz: 'Europe/Athens', is_admin: true }, UUSER: {} } });
  });
  afterAll(async () => {
    await Promise.all(started.map((app) => app.stop('SIGKILL')));
    await slack?.close();
    await sandbox?.close();
  });
  const ready = <T>(part: T | undefined): T => {
    if (!part) throw new Error('the built app’s world is set up in beforeAll');
    return part;
  };
  const world = {
    get sandbox() {
      return ready(sandbox);
    },
    get slack() {
      return ready(slack);
    },
    /** The app's environment as production has it, on its own SQLite file, with `extra` on top. */
    env(extra: Record<string, string> = {}): Record<string, string> {
      return {
        SLACK_SIGNING_SECRET: options.secret,
        SLACK_BOT_TOKEN: 'xoxb-e2e-token',
        SLACK_API_URL: world.slack.apiUrl,
        TELLODY_BASE_URL: world.sandbox.baseUrl,
        TELLODY_USERNAME: 'demo',
        TELLODY_PASSWORD: 'demo',
        STORE_URL: `sqlite://${join(mkdtempSync(join(tmpdir(), 'contacts-e2e-')), 'contacts.sqlite')}`,
        ENCRYPTION_KEY: options.encryptionKey,
        LOG_LEVEL: 'info',
        ...extra,
      };
    },
    /** Starts the built app with `env`; it is killed when the file ends. */
    async run(env: Record<string, string>, waitForHealth = true): Promise<AppProcess> {
      const app = await startBuiltApp({ env, waitForHealth });
      started.push(app);
      return app;
    },
    /** Slack's requests, signed, to a running built app; answers go to the shared Slack stand-in. */
    requestsTo: (app: AppProcess) =>
      slackRequests({
        events: `${app.base}/slack/events`,
        secret: options.secret,
        responseUrl: world.slack.responseUrl,
      }),
  };
  return world;
}
