import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type AppOptions, type CustomRoute, LogLevel } from '@slack/bolt';
// @slack/web-api is CommonJS and Node's ESM loader cannot see `retryPolicies` as a named export: take it from the default.
import webApi from '@slack/web-api';
import type { SlackDeps } from './deps.js';
import { registerListeners } from './listeners/index.js';
import { RedactingLogger } from './redacting-logger.js';
import { logFailure } from './safely.js';
import { BOT_SCOPES } from './scopes.js';

const { retryPolicies } = webApi;

const LOG_LEVELS = { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR } as const;

/** `GET /healthz`: 200 while the store answers, 503 when it does not (a load balancer takes the instance out). */
function healthRoute(deps: SlackDeps): CustomRoute {
  return {
    path: '/healthz',
    method: ['GET'],
    handler: (_req, res) => {
      void deps.store.ping().then((ok) => {
        res.writeHead(ok ? 200 : 503, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ ok, store: deps.store.kind }));
      });
    },
  };
}

/** How the app authenticates: one workspace by bot token, or many by OAuth with installs in the store. */
function authOptions(deps: SlackDeps): Partial<AppOptions> {
  const c = deps.config;
  if (c.SLACK_CLIENT_ID && c.SLACK_CLIENT_SECRET && c.SLACK_STATE_SECRET) {
    return {
      clientId: c.SLACK_CLIENT_ID,
      clientSecret: c.SLACK_CLIENT_SECRET,
      stateSecret: c.SLACK_STATE_SECRET,
      scopes: [...BOT_SCOPES],
      installationStore: deps.installations,
      installerOptions: { directInstall: true, port: c.PORT },
    };
  }
  return { token: c.SLACK_BOT_TOKEN, ...(c.SLACK_APP_TOKEN ? { installerOptions: { port: c.PORT } } : {}) };
}

export interface RunningApp {
  readonly app: App;
  /** The HTTP port, or for Socket Mode the port of the health and install routes. */
  readonly port: number;
  stop(): Promise<void>;
}

/** The Bolt app: HTTP receiver at /slack/events (or Socket Mode with SLACK_APP_TOKEN), /healthz, listeners. */
export function createSlackApp(
  deps: SlackDeps,
  options: { retries?: number; logSink?: (line: string) => void } = {},
): App {
  const c = deps.config;
  const app = new App({
    ...authOptions(deps),
    ...(c.SLACK_APP_TOKEN
      ? { socketMode: true, appToken: c.SLACK_APP_TOKEN }
      : { signingSecret: c.SLACK_SIGNING_SECRET ?? '' }),
    customRoutes: [healthRoute(deps)],
    // Bolt sets its logger's level from logLevel (default info): give both.
    logger: new RedactingLogger(LOG_LEVELS[c.LOG_LEVEL], options.logSink),
    logLevel: LOG_LEVELS[c.LOG_LEVEL],
    clientOptions: {
      ...(c.SLACK_API_URL ? { slackApiUrl: c.SLACK_API_URL } : {}),
      // Bolt's respond() and the Web API client both post through the app's one HTTP client.
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
      // The default policy can hold a call for half an hour; a person waiting on a Home tab cannot.
      retryConfig:
        options.retries === undefined ? retryPolicies.fiveRetriesInFiveMinutes : { retries: options.retries },
    },
  });
  // Every request's whole work, answer included, counts as in flight until it is done: a shutdown waits for it.
  app.use(({ next }) => deps.inFlight.run(next));
  registerListeners(app, deps);
  app.error(async (error) => {
    logFailure(app.logger, 'Slack request', error);
  });
  return app;
}

export async function startSlackApp(app: App, port: number): Promise<RunningApp> {
  const server = (await app.start(port)) as Server | undefined;
  const address = server?.address?.();
  return {
    app,
    port: address && typeof address === 'object' ? (address as AddressInfo).port : port,
    stop: () => app.stop().then(() => undefined),
  };
}
