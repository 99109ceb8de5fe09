/**
 * Did a failed Web API call reach Slack? Slack's `chat.postMessage` has no idempotency key: a post
 * sent again after Slack took it is a second message in the channel. So a post may be repeated
 * only when the first surely never arrived; any other failure leaves it unknown.
 */

/** Connection failures before a byte was sent: the request never reached Slack. */
const NEVER_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * Slack's own refusals that say the operation may have partly happened ("It's possible some aspect
 * of the operation succeeded before the error was raised", in Slack's error list).
 */
const MAY_HAVE_HAPPENED = new Set(['internal_error', 'fatal_error']);

// @slack/web-api's error codes (its `ErrorCode` enum), as plain strings: the errors carry them.
const REQUEST_ERROR = 'slack_webapi_request_error';
const RATE_LIMITED_ERROR = 'slack_webapi_rate_limited_error';
const PLATFORM_ERROR = 'slack_webapi_platform_error';

interface CodedError {
  readonly code?: unknown;
  readonly original?: unknown;
  readonly cause?: unknown;
  readonly message?: unknown;
  readonly data?: { readonly error?: unknown };
}

const coded = (error: unknown): CodedError => (error && typeof error === 'object' ? (error as CodedError) : {});

/** The system error code of a network failure, from the error or its cause (undici's request, or fetch's). */
function networkCode(error: unknown): string | undefined {
  const { code, cause } = coded(error);
  if (typeof code === 'string') return code;
  const inner = coded(cause).code;
  return typeof inner === 'string' ? inner : undefined;
}

/**
 * True when the call surely did not reach Slack, so sending it again cannot make a second message:
 * Slack said it was rate limited (429, its Retry-After honoured by the client), or no connection
 * could be made. A timeout, a connection that broke mid-request, or an HTTP 5xx may each come after
 * Slack took the request: false.
 */
export function surelyNotDelivered(error: unknown): boolean {
  const { code, original } = coded(error);
  if (code === RATE_LIMITED_ERROR) return true;
  if (code !== REQUEST_ERROR) return false;
  // The client turns each 429 into this error for its retry loop; once retries run out it is what is left.
  const message = coded(original).message;
  if (typeof message === 'string' && message.startsWith('A rate limit was exceeded')) return true;
  const network = networkCode(original);
  return network !== undefined && NEVER_CONNECTED.has(network);
}

/** Slack answered and refused: `ok: false` with an error code. Nothing was posted, unless the code says it may have been. */
export function isSlackRefusal(error: unknown): boolean {
  const { code, data } = coded(error);
  return code === PLATFORM_ERROR && typeof data?.error === 'string';
}

/** A refusal whose code says the operation may still have happened (`internal_error`, `fatal_error`). */
export function refusalMayHaveHappened(code: string): boolean {
  return MAY_HAVE_HAPPENED.has(code);
}

/**
 * For the Web API client's retry policy (p-retry's `onFailedAttempt`): throwing stops the retries.
 * A failed call is tried again only when it surely never reached Slack; otherwise the failure is
 * handed back at once, to be judged by the caller rather than repeated blindly.
 */
export function retryOnlyUndelivered(error: unknown): void {
  if (!surelyNotDelivered(error)) throw error;
}
