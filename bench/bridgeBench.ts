import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { USAGE, parseBenchArgs, type BenchArgs } from './benchArgs.js';
import { runBridgeBench, type BridgeBenchResult } from './bridgeBenchRun.js';
import { summarizeCpuProfiles } from './cpuProfileSummary.js';
import { runHoldBenchIfPresent } from './holdBenchHook.js';
import { detailTable, floorTable, headlineTable } from './resultTable.js';
import { measureTransportFloor, type TransportFloor } from './transportFloor.js';

// npm run bench:bridge: concurrent simulated calls through one media-bridge process, or --instances N (see README.md).
const TARGET_CALLS = 200;
const TARGET_P99_ADDED_MS = 2;
/** Other processes busier than this (100 = one core) make the timings a measure of the machine's load. */
const BUSY_OTHERS_PCT = 20;
/** Above this share of all cores busy, every process waits for a CPU and queues build up. */
const SATURATED_SHARE = 0.9;

async function main(args: BenchArgs): Promise<void> {
  console.log(`bridge benchmark on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), node ${process.version}`);
  if (args.instances > 1) console.log(`${args.instances} bridge processes share the calls; CPU and RSS are their sums`);
  const results: BridgeBenchResult[] = [];
  for (const calls of args.calls) {
    const rampSeconds = args.rampSeconds ?? 2 + calls * 0.01;
    console.log(`\n${calls} calls: ramp ${rampSeconds} s, warm-up ${args.warmupSeconds} s, measuring ${args.measureSeconds} s ...`);
    const profileDir = args.profileDir ? `${args.profileDir}/calls-${calls}` : undefined;
    if (profileDir) mkdirSync(profileDir, { recursive: true });
    const result = await runBridgeBench({
      calls,
      rampMs: rampSeconds * 1000,
      warmupMs: args.warmupSeconds * 1000,
      measureMs: args.measureSeconds * 1000,
      bargeInEveryMs: args.bargeInEverySeconds * 1000,
      profileDir,
      pinCpus: args.pinCpus,
      niceness: args.niceness,
      instances: args.instances,
    });
    for (const problem of result.problems) console.log(`  problem: ${problem}`);
    if (result.otherCpuPct > BUSY_OTHERS_PCT) {
      console.log(`  warning: other processes used ${result.otherCpuPct.toFixed(0)} % CPU during this run; its timings measure that contention, not only the bridge`);
    }
    if (result.machineCpuPct > SATURATED_SHARE * 100 * cpus().length) {
      console.log(`  warning: the machine was saturated (${result.machineCpuPct.toFixed(0)} % of ${100 * cpus().length} % busy); latencies past this point are queueing`);
    }
    if (profileDir) console.log(`\nwhere the bridge's CPU went (${calls} calls, profile in ${profileDir}):\n${summarizeCpuProfiles(profileDir)}`);
    results.push(result);
  }
  console.log(`\n${headlineTable(results)}\n\n${detailTable(results)}`);
  const atTarget = results.find((r) => r.calls === TARGET_CALLS);
  if (atTarget) {
    const met = atTarget.p99AddedMs < TARGET_P99_ADDED_MS && atTarget.lateFramesPct === 0;
    const processes = args.instances > 1 ? `, ${args.instances} bridge processes (the target is for one)` : '';
    console.log(`\ntarget at ${TARGET_CALLS} calls (p99 added < ${TARGET_P99_ADDED_MS} ms, no late frames${processes}): ${met ? 'met' : 'MISSED'}`);
  }
  const floor: TransportFloor[] = [];
  if (args.floor) {
    const cores = cpus().length;
    for (const calls of args.calls) {
      console.log(`\ntransport floor, ${calls} calls ...`);
      floor.push(await measureTransportFloor(calls, args.measureSeconds * 1000, args.niceness, args.pinCpus && cores >= 2 ? String(cores - 1) : undefined));
    }
    console.log(`\n${floorTable(floor, results)}`);
  }
  const hold = args.skipHold ? undefined : await runHoldBenchIfPresent();
  if (hold) console.log(`\nhold detector (bench/holdBench.ts):\n${hold.printed}`);
  if (args.jsonFile) {
    // Figures that could not be measured (NaN) are written as null.
    writeFileSync(args.jsonFile, JSON.stringify({ results, ...(floor.length ? { floor } : {}), ...(hold ? { hold: hold.result } : {}) }, null, 2) + '\n');
    console.log(`\nwrote ${args.jsonFile}`);
  }
}

let args: BenchArgs;
try {
  args = parseBenchArgs(process.argv.slice(2));
} catch (err) {
  console.error(`${(err as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
await main(args);
