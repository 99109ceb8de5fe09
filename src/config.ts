import { z } from 'zod';
import { isValidZone, parseWeekday, type Weekday } from './period/calendar.js';
import { DEFAULT_STORE_URL } from './store/open-store.js';
import { DEFAULT_QUICKCHART_HOST } from './views/chart.js';

/** A Slack team (T…) or Enterprise Grid organisation (E…) id. */
const WORKSPACE_ID = /^[TE][A-Z0-9]+$/;

/** Workspaces whose digests are made and posted at once by one instance (see README, Scale). */
export const DEFAULT_DIGEST_CONCURRENCY = 16;

const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();
const url = (name: string) =>
  optional.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), `${name} must be an http(s) URL`);

const quickchartHost = url('QUICKCHART_HOST').transform((v) => v ?? DEFAULT_QUICKCHART_HOST);

const schema = z
  .object({
    SLACK_SIGNING_SECRET: optional,
    SLACK_BOT_TOKEN: optional.refine(
      (v) => v === undefined || v.startsWith('xoxb-'),
      'SLACK_BOT_TOKEN must start with xoxb-',
    ),
    SLACK_APP_TOKEN: optional.refine(
      (v) => v === undefined || v.startsWith('xapp-'),
      'SLACK_APP_TOKEN must start with xapp-',
    ),
    SLACK_CLIENT_ID: optional,
    SLACK_CLIENT_SECRET: optional,
    SLACK_STATE_SECRET: optional,
    SLACK_API_URL: url('SLACK_API_URL'),
    TELLODY_BASE_URL: url('TELLODY_BASE_URL').transform((v) => v ?? 'https://app.tellody.com/CampaignCloud/'),
    TELLODY_USERNAME: optional,
    TELLODY_PASSWORD: optional,
    TELLODY_SHARED_LOGIN_WORKSPACES: optional
      .refine(
        (v) => v === undefined || v.split(',').every((id) => WORKSPACE_ID.test(id.trim())),
        'TELLODY_SHARED_LOGIN_WORKSPACES must be Slack team or enterprise ids (T…, E…), separated by commas',
      )
      .transform((v) => (v === undefined ? [] : v.split(',').map((id) => id.trim()))),
    DEFAULT_TIMEZONE: optional
      .refine((v) => v === undefined || isValidZone(v), 'DEFAULT_TIMEZONE must be an IANA zone such as Europe/Athens')
      .transform((v) => v ?? 'Europe/Athens'),
    DEFAULT_WEEK_START: optional
      .refine(
        (v) => v === undefined || parseWeekday(v) !== undefined,
        'DEFAULT_WEEK_START must be a day name such as monday',
      )
      .transform((v) => (v === undefined ? 1 : (parseWeekday(v) ?? 1)) as Weekday),
    STORE_URL: optional.refine(
      (v) => v === undefined || /^(sqlite|redis|rediss):\/\/.+|^memory:$/.test(v),
      'STORE_URL must be sqlite://…, redis://… or rediss://…',
    ),
    // What Heroku's Key-Value Store and most hosts set: the store when STORE_URL is not.
    REDIS_URL: optional.refine(
      (v) => v === undefined || /^rediss?:\/\/.+/.test(v),
      'REDIS_URL must be redis://… or rediss://…',
    ),
    // Set by Heroku on every dyno, whose disk is discarded at each restart.
    DYNO: optional,
    ENCRYPTION_KEY: optional.refine(
      (v) => v === undefined || /^[0-9a-fA-F]{64}$/.test(v),
      'ENCRYPTION_KEY must be 64 hex characters (32 bytes); make one with: openssl rand -hex 32',
    ),
    ENCRYPTION_KEY_PREVIOUS: optional
      .refine(
        (v) => v === undefined || v.split(',').every((key) => /^[0-9a-fA-F]{64}$/.test(key.trim())),
        'ENCRYPTION_KEY_PREVIOUS must be 64 hex characters (or several, separated by commas)',
      )
      .transform((v) => (v === undefined ? [] : v.split(',').map((key) => key.trim().toLowerCase()))),
    QUICKCHART_HOST: quickchartHost,
    PORT: optional
      .refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) > 0 && Number(v) < 65536), 'PORT must be 1–65535')
      .transform((v) => Number(v ?? 3000)),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    LOG_FORMAT: z.enum(['json', 'pretty'], { message: 'LOG_FORMAT must be json or pretty' }).default('json'),
    METRICS_TOKEN: optional.refine(
      (v) => v === undefined || (v.length >= 16 && !/\s/.test(v)),
      'METRICS_TOKEN must be at least 16 characters, without spaces; make one with: openssl rand -hex 32',
    ),
    DIGEST_CONCURRENCY: optional
      .refine(
        (v) => v === undefined || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 500),
        'DIGEST_CONCURRENCY must be a whole number from 1 to 500',
      )
      .transform((v) => Number(v ?? DEFAULT_DIGEST_CONCURRENCY)),
  })
  .superRefine((env, ctx) => {
    const problem = (message: string) => ctx.addIssue({ code: 'custom', message });
    const distributed = env.SLACK_CLIENT_ID || env.SLACK_CLIENT_SECRET || env.SLACK_STATE_SECRET;
    if (distributed && !(env.SLACK_CLIENT_ID && env.SLACK_CLIENT_SECRET && env.SLACK_STATE_SECRET)) {
      problem('SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET go together (distributed installs)');
    }
    if (!distributed && !env.SLACK_BOT_TOKEN) {
      problem('set SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID/SLACK_CLIENT_SECRET/SLACK_STATE_SECRET (many)');
    }
    if (!env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) problem('SLACK_SIGNING_SECRET is required in HTTP mode');
    if (!env.ENCRYPTION_KEY) problem('ENCRYPTION_KEY is required: make one with: openssl rand -hex 32');
    if (env.ENCRYPTION_KEY && env.ENCRYPTION_KEY_PREVIOUS.includes(env.ENCRYPTION_KEY.toLowerCase())) {
      problem('ENCRYPTION_KEY_PREVIOUS must be the old key, not the same as ENCRYPTION_KEY');
    }
    if (Boolean(env.TELLODY_USERNAME) !== Boolean(env.TELLODY_PASSWORD)) {
      problem('TELLODY_USERNAME and TELLODY_PASSWORD go together');
    }
    if (distributed && env.TELLODY_USERNAME && env.TELLODY_SHARED_LOGIN_WORKSPACES.length === 0) {
      problem(
        'TELLODY_USERNAME/TELLODY_PASSWORD with SLACK_CLIENT_ID would show that Tellody account to every workspace that installs the app: list the workspaces it may serve in TELLODY_SHARED_LOGIN_WORKSPACES (team or enterprise ids, comma-separated)',
      );
    }
    if (!env.STORE_URL && !env.REDIS_URL && env.DYNO) {
      problem(
        'this is a Heroku dyno, whose disk is wiped at every restart, so the default SQLite store would lose every install, login and schedule: add a Key-Value Store (it sets REDIS_URL), or set STORE_URL=sqlite:///… to accept the loss',
      );
    }
  })
  .transform(({ STORE_URL, REDIS_URL, DYNO, ...env }) => ({
    ...env,
    STORE_URL: STORE_URL ?? REDIS_URL ?? DEFAULT_STORE_URL,
    /** The setting the store's URL came from: what to check when it cannot be used. */
    storeSetting: STORE_URL === undefined && REDIS_URL !== undefined ? 'REDIS_URL' : 'STORE_URL',
    /**
     * Heroku's Key-Value Store serves TLS with a self-signed certificate and asks clients not to
     * verify it; only the REDIS_URL Heroku itself sets on a dyno is treated so.
     */
    storeTlsUnverified: !STORE_URL && REDIS_URL?.startsWith('rediss://') === true && DYNO !== undefined,
  }));

export type Config = z.infer<typeof schema>;

/**
 * Whether the deployment's own Tellody login (TELLODY_USERNAME/PASSWORD) may serve a workspace:
 * always for the one workspace of a bot-token deployment; in OAuth mode, where any workspace may
 * install the app, only those listed in TELLODY_SHARED_LOGIN_WORKSPACES.
 */
export function sharedLoginServes(config: Config, workspace: string): boolean {
  if (!config.TELLODY_USERNAME || !config.TELLODY_PASSWORD) return false;
  return !config.SLACK_CLIENT_ID || config.TELLODY_SHARED_LOGIN_WORKSPACES.includes(workspace);
}

/** Every problem with the environment, in one message, with no value echoed (some are secrets). */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The app cannot start:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the app's configuration once, at start-up; throws `ConfigError` listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new ConfigError(parsed.error.issues.map((issue) => issue.message));
}

/** What the demo needs: only the chart host; nothing about Slack. */
export function loadDemoConfig(env: NodeJS.ProcessEnv = process.env): Pick<Config, 'QUICKCHART_HOST'> {
  const parsed = quickchartHost.safeParse(env.QUICKCHART_HOST);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => issue.message));
  return { QUICKCHART_HOST: parsed.data };
}
