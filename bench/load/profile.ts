import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Sandbox, SECRET, type StandIn, startAnchor, startApp } from './fleet.js';
import { signedLoad } from './signed-load.js';
import { lastWeek } from './speed.js';
import { realMessage } from './versus-anchor.js';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}
interface CpuProfile {
  /** Microseconds on the monotonic clock process.hrtime reads. */
  readonly startTime: number;
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Where a frame's code lives, in words: our folder, a package, a part of Node, or V8's own. */
function placeOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const ours = url.match(/\/dist\/([^/]+)\//);
  if (ours && !url.includes('node_modules')) return `app: src/${ours[1]}`;
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (pkg) return pkg[1] ?? url;
  if (url.includes('internal/deps/undici')) return 'node: undici (fetch)';
  if (url.includes('internal/webstreams')) return 'node: web streams';
  const internal = url.match(/^node:(?:internal\/)?([^/]+)/);
  return internal ? `node: ${internal[1]}` : url;
}

/** Self time (µs) by place and by function, idle left out, of the samples taken within `window` (µs, hrtime). */
export function selfTimes(
  profile: CpuProfile,
  window: { from: number; to: number },
): { places: Map<string, number>; functions: Map<string, number> } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const places = new Map<string, number>();
  const functions = new Map<string, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const us = profile.timeDeltas[i] ?? 0;
    at += us;
    if (at < window.from || at > window.to) return; // start-up and warm-up are not what a command costs
    if (!node || node.callFrame.functionName === '(idle)') return;
    const { functionName, url, lineNumber } = node.callFrame;
    const place = placeOf(url, functionName);
    places.set(place, (places.get(place) ?? 0) + us);
    const name = `${functionName || '(anonymous)'}  ${url.replace(/^.*\/(node_modules|dist)\//, '$1/')}:${lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + us);
  });
  return { places, functions };
}

interface Profiled {
  readonly name: string;
  readonly places: Map<string, number>;
  readonly functions: Map<string, number>;
  readonly commands: number;
}

/** Drives a target started with `node --cpu-prof` at full speed, stops it, reads the profile it wrote. */
async function profiled(
  name: string,
  start: (nodeArgs: readonly string[]) => Promise<{ url: string; stop(): Promise<void> }>,
  standIn: StandIn,
  seconds: number,
): Promise<Profiled> {
  const dir = mkdtempSync(join(tmpdir(), 'contacts-profile-'));
  const target = await start(['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  const drive = (s: number, tag: string) =>
    signedLoad({
      urls: [target.url],
      secret: SECRET,
      responseBase: standIn.base,
      tag,
      commands: lastWeek,
      connections: 20,
      seconds: s,
    });
  const microsNow = () => Number(process.hrtime.bigint() / 1000n);
  let commands = 0;
  let window = { from: 0, to: 0 };
  try {
    await drive(Math.min(2, seconds), `${name}-warm`);
    const from = microsNow();
    commands = (await drive(seconds, name)).ok;
    window = { from, to: microsNow() };
  } finally {
    await target.stop();
  }
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no CPU profile was written in ${dir}`);
  console.log(`${name}: ${join(dir, file)}`);
  return { name, commands, ...selfTimes(JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile, window) };
}

/** Self time per command, side by side, the largest (in the last column) first. */
function printSideBySide(
  title: string,
  runs: readonly Profiled[],
  pick: (run: Profiled) => Map<string, number>,
  top: number,
): void {
  const last = runs.at(-1);
  if (!last) return;
  const names = [...pick(last).entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name]) => name);
  const total = (run: Profiled) => [...pick(run).values()].reduce((a, b) => a + b, 0);
  const cell = (run: Profiled, us: number) =>
    `${(us / Math.max(1, run.commands)).toFixed(0).padStart(6)} µs ${((us / total(run)) * 100).toFixed(1).padStart(5)} %`;
  console.log(`\n${title.padEnd(70)}${runs.map((run) => run.name.padStart(20)).join('')}`);
  for (const name of names) {
    console.log(
      `${name.slice(0, 69).padEnd(70)}${runs.map((run) => cell(run, pick(run).get(name) ?? 0).padStart(20)).join('')}`,
    );
  }
  console.log(`${'all (idle left out)'.padEnd(70)}${runs.map((run) => cell(run, total(run)).padStart(20)).join('')}`);
}

/**
 * `npm run bench -- --profile`: the ack + post anchor and the built app under full-speed
 * `/contacts last week`, each with `node --cpu-prof`; self time per command by place and by function.
 */
export async function benchProfile(standIn: StandIn, sandbox: Sandbox, options: { seconds: number }): Promise<void> {
  const first = await startApp({ standIn, sandbox });
  const message = await realMessage(first, standIn).finally(() => first.stop());
  console.log('\nCPU profiles under load (node --cpu-prof):');
  const runs = [
    await profiled(
      'anchor',
      async (nodeArgs) => {
        const anchor = await startAnchor(standIn, message, nodeArgs);
        return { url: anchor.urls[0] ?? '', stop: () => anchor.stop() };
      },
      standIn,
      options.seconds,
    ),
    await profiled(
      'app',
      async (nodeArgs) => {
        const app = await startApp({ standIn, sandbox, nodeArgs });
        return { url: `${app.base}/slack/events`, stop: () => app.stop().then(() => undefined) };
      },
      standIn,
      options.seconds,
    ),
  ];
  printSideBySide('self time per command, by place', runs, (run) => run.places, 20);
  printSideBySide('by function', runs, (run) => run.functions, 25);
}
