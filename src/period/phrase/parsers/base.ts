import type { Parser, ParsingContext, ParsingResult } from 'chrono-node';

/**
 * A parser for one phrase family: a case-insensitive pattern matched on word boundaries, and
 * a function from the match to a tagged chrono result. Results are anchored on the reference
 * date (a valid date, so chrono's filters keep them); the tags carry the meaning.
 */
export function phraseParser(
  body: string,
  toResult: (match: RegExpMatchArray, context: ParsingContext) => ParsingResult | null,
): Parser {
  const pattern = new RegExp(`(?<![\\w'’])${body}(?![\\w])`, 'i');
  return { pattern: () => pattern, extract: (context, match) => toResult(match, context) };
}

/** A result covering the match, dated at the reference day, with the given tags. */
export function taggedResult(
  context: ParsingContext,
  match: RegExpMatchArray,
  tags: readonly string[],
  components: { year?: number; month?: number; day?: number } = {},
): ParsingResult {
  const ref = context.refDate;
  const result = context.createParsingResult(match.index ?? 0, match[0], {
    year: components.year ?? ref.getUTCFullYear(),
    month: components.month ?? ref.getUTCMonth() + 1,
    day: components.day ?? ref.getUTCDate(),
  });
  result.addTags([...tags]);
  return result;
}
