import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.js';
import { readable } from './log-lines.js';
import { startCommand } from './start-command.js';

/** The app's log (JSON lines on stdout) as a person reads it, a line each; anything not JSON as it came. */
function asText(stdout: string): string {
  return stdout
    .split('\n')
    .map((line) => {
      if (!line.startsWith('{')) return line;
      try {
        return readable(JSON.parse(line) as Record<string, unknown>);
      } catch {
        return line;
      }
    })
    .join('\n');
}

const START = startCommand();
/** The built app's entry point: exactly what `npm start` runs. */
export const BUILT_ENTRY = fileURLToPath(new URL(`../../${START.entry}`, import.meta.url));
/** node's flags in `npm start` (package.json's start script): every built app here runs with them. */
export const START_FLAGS = START.nodeFlags;

export interface AppProcess {
  readonly child: ChildProcess;
  readonly port: number;
  readonly base: string;
  /** Everything the process wrote to stderr so far: a start-up failure's one line, and anything written around the log. */
  stderr(): string;
  /** Its log: one JSON object a line. */
  stdout(): string;
  /** Every log record so far, parsed. */
  records(): Record<string, unknown>[];
  /** The log as people read it (`[LEVEL] name msg` a line), then stderr. */
  logText(): string;
  /** Resolves once the log text matches `pattern` (log lines arrive a little after the fact); rejects after `timeoutMs`. */
  waitForLog(pattern: RegExp | string, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code (or signal) once the process has ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends a signal (default SIGTERM) and waits for the process to end. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface AppProcessOptions {
  /** The app's environment, on top of a production-like base (NODE_ENV=production, PORT). */
  readonly env: Record<string, string>;
  /** How long to wait for /healthz to answer 200 (default 20 s). */
  readonly readyTimeoutMs?: number;
  /** Do not wait for /healthz: for processes expected to fail at start-up. */
  readonly waitForHealth?: boolean;
  readonly args?: readonly string[];
  /** Flags for node itself, after npm start's and before the entry point (e.g. `--cpu-prof`, which NODE_OPTIONS does not allow). */
  readonly nodeArgs?: readonly string[];
  /** node's flags in place of npm start's: a benchmark weighing other heap settings against them. */
  readonly startFlags?: readonly string[];
}

/**
 * Starts `node <npm start's flags> dist/index.js` as a child process, as production does: its own working directory
 * (no .env of the developer's), NODE_ENV=production, only the environment given. Resolves once
 * /healthz answers 200; rejects with the process's stderr if it exits or never gets there.
 */
export async function startBuiltApp(options: AppProcessOptions): Promise<AppProcess> {
  const port = Number(options.env.PORT ?? (await freePort()));
  const cwd = mkdtempSync(join(tmpdir(), 'contacts-built-'));
  const nodeFlags = [...(options.startFlags ?? START_FLAGS), ...(options.nodeArgs ?? [])];
  const child = spawn(process.execPath, [...nodeFlags, BUILT_ENTRY, ...(options.args ?? [])], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: cwd, NODE_ENV: 'production', PORT: String(port), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const app: AppProcess = {
    child,
    port,
    base: `http://127.0.0.1:${port}`,
    stderr: () => stderr,
    stdout: () => stdout,
    records: () =>
      stdout
        .split('\n')
        .slice(0, -1) // the last piece is an unfinished line, or nothing
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    logText: () => `${asText(stdout)}${stderr}`,
    async waitForLog(pattern, timeoutMs = 10_000) {
      const started = Date.now();
      const seen = () => {
        const text = app.logText();
        return typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text);
      };
      while (!seen()) {
        if (Date.now() - started > timeoutMs)
          throw new Error(`the app never logged ${String(pattern)}:\n${app.logText()}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  if (options.waitForHealth === false) return app;
  await waitForHealth(app, options.readyTimeoutMs ?? 20_000);
  return app;
}

async function waitForHealth(app: AppProcess, timeoutMs: number): Promise<void> {
  const started = Date.now();
  const state: { exit: { code: number | null } | null } = { exit: null };
  void app.exited.then((exit) => {
    state.exit = exit;
  });
  while (Date.now() - started < timeoutMs) {
    if (state.exit) throw new Error(`the built app exited (code ${state.exit.code}) before serving:\n${app.logText()}`);
    const healthy = await fetch(`${app.base}/healthz`, { signal: AbortSignal.timeout(1000) })
      .then((response) => response.status === 200)
      .catch(() => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await app.stop('SIGKILL');
  throw new Error(`the built app did not answer /healthz within ${timeoutMs} ms:\n${app.logText()}`);
}
