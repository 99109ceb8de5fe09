import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * How a piece of work ended, as operators count it. A few words, so a metric's labels stay few:
 * - `ok`: the person got what they asked for;
 * - `refused`: the app declined what was asked, and said why (a phrase it cannot read, a stale
 *   button, someone who may not change settings, a form with a mistake);
 * - `not_connected`: the workspace has no Tellody login that works (none, refused, unreadable);
 * - `unavailable`: Tellody, Slack or the store did not answer in time, and the person was told to
 *   try again;
 * - `busy`: more was asked of this instance than it takes on at once; the person was told at
 *   once to try again in a moment;
 * - `error`: something nobody planned for; the person was told it went wrong;
 * - `rejected`: the request guard refused the HTTP request itself (signature, replay, shape, size).
 */
export type Outcome = 'ok' | 'refused' | 'not_connected' | 'unavailable' | 'busy' | 'error' | 'rejected';

/** The worse of two outcomes wins: one failure in a request's work is its outcome. */
const SEVERITY: readonly Outcome[] = ['ok', 'refused', 'not_connected', 'unavailable', 'busy', 'error', 'rejected'];

const current = new AsyncLocalStorage<{ outcome: Outcome }>();

/** How tracked work ended; a throw is `error`, and what was thrown comes back to be passed on. */
export type Tracked =
  | { readonly outcome: Outcome; readonly thrown?: undefined }
  | { readonly outcome: 'error'; readonly thrown: { readonly error: unknown } };

/**
 * Runs `work`, collecting what the code it calls says of its outcome (`noteOutcome`), however deep
 * and however many awaits down: the work's own scope, not a parameter threaded through every layer.
 */
export async function trackingOutcome(work: () => Promise<unknown>): Promise<Tracked> {
  const scope = { outcome: 'ok' as Outcome };
  try {
    await current.run(scope, work);
    return { outcome: scope.outcome };
  } catch (error) {
    return { outcome: 'error', thrown: { error } };
  }
}

/** Says how the work in progress ended, when that is worse than what was said before. Outside tracked work it does nothing. */
export function noteOutcome(outcome: Outcome): void {
  const scope = current.getStore();
  if (scope && SEVERITY.indexOf(outcome) > SEVERITY.indexOf(scope.outcome)) scope.outcome = outcome;
}
