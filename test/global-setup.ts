import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function newest(dir: string, pattern: RegExp): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(path, pattern));
    else if (pattern.test(entry.name)) latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

/**
 * Tests drive the built app (dist/) as production runs it: build it first when it is missing or
 * older than any source, so a test never passes against yesterday's build.
 */
export default function setup(): void {
  const dist = join(root, 'dist');
  const stale = !existsSync(join(dist, 'index.js')) || newest(join(root, 'src'), /\.ts$/) > newest(dist, /\.js$/);
  if (stale) execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
}
