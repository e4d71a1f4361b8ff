import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fixed, formatTable } from './resultTable.js';

/** The parts of a V8 .cpuprofile (as written by node --cpu-prof) that the summary reads. */
interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}

interface FrameInfo {
  area: string;
  name: string;
  parent: number | undefined;
}

const TOP_FUNCTIONS = 15;

/**
 * Where a process spent its CPU, from the .cpuprofile files in `dir`: self time by area (a package, a
 * bridge file, a node module, GC), the heaviest functions by self time, and the bridge's own functions by
 * total (inclusive) time.
 * Idle time is left out, so the shares are of the time the process was actually busy.
 */
export function summarizeCpuProfiles(dir: string): string {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  if (!files.length) return `  no .cpuprofile in ${dir}`;
  const selfByArea = new Map<string, number>();
  const selfByFunction = new Map<string, number>();
  const totalByFunction = new Map<string, number>();
  let busyUs = 0;
  for (const file of files) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    const frames = indexFrames(profile);
    for (let i = 0; i < profile.samples.length; i++) {
      const leaf = frames.get(profile.samples[i]);
      const us = profile.timeDeltas[i] ?? 0;
      if (!leaf || leaf.name === '(idle)') continue;
      busyUs += us;
      add(selfByArea, leaf.area, us);
      add(selfByFunction, `${leaf.name} [${leaf.area}]`, us);
      // Each function on the stack once, however deep its recursion.
      const onStack = new Set<string>();
      for (let id: number | undefined = profile.samples[i]; id !== undefined; id = frames.get(id)?.parent) {
        const frame = frames.get(id)!;
        onStack.add(`${frame.name} [${frame.area}]`);
      }
      for (const key of onStack) add(totalByFunction, key, us);
    }
  }
  const share = (us: number) => [fixed(us / 1000, 0), fixed((100 * us) / busyUs, 1)];
  const top = (map: Map<string, number>, n: number) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
  return [
    `busy ${fixed(busyUs / 1000, 0)} ms of CPU sampled`,
    formatTable(['self time by area', 'ms', '%'], top(selfByArea, 20).map(([k, us]) => [k, ...share(us)])),
    formatTable(['heaviest functions (self)', 'ms', '%'], top(selfByFunction, TOP_FUNCTIONS).map(([k, us]) => [k, ...share(us)])),
    formatTable(
      ['bridge functions (total, incl. callees)', 'ms', '%'],
      top(ownCode(totalByFunction), TOP_FUNCTIONS + 10).map(([k, us]) => [k, ...share(us)]),
    ),
  ].join('\n\n');
}

/** Our own functions only: what each step of the relay costs with everything it calls (sends included). */
function ownCode(totals: Map<string, number>): Map<string, number> {
  return new Map([...totals].filter(([key]) => /\[(media-bridge|common)\//.test(key)));
}

function indexFrames(profile: CpuProfile): Map<number, FrameInfo> {
  const frames = new Map<number, FrameInfo>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    // tsx emits each module on very few lines, so an anonymous function is told apart by its position.
    const name = functionName || (url ? `(anonymous ${lineNumber + 1}:${columnNumber + 1})` : '(anonymous)');
    frames.set(node.id, { area: areaOf(functionName, url), name, parent: undefined });
  }
  for (const node of profile.nodes) for (const child of node.children ?? []) frames.get(child)!.parent = node.id;
  return frames;
}

/** A package for dependencies, the file for our own code, the module for node's internals. */
function areaOf(functionName: string, url: string): string {
  if (!url) return functionName.startsWith('(') ? 'v8' : 'v8 builtins (JSON, Buffer, ...)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return url.replace(/^node:(internal\/)?/, 'node:').replace(/\/.*$/, '');
  const own = /\/(media-bridge|common|bench|db|telephony|workflows)\/(.+)$/.exec(url);
  return own ? `${own[1]}/${own[2]}` : url;
}

function add(map: Map<string, number>, key: string, us: number): void {
  map.set(key, (map.get(key) ?? 0) + us);
}
