import QuickChartModule from 'quickchart-js';

/**
 * quickchart-js ships ESM whose default export is the class, with CommonJS-style typings, so
 * TypeScript under NodeNext sees `{ default: QuickChart }`. One cast here, typed everywhere else.
 */
type QuickChartClass = typeof QuickChartModule.default;
export const QuickChart = QuickChartModule as unknown as QuickChartClass;
export type QuickChart = InstanceType<QuickChartClass>;

/**
 * What QuickChart refuses anywhere in a JavaScript config, strings included (it treats these as
 * code injection), with the reason. Our configs must contain none of them.
 */
export const QUICKCHART_REFUSES: readonly (readonly [RegExp, string])[] = [
  [/\(\s*\)\s*=>/, 'an arrow function without parameters'],
  [/\bfunction\s*\(/i, 'a function expression'],
  [/\bnew\s/i, 'the word “new” before a space'],
  [/\bdelete\b/i, 'the word “delete”'],
  [/\b(for|while)\s*\(/i, 'a loop'],
  [/<\w+>/, 'something that looks like an HTML tag'],
  [/\b(eval|Function|setTimeout|setInterval|require|import)\s*\(/i, 'a call QuickChart treats as code injection'],
  [
    /\b(process|global|document|window|location|navigator|fetch|alert|confirm|prompt|fs|net|https?|crypto|zlib|dgram|child_process|__dirname|__filename|localStorage|sessionStorage|indexedDB|WebSocket|XMLHttpRequest)\b/i,
    'a word QuickChart does not allow',
  ],
];

/** Why QuickChart would refuse this JavaScript config, or null when it would draw it. */
export function quickChartRefusal(config: string): string | null {
  if (!/^\s*\(?\s*\{/.test(config)) return 'it does not start with an object literal';
  for (const [pattern, reason] of QUICKCHART_REFUSES) if (pattern.test(config)) return `it contains ${reason}`;
  return null;
}

/**
 * A value as JavaScript source for a QuickChart config: JSON with bare keys, and any word
 * QuickChart refuses inside a string ("New contacts") spelled with an escape ("N\x65w contacts")
 * that reads the same once evaluated.
 */
export function jsSource(value: unknown): string {
  return JSON.stringify(value)
    .replace(/"([A-Za-z_][A-Za-z0-9_]*)":/g, '$1:')
    .replace(/"(?:[^"\\]|\\.)*"/g, (literal) =>
      QUICKCHART_REFUSES.reduce(
        (text, [pattern]) =>
          text.replace(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`), (word) => {
            const code = word.charCodeAt(1).toString(16).padStart(2, '0');
            return `${word[0]}\\x${code}${word.slice(2)}`;
          }),
        literal,
      ),
    );
}
