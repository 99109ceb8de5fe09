/**
 * Promise.all, except that a failure is thrown only once every call has settled: a report that
 * gives up leaves no Tellody call (or its retries) running behind it, to land after the digest
 * or an alert check has recorded that it is waiting, or the person has been told Tellody is down.
 */
export function allSettledFirst<T extends readonly unknown[] | []>(
  calls: T,
): Promise<{ -readonly [P in keyof T]: Awaited<T[P]> }> {
  return Promise.allSettled(calls).then(() => Promise.all(calls));
}
