import { parseArgs } from 'node:util';

export interface BenchArgs {
  calls: number[];
  jsonFile: string | undefined;
  measureSeconds: number;
  warmupSeconds: number;
  rampSeconds: number | undefined;
  bargeInEverySeconds: number;
  profileDir: string | undefined;
  skipHold: boolean;
  pinCpus: boolean;
  niceness: number | undefined;
  floor: boolean;
  /** Bridge processes sharing the calls (as BRIDGE_INSTANCES does); the benchmark is 1. */
  instances: number;
}

export const USAGE = `usage: npm run bench:bridge -- [options]
  --calls 50,200,500   concurrent calls to simulate, one run each (default 50,200,500)
  --seconds 20         measured seconds per run, after ramp-up and warm-up (default 20)
  --warmup 3           seconds between the last call connecting and measuring (default 3)
  --ramp S             seconds over which calls connect (default: 2 s + 10 ms per call)
  --barge-every 4      seconds between barge-ins on each call (default 4)
  --json FILE          also write {"results":[...]} to FILE
  --profile DIR        write a V8 CPU profile of the bridge to DIR and print where its time went
  --pin                bridge on the last core alone, carrier and engine stub on the others (taskset)
  --nice=N             run the bridge, stub and carrier at nice N (-20..19; below 0 needs root) so a
                       shared machine's other work disturbs the timings less
  --floor              also measure the transport floor: a bare TCP relay moving the same messages
                       (no framing, no work), the least any node process pays for them here
  --instances 1        bridge processes sharing the calls, each call on the one its id picks, as with
                       BRIDGE_INSTANCES (default 1, the issue's definition; not with --pin or --profile)
  --no-hold            skip the hold-detector benchmark`;

const MAX_CALLS = 2000;

/** Reads the command line; throws an Error whose message says what is wrong (and prints nothing). */
export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      calls: { type: 'string', default: '50,200,500' },
      seconds: { type: 'string', default: '20' },
      warmup: { type: 'string', default: '3' },
      ramp: { type: 'string' },
      'barge-every': { type: 'string', default: '4' },
      json: { type: 'string' },
      profile: { type: 'string' },
      'no-hold': { type: 'boolean', default: false },
      pin: { type: 'boolean', default: false },
      floor: { type: 'boolean', default: false },
      instances: { type: 'string', default: '1' },
      nice: { type: 'string' },
    },
  });
  const calls = values.calls.split(',').map((text) => {
    const n = Number(text.trim());
    if (!Number.isInteger(n) || n < 1 || n > MAX_CALLS) throw new Error(`--calls takes whole numbers from 1 to ${MAX_CALLS}, got "${text}"`);
    return n;
  });
  const instances = Number(values.instances);
  if (!Number.isInteger(instances) || instances < 1 || instances > 16) throw new Error(`--instances takes a whole number from 1 to 16, got "${values.instances}"`);
  if (instances > 1 && (values.pin || values.profile)) throw new Error('--instances above 1 cannot be combined with --pin or --profile (both are for one bridge process)');
  return {
    calls,
    jsonFile: values.json,
    measureSeconds: seconds('--seconds', values.seconds, 1, 600),
    warmupSeconds: seconds('--warmup', values.warmup, 0, 120),
    rampSeconds: values.ramp === undefined ? undefined : seconds('--ramp', values.ramp, 0, 120),
    bargeInEverySeconds: seconds('--barge-every', values['barge-every'], 0.5, 600),
    profileDir: values.profile,
    skipHold: values['no-hold'],
    pinCpus: values.pin,
    niceness: values.nice === undefined ? undefined : niceness(values.nice),
    floor: values.floor,
    instances,
  };
}

function niceness(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < -20 || value > 19) throw new Error(`--nice takes a whole number from -20 to 19, got "${text}"`);
  return value;
}

function seconds(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max) throw new Error(`${flag} takes seconds from ${min} to ${max}, got "${text}"`);
  return value;
}
