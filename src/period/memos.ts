/**
 * Answers period/ keeps because they never change (a zone's offsets, whether a zone exists, what a
 * phrase means on a given day). Each registers here so that a test run can start every test
 * without them: mutation testing needs each test to run the code behind a memo itself, or only the
 * first test that filled it counts as testing that code (vitest.mutation.config.ts).
 */
const memos: { clear(): void }[] = [];

export function memo<T extends { clear(): void }>(kept: T): T {
  memos.push(kept);
  return kept;
}

/** Empties every memo of period/; the app never needs this, its answers stay right. */
export function forgetMemos(): void {
  for (const kept of memos) kept.clear();
}
