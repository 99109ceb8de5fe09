import { expect } from 'vitest';

/** Waits (up to 5 s) for a line among `lines` that says `words`, for work that goes on after Slack was answered; fails without one. */
export async function expectLogged(lines: readonly string[], words: string): Promise<void> {
  for (let i = 0; i < 250 && !lines.some((line) => line.includes(words)); i++)
    await new Promise((resolve) => setTimeout(resolve, 20));
  expect(lines).toContainEqual(expect.stringContaining(words));
}
