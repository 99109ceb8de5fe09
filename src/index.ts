import { config as loadDotenv } from 'dotenv';
import { type Config, loadConfig } from './config.js';
import { installCrashPolicy } from './crash-policy.js';
import { isEntryPoint } from './entry-point.js';
import type { RunningTrigger } from './jobs/trigger.js';
import { createSlackApp, type RunningApp, startSlackApp } from './slack/app.js';
import type { AppParts } from './slack/app-parts.js';
import { composeApp } from './slack/compose.js';
import { logFailure } from './slack/safely.js';
import { startJobs } from './slack/start-jobs.js';
import { startupProblem } from './startup-problem.js';
import type { AppLogger } from './telemetry/logger.js';

/** How long a shutdown waits for requests in flight (Kubernetes allows 30 s between SIGTERM and SIGKILL). */
const SHUTDOWN_GRACE_MS = 10_000;

interface Started {
  readonly parts: AppParts;
  readonly running: RunningApp;
  /** The scheduled jobs (the digest, the alert checks): every instance runs them; the store's claims keep each post to one. */
  readonly jobs: RunningTrigger;
}

/** Opens the store (and checks it answers), then starts Bolt: HTTP on PORT, or Socket Mode. */
async function start(config: Config): Promise<Started> {
  const parts = composeApp(config);
  try {
    await parts.store.ready();
    const running = await startSlackApp(createSlackApp(parts), config.PORT);
    return { parts, running, jobs: startJobs(parts) };
  } catch (error) {
    await parts.store.close().catch(() => {});
    throw error;
  }
}

/** Stops taking requests, lets those in flight finish (bounded), closes the store. */
async function stop({ parts, running, jobs }: Started, signal: string): Promise<void> {
  const logger = parts.log;
  logger.info(`${signal}: taking no new requests; finishing ${parts.inFlight.size} in flight, then stopping`);
  const deadline = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
  const [finished] = await Promise.all([
    parts.inFlight.settle(SHUTDOWN_GRACE_MS),
    // A digest cut short keeps its claim until the lease runs out; another instance then posts it.
    Promise.race([jobs.stop(), deadline]),
    Promise.race([
      running.stop().catch((error: unknown) => logFailure(logger, 'stopping the receiver', error)),
      deadline,
    ]),
  ]);
  if (!finished)
    logger.warn(`gave up on ${parts.inFlight.size} request(s) still running after ${SHUTDOWN_GRACE_MS} ms`);
  await Promise.race([parts.numbers.flushed(), deadline]); // numbers fetched are written to the store before it closes
  await parts.store.close().catch((error: unknown) => logFailure(logger, 'closing the store', error));
  await parts.http.close().catch((error: unknown) => logFailure(logger, 'closing outbound connections', error));
  logger.info('stopped');
  logger.flush();
}

function stopOnSignals(started: Started, logger: AppLogger): void {
  let stopping = false;
  const stopFor = (reason: string, code: number) => {
    // A second signal while stopping means "now".
    if (stopping) process.exit(1);
    stopping = true;
    void stop(started, reason).then(() => process.exit(code));
  };
  process.on('SIGTERM', () => stopFor('SIGTERM', 0));
  process.on('SIGINT', () => stopFor('SIGINT', 0));
  // A request's bug is logged and the app serves on; a burst of them stops it for a clean restart.
  installCrashPolicy(process, {
    log: (line) => logger.error(line),
    stop: () => stopFor('too many uncaught errors', 1),
  });
}

async function main(): Promise<void> {
  // A .env file beside the app fills in what the environment does not set (the environment wins).
  loadDotenv({ quiet: true });
  let port = 3000;
  // Until the app is up, any failure ends start-up with one line. (Socket Mode's health server
  // reports a port in use as an uncaught 'error' event, not through start().)
  const failStartup = (error: unknown): never => {
    process.stderr.write(`${startupProblem(error, port)}\n`);
    process.exit(1);
  };
  process.on('uncaughtException', failStartup);
  let started: Started;
  try {
    const config = loadConfig();
    port = config.PORT;
    started = await start(config);
  } catch (error) {
    return failStartup(error);
  }
  process.off('uncaughtException', failStartup);
  const { parts, running } = started;
  const mode = parts.config.SLACK_APP_TOKEN ? 'Socket Mode' : `HTTP on port ${running.port} (/slack/events)`;
  parts.log.info(
    { mode: parts.config.SLACK_APP_TOKEN ? 'socket' : 'http', port: running.port, store: parts.store.kind },
    `Contacts for Slack is running: ${mode}, store ${parts.store.kind}`,
  );
  stopOnSignals(started, parts.log);
}

if (isEntryPoint(import.meta.url)) await main();
