import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * True when the module at `moduleUrl` is the script node was started with (not merely imported),
 * so importing an entry point never starts a server. Paths with spaces or non-ASCII characters
 * are URL-encoded in `import.meta.url`, hence the conversion rather than a string comparison.
 */
export function isEntryPoint(moduleUrl: string): boolean {
  const script = process.argv[1];
  return script !== undefined && pathToFileURL(resolve(script)).href === moduleUrl;
}
