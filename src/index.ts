import { config as loadDotenv } from 'dotenv';
import { type Config, ConfigError, loadConfig } from './config.js';
import { DigestRunner, startDigestScheduler } from './digest/scheduler.js';
import { createSlackApp, startSlackApp } from './slack/app.js';
import { buildDeps } from './slack/build-deps.js';
import { digestDeps } from './slack/digest-deps.js';

async function main(): Promise<void> {
  // A .env file beside the app fills in what the environment does not set (the environment wins).
  loadDotenv({ quiet: true });
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example for every variable.\n`);
      process.exit(1);
    }
    throw error;
  }
  const deps = buildDeps(config);
  const running = await startSlackApp(createSlackApp(deps), config.PORT);
  const mode = config.SLACK_APP_TOKEN ? 'Socket Mode' : `HTTP on port ${running.port} (/slack/events)`;
  running.app.logger.info(`Contacts for Slack is running: ${mode}, store ${deps.store.kind}`);
  const logger = running.app.logger;
  const digests = startDigestScheduler(new DigestRunner(digestDeps(deps, logger)), {
    onError: (error) => logger.error(`digest scheduler: ${error instanceof Error ? error.message : String(error)}`),
  });
  const stop = async () => {
    await digests.stop();
    await running.stop();
    await deps.store.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
