import { scoreCall, type GroundTruth, type ReportedCall, type ScenarioExpectation, type ScenarioScore } from './scoreCall.js';

export interface SandboxBusiness {
  id: string;
  name: string;
  number: string;
  expected: ScenarioExpectation | null;
}

export interface EvalResult extends ScenarioScore {
  scenario: string;
  callId: string | null;
  error?: string;
}

const FINAL = new Set(['completed', 'busy', 'no-answer', 'failed', 'canceled']);

/** Runs each scenario as a real call through the API, `concurrency` at a time, and scores it. */
export async function runEval(options: {
  api: string;
  sandbox: string;
  filter: string[];
  concurrency: number;
  callTimeoutMs: number;
  onResult?: (result: EvalResult) => void;
}): Promise<EvalResult[]> {
  const response = await fetch(`${options.sandbox}/_sandbox/businesses`);
  if (!response.ok) throw new Error(`the sandbox did not list its businesses (HTTP ${response.status})`);
  const businesses = ((await response.json()) as SandboxBusiness[]).filter(
    (b) => b.expected && (!options.filter.length || options.filter.some((f) => b.id.includes(f) || b.name.toLowerCase().includes(f.toLowerCase()))),
  );
  if (!businesses.length) throw new Error(`no scenario matches ${options.filter.join(', ')}`);
  const results: EvalResult[] = [];
  const queue = [...businesses];
  const worker = async () => {
    for (let business = queue.shift(); business; business = queue.shift()) {
      const result = await runScenario(options, business);
      results.push(result);
      options.onResult?.(result);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, businesses.length) }, worker));
  return businesses.map((b) => results.find((r) => r.scenario === b.id)!);
}

async function runScenario(options: { api: string; sandbox: string; callTimeoutMs: number }, business: SandboxBusiness): Promise<EvalResult> {
  const expected = business.expected!;
  try {
    const created = await fetch(`${options.api}/calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        to: business.number,
        company: business.name,
        userName: 'Jane Doe',
        issue: expected.issue ?? `I have a question about my account with ${business.name} and would like some help.`,
        facts: { 'Full name': 'Jane Doe', ...(expected.callerFacts ?? {}) },
      }),
    });
    const body = (await created.json()) as { id?: string; error?: string };
    if (!created.ok || !body.id) throw new Error(`POST /calls answered ${created.status}: ${body.error ?? ''}`);
    const call = await waitForFinal(options.api, body.id, options.callTimeoutMs);
    const truth = call.callSid ? await fetchTruth(options.sandbox, call.callSid) : null;
    return { scenario: business.id, callId: body.id, ...scoreCall(expected, call, truth) };
  } catch (err) {
    return {
      scenario: business.id, callId: null, error: (err as Error).message, success: false, finalStatus: 'error', timeToHumanS: null, holdS: 0,
      keysPressed: '', expectedKeys: expected.path.join(''), outcomeFieldsCorrect: 0, outcomeFieldsExpected: 0, costUsd: 0, attempts: 0, misses: [(err as Error).message],
    };
  }
}

async function waitForFinal(api: string, id: string, timeoutMs: number): Promise<ReportedCall & { callSid: string | null }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const call = (await (await fetch(`${api}/calls/${id}`)).json()) as ReportedCall & { callSid: string | null };
    if (FINAL.has(call.status)) return call;
    if (Date.now() > deadline) throw new Error(`call ${id} still ${call.status} after ${Math.round(timeoutMs / 1000)} s`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function fetchTruth(sandbox: string, callSid: string): Promise<GroundTruth | null> {
  const response = await fetch(`${sandbox}/_sandbox/calls/${callSid}`);
  return response.ok ? ((await response.json()) as GroundTruth) : null;
}
