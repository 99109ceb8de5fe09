import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Sandbox, SECRET, type StandIn, startApp } from './fleet.js';
import { signedLoad } from './signed-load.js';
import { lastWeek } from './speed.js';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}
interface CpuProfile {
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

function share(selfUs: Map<string, number>, total: number, top: number): string[] {
  return [...selfUs.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => `${((us / total) * 100).toFixed(1).padStart(5)} %  ${name}`);
}

/** Self time by function and by place, as shares of the time not idle. */
export function summarize(profile: CpuProfile, top = 20): { places: string[]; functions: string[] } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const places = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const us = profile.timeDeltas[i] ?? 0;
    if (!node || node.callFrame.functionName === '(idle)') return;
    total += us;
    const { functionName, url, lineNumber } = node.callFrame;
    const place = placeOf(url, functionName);
    places.set(place, (places.get(place) ?? 0) + us);
    const name = `${functionName || '(anonymous)'}  ${url.replace(/^.*\/(node_modules|dist)\//, '$1/')}:${lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + us);
  });
  return { places: share(places, total, top), functions: share(functions, total, top) };
}

/** `npm run bench -- --profile`: the built app under full-speed `/contacts last week` with `node --cpu-prof`. */
export async function benchProfile(standIn: StandIn, sandbox: Sandbox, options: { seconds: number }): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'contacts-profile-'));
  const app = await startApp({ standIn, sandbox, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
  const drive = (seconds: number, tag: string) =>
    signedLoad({
      urls: [`${app.base}/slack/events`],
      secret: SECRET,
      responseBase: standIn.base,
      tag,
      commands: lastWeek,
      connections: 20,
      seconds,
    });
  await drive(2, 'profile-warm');
  await drive(options.seconds, 'profile');
  await app.stop();
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no CPU profile was written in ${dir}`);
  const { places, functions } = summarize(JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile);
  console.log(`\nCPU profile of the built app under load (${join(dir, file)}), self time, idle left out:`);
  console.log(`by place:\n  ${places.join('\n  ')}`);
  console.log(`by function:\n  ${functions.join('\n  ')}`);
}
