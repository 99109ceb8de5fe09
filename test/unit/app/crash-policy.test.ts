import { EventEmitter } from 'node:events';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BURST_LIMIT, BURST_WINDOW_MS, installCrashPolicy, UncaughtErrors } from '../../../src/crash-policy.js';

function policy() {
  const proc = new EventEmitter();
  const lines: string[] = [];
  let stops = 0;
  let now = 0;
  const uninstall = installCrashPolicy(proc, {
    log: (line) => lines.push(line),
    stop: () => {
      stops++;
    },
    now: () => now,
  });
  return {
    proc,
    lines,
    stops: () => stops,
    uninstall,
    at(ms: number) {
      now = ms;
    },
  };
}

describe('errors nobody caught, once the app is serving', () => {
  it('logs an unhandled rejection in one line and serves on', () => {
    const p = policy();
    p.proc.emit('unhandledRejection', new TypeError("Cannot read properties of null (reading 'ssl_check')"));
    expect(p.lines).toEqual([
      "unhandled rejection (still serving): TypeError: Cannot read properties of null (reading 'ssl_check')",
    ]);
    expect(p.stops()).toBe(0);
  });

  it('logs an uncaught exception in one line and serves on', () => {
    const p = policy();
    p.proc.emit('uncaughtException', new RangeError('bad'));
    expect(p.lines).toEqual(['uncaught exception (still serving): RangeError: bad']);
    expect(p.stops()).toBe(0);
  });

  it(`stops once, for a clean restart, after ${BURST_LIMIT} uncaught exceptions within a minute`, () => {
    const p = policy();
    for (let i = 0; i < BURST_LIMIT + 2; i++) {
      p.at(i * 1000);
      p.proc.emit('uncaughtException', new Error(`e${i}`));
    }
    expect(p.stops()).toBe(1);
    expect(p.lines[BURST_LIMIT - 1]).toMatch(/within a minute, so stopping$/);
  });

  it('no longer listens once uninstalled', () => {
    const p = policy();
    p.uninstall();
    expect(p.proc.listenerCount('uncaughtException')).toBe(0);
    expect(p.proc.listenerCount('unhandledRejection')).toBe(0);
  });
});

describe('counting uncaught exceptions', () => {
  it('calls it a burst exactly when some minute holds the limit', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 600_000 }), { maxLength: 40 }), (gaps) => {
        const counter = new UncaughtErrors();
        let now = 0;
        const seen: number[] = [];
        for (const gap of gaps) {
          now += gap;
          seen.push(now);
          const inWindow = seen.filter((t) => t > now - BURST_WINDOW_MS).length;
          expect(counter.record(now)).toBe(inWindow >= BURST_LIMIT);
        }
      }),
    );
  });
});
