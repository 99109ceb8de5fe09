/**
 * How long people wait, and for what. Slack gives every request 3 s for its HTTP answer; after
 * that a person should never stare at nothing: a short note that work is under way, and an
 * honest "Tellody is slow" rather than silence.
 */
export interface Deadlines {
  /** A modal submission's checks and save get this long before Slack is answered "checking…" instead. */
  readonly submissionMs: number;
  /** No report yet after this long: "Fetching from Tellody…". */
  readonly fetchingNoticeMs: number;
  /** No report yet after this long: "Tellody is slow right now — try again in a minute" (a late report still replaces it). */
  readonly answerMs: number;
  /** A new Tellody login in the settings modal is given this long to answer. */
  readonly loginCheckMs: number;
}

export const DEADLINES: Deadlines = {
  submissionMs: 2000,
  fetchingNoticeMs: 2000,
  answerMs: 10_000,
  loginCheckMs: 10_000,
};

/** A response_url takes at most 5 replies (within 30 minutes). */
export const RESPONSE_URL_REPLIES = 5;
