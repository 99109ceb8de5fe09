import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type AppOptions, type CustomRoute, type Logger, LogLevel } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import type { AppParts } from './app-parts.js';
import { BoltLogger } from './bolt-logger.js';
import { registerListeners } from './listeners/register-listeners.js';
import { metricsRoute } from './metrics-route.js';
import { ackUnanswered, GuardedReceiver } from './receiver/guarded-receiver.js';
import { RequestGuard } from './receiver/request-guard.js';
import { requestTelemetry } from './request-telemetry.js';
import { logFailure } from './safely.js';
import { BOT_SCOPES } from './scopes.js';

const LOG_LEVELS = { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR } as const;

/** `GET /healthz`: 200 while the store answers, 503 when it does not (a load balancer takes the instance out). */
function healthRoute(deps: AppParts): CustomRoute {
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

/** The routes beside Slack's endpoint, on the same port in both modes: health, and metrics when a token is set. */
function customRoutes(deps: AppParts): CustomRoute[] {
  const token = deps.config.METRICS_TOKEN;
  return [healthRoute(deps), ...(token ? [metricsRoute(deps.metrics, token)] : [])];
}

/** How the app authenticates: one workspace by bot token, or many by OAuth with installs in the store. */
function oauthOptions(deps: AppParts) {
  const c = deps.config;
  if (!(c.SLACK_CLIENT_ID && c.SLACK_CLIENT_SECRET && c.SLACK_STATE_SECRET)) return null;
  return {
    clientId: c.SLACK_CLIENT_ID,
    clientSecret: c.SLACK_CLIENT_SECRET,
    stateSecret: c.SLACK_STATE_SECRET,
    scopes: [...BOT_SCOPES],
    installationStore: deps.installations,
  };
}

/** Socket Mode (with SLACK_APP_TOKEN): Bolt's own receiver; OAuth and /healthz on PORT. */
function socketModeOptions(deps: AppParts, clientOptions: WebClientOptions): Partial<AppOptions> {
  const c = deps.config;
  const oauth = oauthOptions(deps);
  return {
    ...(oauth ?? { token: c.SLACK_BOT_TOKEN }),
    socketMode: true,
    appToken: c.SLACK_APP_TOKEN,
    customRoutes: customRoutes(deps),
    installerOptions: { port: c.PORT, ...(oauth ? { directInstall: true } : {}) },
    clientOptions,
  };
}

/**
 * HTTP: Bolt's receiver behind our guard (receiver/request-guard.ts), which refuses what Bolt
 * would crash on, future timestamps and replays. Bolt passes its client options to the OAuth
 * installer only for a receiver it builds itself, so they are passed here.
 */
function httpOptions(deps: AppParts, clientOptions: WebClientOptions, logger: Logger): Partial<AppOptions> {
  const c = deps.config;
  const oauth = oauthOptions(deps);
  const signingSecret = c.SLACK_SIGNING_SECRET ?? '';
  const receiver = new GuardedReceiver(
    {
      signingSecret,
      customRoutes: customRoutes(deps),
      logger,
      ...(oauth ?? {}),
      installerOptions: { clientOptions, ...(oauth ? { directInstall: true } : {}) },
    },
    new RequestGuard({
      signingSecret,
      claims: deps.store.claims,
      log: deps.log,
      onRefused: () => deps.metrics.slackRequests.inc({ kind: 'unknown', outcome: 'rejected' }),
    }),
  );
  return { ...(oauth ? {} : { token: c.SLACK_BOT_TOKEN }), receiver, clientOptions };
}

export interface RunningApp {
  readonly app: App;
  /** The HTTP port, or for Socket Mode the port of the health and install routes. */
  readonly port: number;
  stop(): Promise<void>;
}

/** The Bolt app: HTTP receiver at /slack/events (or Socket Mode with SLACK_APP_TOKEN), /healthz, listeners. */
export function createSlackApp(deps: AppParts): App {
  const c = deps.config;
  const logLevel = LOG_LEVELS[c.LOG_LEVEL];
  // Bolt sets its logger's level from logLevel (default info): give both.
  const logger = new BoltLogger(deps.log);
  const clientOptions: WebClientOptions = {
    ...(c.SLACK_API_URL ? { slackApiUrl: c.SLACK_API_URL } : {}),
    // Bolt's respond() and the Web API client both post through the app's one HTTP client.
    fetch: deps.fetch,
    // While a person waits: see SLACK_RETRIES.
    retryConfig: deps.slackRetries.answering,
  };
  const app = new App({
    ...(c.SLACK_APP_TOKEN ? socketModeOptions(deps, clientOptions) : httpOptions(deps, clientOptions, logger)),
    logger,
    logLevel,
    // Nothing here keeps conversation state: Bolt's in-memory store would only grow.
    convoStore: false,
  });
  // Outermost: a request's time and outcome cover all the rest, its answer included.
  app.use(requestTelemetry(deps.log, deps.metrics));
  app.use(ackUnanswered);
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
