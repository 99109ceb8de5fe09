import { ConfigError } from './config.js';
import { StoreUnavailableError } from './store/open-store.js';
import { errorText } from './telemetry/error-text.js';
import { redact } from './telemetry/redact.js';

const PREFIX = 'Contacts for Slack cannot start:';

function field(error: unknown, key: string): unknown {
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[key] : undefined;
}

/** The Slack Web API's own error code (`invalid_auth`…), when a start-up call to Slack was refused. */
function slackErrorCode(error: unknown): string | undefined {
  const data = field(error, 'data');
  const code = field(data, 'error');
  return typeof code === 'string' ? code : undefined;
}

/** Ends a sentence with a full stop unless it already ends with one (or a question mark). */
const sentence = (text: string) => (/[.?!]$/.test(text) ? text : `${text}.`);

/**
 * Why the app could not start, as one line an operator can act on: never a stack trace, never a
 * secret. (A ConfigError keeps its list: every problem with the environment at once.)
 */
export function startupProblem(error: unknown, port: number): string {
  if (error instanceof ConfigError) return `${error.message}\nSee .env.example for every variable.`;
  if (error instanceof StoreUnavailableError) return `${PREFIX} ${sentence(error.message)} Check ${error.setting}.`;
  const code = field(error, 'code');
  if (code === 'EADDRINUSE')
    return `${PREFIX} port ${port} is already in use. Stop what is using it, or set PORT to a free port.`;
  if (code === 'EACCES' && field(error, 'syscall') === 'listen')
    return `${PREFIX} port ${port} needs privileges this process does not have. Set PORT to 1024 or above.`;
  const slack = slackErrorCode(error);
  if (slack)
    return `${PREFIX} Slack refused the app's token (${slack}). Check SLACK_BOT_TOKEN and, in Socket Mode, SLACK_APP_TOKEN.`;
  const detail = errorText(error);
  return `${PREFIX} ${redact(detail.split('\n')[0] ?? '')}`;
}
