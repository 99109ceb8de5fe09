const WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fourteen: 14,
  thirty: 30,
  ninety: 90,
};

/** A count written as digits or as an English word. */
export const COUNT_PATTERN = `(\\d{1,4}|${Object.keys(WORDS).join('|')})`;

export function readCount(text: string): number {
  const word = WORDS[text.toLowerCase()];
  return word ?? Number.parseInt(text, 10);
}

/** "day", "weeks", "Month" → the step; the pattern accepts singular and plural. */
export const STEP_PATTERN = '(day|week|month|quarter|year)s?';
