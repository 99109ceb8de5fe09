import { readFileSync } from 'node:fs';

/** What `npm start` runs: `node <flags> dist/index.js`, the flags being node's own (heap sizes). */
export interface StartCommand {
  readonly nodeFlags: readonly string[];
  readonly entry: string;
}

const PACKAGE_JSON = new URL('../../package.json', import.meta.url);

/**
 * Reads package.json's start script, where the production command is written (the Procfile runs
 * the same command without npm, and a test holds the two together), so tests and benchmarks start
 * the built app with exactly its flags.
 * Anything but `node [--flag …] <entry>.js` is refused: a start script this cannot read would
 * otherwise be tested as something it is not.
 */
export function startCommand(script = packageStartScript()): StartCommand {
  const words = script.trim().split(/\s+/);
  const entry = words.at(-1) ?? '';
  const nodeFlags = words.slice(1, -1);
  if (words[0] !== 'node' || !entry.endsWith('.js') || !nodeFlags.every((flag) => flag.startsWith('--')))
    throw new Error(`package.json's start script is not "node [--flag …] <entry>.js": ${script}`);
  return { nodeFlags, entry };
}

/** The web process of the Procfile (Heroku and the platforms that read it), as written. */
export function procfileWebCommand(): string {
  const procfile = readFileSync(new URL('../../Procfile', import.meta.url), 'utf8');
  return /^web:\s*(.+)$/m.exec(procfile)?.[1]?.trim() ?? '';
}

export function packageStartScript(): string {
  const pkg = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { scripts?: { start?: string } };
  return pkg.scripts?.start ?? '';
}
