// Samples a process's resident memory (VmRSS in /proc/<pid>/status) every few milliseconds from its
// own process, so a busy load generator cannot delay the samples: `node rss-watch.mjs <pid> <everyMs>`.
// On SIGTERM (or when the watched process is gone) prints one JSON line and exits:
// { samples: [[msSinceStart, KiB], …], maxGapMs, hwmKiB } — hwmKiB is the kernel's own peak (VmHWM).
import { readFileSync } from 'node:fs';
import { setPriority } from 'node:os';

// A benchmark runs niced on a shared machine; the watch itself takes almost no CPU but must wake on
// time, so it asks to be scheduled ahead of ordinary work (allowed only to root; otherwise it stays as it is).
try {
  setPriority(-10);
} catch {}

const pid = Number(process.argv[2]);
const everyMs = Number(process.argv[3] ?? 100);
const started = performance.now();
const samples = [];
let last = started;
let maxGapMs = 0;
let hwmKiB = 0;

const field = (status, name) => Number(status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'))?.[1] ?? 0);

function finish() {
  clearInterval(timer);
  process.stdout.write(`${JSON.stringify({ samples, maxGapMs, hwmKiB })}\n`, () => process.exit(0));
}

function sample() {
  let status;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return finish();
  }
  const now = performance.now();
  maxGapMs = Math.max(maxGapMs, now - last);
  last = now;
  samples.push([Math.round(now - started), field(status, 'VmRSS')]);
  hwmKiB = field(status, 'VmHWM');
}

const timer = setInterval(sample, everyMs);
sample();
process.on('SIGTERM', finish);
process.stdout.write('watching\n');
