import { FRAME_MS } from '../common/audio/mulaw.js';
import type { BridgeBenchResult } from './bridgeBenchRun.js';
import type { TransportFloor } from './transportFloor.js';

/** Right-aligned plain-text columns. */
export function formatTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '-';
}

/** The figures the issue asks for, one row per N. */
export function headlineTable(results: BridgeBenchResult[]): string {
  return formatTable(
    ['calls', 'CPU %/call', 'RSS MB/call', 'added p50 ms', 'added p99 ms', 'late frames %', 'barge-in p50 ms', 'barge-in p99 ms'],
    results.map((r) => [
      String(r.calls),
      fixed(r.cpuPctPerCall, 3),
      fixed(r.rssMbPerCall, 3),
      fixed(r.p50AddedMs, 2),
      fixed(r.p99AddedMs, 2),
      fixed(r.lateFramesPct, 3),
      fixed(r.bargeInP50Ms, 2),
      fixed(r.bargeInP99Ms, 2),
    ]),
  );
}

/** What explains the headline: whole-process figures, the harness's own load, and anything that went wrong. */
export function detailTable(results: BridgeBenchResult[]): string {
  return formatTable(
    ['calls', 'bridge CPU %', 'bridge RSS MB (idle)', 'stub CPU %', 'carrier CPU %', 'other / machine CPU %', 'carrier loop p99 ms', 'round trip p50/p99 ms', 'added max ms', 'frames (lost)', 'sent late %', 'barge-ins (missed)', 'live calls', 'dropped calls'],
    results.map((r) => [
      String(r.calls),
      fixed(r.bridgeCpuPct, 1),
      `${fixed(r.bridgeRssMb, 1)} (${fixed(r.bridgeIdleRssMb, 1)})`,
      fixed(r.stubCpuPct, 1),
      fixed(r.carrierCpuPct, 1),
      `${fixed(r.otherCpuPct, 1)} / ${fixed(r.machineCpuPct, 1)}`,
      fixed(r.carrierLoopDelayP99Ms, 2),
      `${fixed(r.p50RoundTripMs, 2)}/${fixed(r.p99RoundTripMs, 2)}`,
      fixed(r.maxAddedMs, 1),
      `${r.framesSent} (${r.framesLost})`,
      fixed(r.sendLatePct, 3),
      `${r.bargeIns} (${r.bargeInsMissed})`,
      String(r.liveCalls),
      String(r.droppedCalls),
    ]),
  );
}

/** The bridge's CPU beside the bare transport's, per frame: what is the machine's and what is the bridge's. */
export function floorTable(floor: TransportFloor[], results: BridgeBenchResult[]): string {
  return formatTable(
    ['calls', 'bare relay CPU %', 'bare relay µs/frame', 'bridge CPU %', 'bridge µs/frame'],
    floor.map((f) => {
      const bridge = results.find((r) => r.calls === f.calls);
      const bridgeMicros = bridge ? (bridge.bridgeCpuPct * 10_000) / (f.calls * (1000 / FRAME_MS)) : NaN;
      return [String(f.calls), fixed(f.relayCpuPct, 1), fixed(f.microsPerFrame, 1), fixed(bridge?.bridgeCpuPct ?? NaN, 1), fixed(bridgeMicros, 1)];
    }),
  );
}
