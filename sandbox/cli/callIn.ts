import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

export interface CallInOptions {
  /** The running sandbox, e.g. http://127.0.0.1:3100. */
  sandboxUrl: string;
  caller: string;
  to?: string;
  from?: string;
  /** Follow the call until it ends. */
  wait: boolean;
}

const USAGE = `Usage: npm run sandbox:call-in -- [--caller dana] [--to +12125550100] [--from +18005550111] [--no-wait]
A scripted sandbox caller phones the app's number (the carrier POSTs SANDBOX_INBOUND_URL).
The sandbox is reached on SANDBOX_PORT (default 3100).`;

const POLL_MS = 1000;
const MAX_WAIT_MS = 10 * 60_000;

/** Bad arguments, or --help: the message is for the user, with the exit code to leave with. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

function options(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        caller: { type: 'string', default: 'dana' },
        to: { type: 'string' },
        from: { type: 'string' },
        'no-wait': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`, 2);
  }
}

export function parseCallInArgs(argv: string[], env: NodeJS.ProcessEnv): CallInOptions {
  const values = options(argv);
  if (values.help) throw new UsageError(USAGE, 0);
  const port = Number(env.SANDBOX_PORT ?? '3100');
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`SANDBOX_PORT must be a port number; got ${env.SANDBOX_PORT}`, 2);
  return { sandboxUrl: `http://127.0.0.1:${port}`, caller: values.caller, to: values.to ?? env.TWILIO_FROM_NUMBER, from: values.from, wait: !values['no-wait'] };
}

interface CallerTruth {
  status: string;
  caller?: { name: string };
  said?: string[];
  heard?: string[];
  hungUpBy?: string | null;
}

async function readJson(response: Response): Promise<Record<string, unknown>> {
  const text = await response.text();
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { error: text };
  }
}

/** Asks the sandbox for an inbound call; with `wait`, follows it to the end. Returns the ground truth. */
export async function callIn(options: CallInOptions, log: (line: string) => void): Promise<{ callSid: string; truth: CallerTruth | null }> {
  let response: Response;
  try {
    response = await fetch(`${options.sandboxUrl}/_sandbox/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ caller: options.caller, to: options.to, from: options.from }),
    });
  } catch (error) {
    throw new Error(`no sandbox at ${options.sandboxUrl} (${(error as Error).message}); start it with npm start`);
  }
  const body = await readJson(response);
  if (!response.ok) throw new Error(`the sandbox refused the call (HTTP ${response.status}): ${String(body.error ?? JSON.stringify(body))}`);
  const callSid = String(body.callSid);
  log(`${(body.caller as { name: string }).name} is calling ${String(body.to)} from ${String(body.from)}: call ${callSid}`);
  log(`ground truth: ${options.sandboxUrl}/_sandbox/calls/${callSid}`);
  if (!options.wait) return { callSid, truth: null };

  const deadline = Date.now() + MAX_WAIT_MS;
  for (;;) {
    const truth = (await readJson(await fetch(`${options.sandboxUrl}/_sandbox/calls/${callSid}`))) as unknown as CallerTruth;
    if (!['queued', 'ringing', 'in-progress'].includes(truth.status) || Date.now() > deadline) {
      log(`call ${truth.status}${truth.hungUpBy ? `; hung up by the ${truth.hungUpBy}` : ''}`);
      for (const line of truth.said ?? []) log(`  caller said: ${line}`);
      for (const line of truth.heard ?? []) log(`  caller heard: ${line}`);
      return { callSid, truth };
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function main(): Promise<void> {
  try {
    await callIn(parseCallInArgs(process.argv.slice(2), process.env), (line) => console.log(line));
  } catch (error) {
    if (error instanceof UsageError) {
      (error.exitCode === 0 ? console.log : console.error)(error.message);
      process.exitCode = error.exitCode;
    } else {
      console.error(`sandbox:call-in: ${(error as Error).message}`);
      process.exitCode = 1;
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
