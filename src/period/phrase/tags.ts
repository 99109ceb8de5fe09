import type { ParsedComponents, ParsedResult } from 'chrono-node';

/**
 * Our parsers say what a match means through chrono's own tags, on the start components
 * (chrono keeps those when it merges a range). Values ride in the tag: `contacts/step:week`.
 */
export const TAG = {
  relative: 'contacts/relative',
  trailing: 'contacts/trailing',
  quarter: 'contacts/quarter',
  year: 'contacts/year',
  unit: 'contacts/unit',
  toDate: 'contacts/to-date',
  weekOf: 'contacts/week-of',
  since: 'contacts/since',
  weekend: 'contacts/weekend',
  half: 'contacts/half',
  step: 'contacts/step',
  count: 'contacts/count',
  /** What a weekday said alone means, by its own words: `contacts/direction:before-today`. */
  direction: 'contacts/direction',
  /** Kept out of chrono's own refiners, which drop all-digit matches like a bare "2025". */
  setAside: 'contacts/set-aside',
} as const;

export function tagged(components: ParsedComponents, tag: string): boolean {
  return components.tags().has(tag);
}

/** The value of a `name:value` tag, if present. */
export function tagValue(components: ParsedComponents, name: string): string | undefined {
  for (const tag of components.tags()) {
    if (tag.startsWith(`${name}:`)) return tag.slice(name.length + 1);
  }
  return undefined;
}

export function withValue(name: string, value: string | number): string {
  return `${name}:${value}`;
}

export function resultEnd(result: ParsedResult): number {
  return result.index + result.text.length;
}
