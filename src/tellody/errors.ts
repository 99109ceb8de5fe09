/**
 * One class per way a Tellody call can fail, so the Slack layer can pick the right words
 * with `instanceof` and operators get the detail. No message or field ever carries a
 * password, cookie or XSRF token.
 */
export abstract class TellodyError extends Error {
  abstract readonly kind: 'credentials' | 'unavailable' | 'bad-request' | 'unexpected-response';
}

/** Tellody refused the username or password; `cause`/`message` are Tellody's own, meant for people. */
export class TellodyCredentialsError extends TellodyError {
  readonly kind = 'credentials';
  constructor(
    readonly tellodyCause: string,
    readonly tellodyMessage: string,
  ) {
    super(`Tellody refused the credentials: ${tellodyMessage} (${tellodyCause})`);
    this.name = 'TellodyCredentialsError';
  }
}

export type UnavailableReason = 'network' | 'timeout' | 'server-error' | 'session-rejected';

/** Tellody could not be reached, answered 5xx, took too long, or kept refusing a fresh session. */
export class TellodyUnavailableError extends TellodyError {
  readonly kind = 'unavailable';
  constructor(
    readonly reason: UnavailableReason,
    detail: string,
    readonly status?: number,
  ) {
    super(`Tellody is unavailable (${reason}): ${detail}`);
    this.name = 'TellodyUnavailableError';
  }
}

/** Tellody answered 400: the request was wrong. */
export class TellodyBadRequestError extends TellodyError {
  readonly kind = 'bad-request';
  constructor(readonly tellodyMessage: string) {
    super(`Tellody rejected the request: ${tellodyMessage}`);
    this.name = 'TellodyBadRequestError';
  }
}

/** Tellody answered, but not with what its documentation promises. */
export class TellodyResponseError extends TellodyError {
  readonly kind = 'unexpected-response';
  constructor(detail: string) {
    super(`Tellody sent an unexpected response: ${detail}`);
    this.name = 'TellodyResponseError';
  }
}
