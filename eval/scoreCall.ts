/** What a scenario file says should happen (sandbox `expected`). */
export interface ScenarioExpectation {
  issue?: string;
  callerFacts?: Record<string, string>;
  path: string[];
  outcome: {
    finalStatus: string;
    reached?: 'human' | 'voicemail' | 'closed' | 'menu' | 'nobody';
    caseNumber: boolean;
    nextSteps: string[];
    callbackDate?: boolean;
    needsUser?: boolean;
    attempts?: number;
  };
}

/** What the sandbox business recorded about the call (`GET /_sandbox/calls/{sid}`). */
export interface GroundTruth {
  facts: Record<string, string>;
  keys: Array<{ digit: string; accepted: boolean }>;
  menuPath: string[];
  holdSeconds: number;
  humanAnsweredAfterSeconds: number | null;
  closed: boolean;
  voicemail: unknown | null;
}

/** The call as the API reports it (`GET /calls/{id}`). */
export interface ReportedCall {
  status: string;
  timeline: Array<{ status: string }>;
  outcome: { caseNumber: string | null; nextSteps: string[]; summary: string; dates?: unknown[]; followUp?: { when: string | null } } | null;
  cost: { usd: number };
}

export interface ScenarioScore {
  success: boolean;
  finalStatus: string;
  timeToHumanS: number | null;
  holdS: number;
  keysPressed: string;
  expectedKeys: string;
  outcomeFieldsCorrect: number;
  outcomeFieldsExpected: number;
  costUsd: number;
  attempts: number;
  misses: string[];
}

const compact = (value: string) => value.replace(/[^a-z0-9]/gi, '').toUpperCase();

/** Compares one finished call with its scenario's ground truth, field by field. */
export function scoreCall(expected: ScenarioExpectation, call: ReportedCall, truth: GroundTruth | null): ScenarioScore {
  const misses: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) misses.push(what);
    return ok;
  };
  const statuses = call.timeline.map((e) => e.status);
  const attempts = statuses.includes('dialing') ? 1 + statuses.filter((s) => s === 'retry-scheduled').length : 0;
  const statusOk = check(call.status === expected.outcome.finalStatus, `final status ${call.status}, expected ${expected.outcome.finalStatus}`);
  const pathTaken = truth?.menuPath ?? [];
  const pathOk = check(pathTaken.join(' ') === expected.path.join(' '), `menu path [${pathTaken}] expected [${expected.path}]`);
  const reached = expected.outcome.reached;
  const reachedOk =
    !reached ||
    check(
      reached === 'human' ? truth?.humanAnsweredAfterSeconds != null
        : reached === 'voicemail' ? truth?.voicemail != null
          : reached === 'closed' ? truth?.closed === true
            : reached === 'nobody' ? truth?.humanAnsweredAfterSeconds == null
              : true,
      `did not reach: ${reached}`,
    );

  let expectedFields = 0;
  let correctFields = 0;
  const field = (ok: boolean, what: string) => {
    expectedFields++;
    if (check(ok, what)) correctFields++;
  };
  const outcome = call.outcome;
  if (expected.outcome.caseNumber) {
    const given = Object.values(truth?.facts ?? {}).map(compact);
    field(Boolean(outcome?.caseNumber && given.includes(compact(outcome.caseNumber))), `case number ${outcome?.caseNumber ?? 'none'} is not one the business gave (${Object.values(truth?.facts ?? {})})`);
  }
  const reportedSteps = `${(outcome?.nextSteps ?? []).join(' ')} ${outcome?.summary ?? ''}`.toLowerCase();
  // A keyword counts when each of its words is there ("call back" matches "will call you back").
  const mentions = (keyword: string) => keyword.toLowerCase().split(/\s+/).every((word) => reportedSteps.includes(word));
  for (const keyword of expected.outcome.nextSteps) field(mentions(keyword), `next steps do not mention "${keyword}"`);
  if (expected.outcome.callbackDate) field(Boolean(outcome?.dates?.length || outcome?.followUp?.when), 'no callback date in the outcome');
  if (expected.outcome.needsUser) field(statuses.includes('user-needed') && statuses.includes('user-joined'), 'the user was not brought onto the call');
  if (expected.outcome.attempts) field(attempts === expected.outcome.attempts, `${attempts} attempts, expected ${expected.outcome.attempts}`);

  return {
    success: statusOk && pathOk && reachedOk && correctFields === expectedFields,
    finalStatus: call.status,
    timeToHumanS: truth?.humanAnsweredAfterSeconds ?? null,
    holdS: truth?.holdSeconds ?? 0,
    keysPressed: (truth?.keys ?? []).filter((k) => k.accepted).map((k) => k.digit).join(''),
    expectedKeys: expected.path.filter((p) => /^[0-9*#]$/.test(p)).join(''),
    outcomeFieldsCorrect: correctFields,
    outcomeFieldsExpected: expectedFields,
    costUsd: call.cost?.usd ?? 0,
    attempts,
    misses,
  };
}
