import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = join(root, 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

const builtModules = (readdirSync(dist, { recursive: true }) as string[])
  .filter((file) => file.endsWith('.js'))
  .map((file) => join(dist, file));

/** Every import in a built module: static `from '…'`, bare `import '…'` and dynamic `import('…')`. */
function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const patterns = [
    /^(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/gm,
    /^import\s*['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((m) => m[1] as string));
}

/** The package a bare specifier names: `@slack/bolt/dist/x` → `@slack/bolt`, `luxon` → `luxon`. */
const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/** The built modules `node dist/index.js` loads, following relative imports from the entry point. */
function reachableFrom(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of importsOf(file)) if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
  };
  visit(entry);
  return seen;
}

describe('the built app, dist/', () => {
  it('loads every module under plain node, with no loader: a named import Node cannot see fails here', async () => {
    expect(builtModules.length).toBeGreaterThan(50);
    const script = `
      const failures = [];
      for (const file of JSON.parse(process.argv[1])) {
        try { await import(file); } catch (error) { failures.push(file + ': ' + String(error.message).split('\\n')[0]); }
      }
      console.log(JSON.stringify(failures));
      process.exit(0);`;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--input-type=module', '-e', script, JSON.stringify(builtModules)],
      { cwd: root, env: { PATH: process.env.PATH ?? '' } },
    );
    expect(JSON.parse(stdout)).toEqual([]);
  });

  it('needs only production dependencies to run (devDependencies are pruned in production)', () => {
    const reachable = reachableFrom(join(dist, 'index.js'));
    expect(reachable.size).toBeGreaterThan(40);
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    const packages = new Set(
      [...reachable]
        .flatMap(importsOf)
        .filter((s) => !s.startsWith('.') && !builtins.has(s))
        .map(packageOf),
    );
    const notDependencies = [...packages].filter((name) => !(name in pkg.dependencies));
    expect(notDependencies).toEqual([]);
    expect([...packages]).toEqual(expect.arrayContaining(['@slack/bolt', 'keyv', 'luxon', 'zod']));
  });
});
