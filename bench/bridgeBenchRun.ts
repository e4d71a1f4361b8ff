import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { formatBridgeChildSettings } from './bridgeChildSettings.js';
import { runCarrierInChild } from './carrierChildLink.js';
import { startBenchChild, type BenchChild } from './childLink.js';
import { machineBusyCpuMs, processCpuMs, processRssMb } from './procStats.js';
import type { CarrierRunResult } from './simulatedCarrier.js';

export interface BridgeBenchOptions {
  calls: number;
  rampMs: number;
  warmupMs: number;
  measureMs: number;
  bargeInEveryMs: number;
  /** Directory for a V8 CPU profile of the bridge process (node --cpu-prof), or undefined for none. */
  profileDir?: string;
  /** Give the bridge the last core to itself and keep the carrier and engine stub on the others. */
  pinCpus?: boolean;
  /** Niceness for the bridge, stub and carrier processes (e.g. -10): a shared machine's other work then disturbs them less. */
  niceness?: number;
  /** Bridge processes sharing the calls (default 1); CPU and memory figures are their sums. */
  instances?: number;
}

export interface BridgeBenchResult extends Omit<CarrierRunResult, 'problems'> {
  calls: number;
  cpuPctPerCall: number;
  rssMbPerCall: number;
  /** The bridge processes' CPU during the window, 100 = one core. */
  bridgeCpuPct: number;
  bridgeRssMb: number;
  bridgeIdleRssMb: number;
  stubCpuPct: number;
  carrierCpuPct: number;
  /** Everything else the machine ran during the window (other processes, steal), 100 = one core. */
  otherCpuPct: number;
  /** The whole machine's busy CPU during the window, 100 = one core (the ceiling is 100 x cores). */
  machineCpuPct: number;
  problems: string[];
}

const PUBLIC_URL = 'wss://127.0.0.1/media-stream';
// RSS settles a moment after the server starts listening (lazy module init, first GC).
const IDLE_SETTLE_MS = 1000;
const RSS_SAMPLE_EVERY_MS = 1000;

/**
 * One benchmark point: a fresh engine stub, a fresh bridge (so RSS starts from idle) and a simulated
 * carrier, each its own process, N calls through them, and every process's CPU and the bridge's memory
 * sampled from /proc over the measurement window.
 */
export async function runBridgeBench(options: BridgeBenchOptions): Promise<BridgeBenchResult> {
  const authToken = randomBytes(16).toString('hex');
  const callTokenSecret = randomBytes(16).toString('hex');
  const cores = cpus().length;
  const pinning = options.pinCpus && cores >= 2 ? { bridge: String(cores - 1), harness: cores === 2 ? '0' : `0-${cores - 2}` } : undefined;
  const children: BenchChild[] = [];
  const start = async (script: string, args: string[], cpuList: string | undefined, nodeArgs: string[] = []) => {
    const child = await startBenchChild(new URL(script, import.meta.url), args, { nodeArgs, cpuList, niceness: options.niceness });
    children.push(child);
    return child;
  };
  try {
    const stub = await start('./engineStubChild.ts', [], pinning?.harness);
    const settings = formatBridgeChildSettings({ enginePort: stub.port, authToken, publicUrl: PUBLIC_URL, callTokenSecret });
    const profileArgs = options.profileDir ? ['--cpu-prof', '--cpu-prof-dir', options.profileDir] : [];
    const bridges: BenchChild[] = [];
    for (let i = 0; i < (options.instances ?? 1); i++) bridges.push(await start('./bridgeChild.ts', [settings], pinning?.bridge, profileArgs));
    const carrier = await start('./carrierChild.ts', [], pinning?.harness);
    await new Promise((r) => setTimeout(r, IDLE_SETTLE_MS));
    const bridgesRssMb = () => bridges.reduce((sum, bridge) => sum + processRssMb(bridge.pid), 0);
    const idleRssMb = bridgesRssMb();

    const measured = [...bridges, stub, carrier];
    const rssSamples: number[] = [];
    let rssTimer: NodeJS.Timeout | undefined;
    let cpuAtStart = { processes: measured.map(() => 0), machine: 0, at: 0 };
    let cpuPct = { processes: measured.map(() => NaN), machine: NaN };
    const relay = await runCarrierInChild(
      carrier,
      {
        calls: options.calls,
        bridgePorts: bridges.map((bridge) => bridge.port),
        publicUrl: PUBLIC_URL,
        authToken,
        callTokenSecret,
        rampMs: options.rampMs,
        warmupMs: options.warmupMs,
        measureMs: options.measureMs,
        bargeInEveryMs: options.bargeInEveryMs,
      },
      {
        onMeasureStart: () => {
          cpuAtStart = { processes: measured.map((c) => processCpuMs(c.pid)), machine: machineBusyCpuMs(), at: performance.now() };
          rssTimer = setInterval(() => rssSamples.push(bridgesRssMb()), RSS_SAMPLE_EVERY_MS);
        },
        onMeasureEnd: () => {
          clearInterval(rssTimer);
          rssSamples.push(bridgesRssMb());
          const percentOf = (cpuMs: number) => (cpuMs / (performance.now() - cpuAtStart.at)) * 100;
          cpuPct = {
            processes: measured.map((c, i) => percentOf(processCpuMs(c.pid) - cpuAtStart.processes[i])),
            machine: percentOf(machineBusyCpuMs() - cpuAtStart.machine),
          };
        },
      },
    );
    const bridgeCpuPct = cpuPct.processes.slice(0, bridges.length).reduce((a, b) => a + b, 0);
    const [stubCpuPct, carrierCpuPct] = cpuPct.processes.slice(bridges.length);
    const rssMb = rssSamples.reduce((a, b) => a + b, 0) / rssSamples.length;
    // The figures first (the JSON keeps this order), then what explains them.
    const { p50AddedMs, p99AddedMs, lateFramesPct, bargeInP50Ms, bargeInP99Ms, ...details } = relay;
    return {
      calls: options.calls,
      cpuPctPerCall: bridgeCpuPct / options.calls,
      rssMbPerCall: (rssMb - idleRssMb) / options.calls,
      p50AddedMs,
      p99AddedMs,
      lateFramesPct,
      bargeInP50Ms,
      bargeInP99Ms,
      ...details,
      bridgeCpuPct,
      bridgeRssMb: rssMb,
      bridgeIdleRssMb: idleRssMb,
      stubCpuPct,
      carrierCpuPct,
      otherCpuPct: Math.max(0, cpuPct.machine - bridgeCpuPct - stubCpuPct - carrierCpuPct),
      machineCpuPct: cpuPct.machine,
    };
  } finally {
    for (const child of children.reverse()) await child.stop();
  }
}
