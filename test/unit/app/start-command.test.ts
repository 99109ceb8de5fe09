import { describe, expect, it } from 'vitest';
import { START_FLAGS } from '../../support/app-process.js';
import { packageStartScript, procfileWebCommand, startCommand } from '../../support/start-command.js';

describe('what npm start runs, as tests and benchmarks read it', () => {
  it.each([
    ['node dist/index.js', [], 'dist/index.js'],
    ['node --max-old-space-size=192 dist/index.js', ['--max-old-space-size=192'], 'dist/index.js'],
    ['  node --a=1   --b dist/index.js ', ['--a=1', '--b'], 'dist/index.js'],
  ])('reads %j as node flags and an entry point', (script, nodeFlags, entry) => {
    expect(startCommand(script)).toEqual({ nodeFlags, entry });
  });

  it.each([
    'tsx src/index.ts',
    'NODE_OPTIONS=--max-old-space-size=192 node dist/index.js',
    'node dist/index.js --port 3000',
    'node --max-old-space-size 192 dist/index.js',
    'node',
    '',
  ])('refuses a start script it cannot start the same way: %j', (script) => {
    expect(() => startCommand(script)).toThrow('is not "node [--flag …] <entry>.js"');
  });

  it('gives every built app in tests and benchmarks exactly the flags package.json’s start script gives node', () => {
    const { nodeFlags, entry } = startCommand();
    expect(entry).toBe('dist/index.js');
    expect(START_FLAGS).toEqual(nodeFlags);
  });

  it('is what the Procfile runs, without npm resident beside the app', () => {
    expect(procfileWebCommand()).toBe(packageStartScript());
  });
});
