import type { CallOutcome } from './metrics.js';

/** How a call that threw ended: out of time (the caller's deadline), or never answered at all. */
function failureOf(error: unknown): CallOutcome {
  const name = error instanceof Error ? error.name : '';
  return name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network';
}

function outcomeOf(status: number): CallOutcome {
  return status >= 500 ? 'server_error' : status >= 400 ? 'client_error' : 'ok';
}

/**
 * `fetch`, with each call's outcome and time (to its status line) told to `observe`: every HTTP
 * request a client makes through it is counted, its retries and logins included.
 */
export function timedFetch(
  fetch: typeof globalThis.fetch,
  observe: (outcome: CallOutcome, seconds: number) => void,
): typeof globalThis.fetch {
  return async (input, init) => {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const response = await fetch(input, init);
      observe(outcomeOf(response.status), seconds());
      return response;
    } catch (error) {
      observe(failureOf(error), seconds());
      throw error;
    }
  };
}
