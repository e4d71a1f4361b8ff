/**
 * A business as plain data (a later step loads these from YAML). Behaviour lives in the runtime
 * (businessCall.ts); scripts only say who answers, what they say and which facts they make up.
 */
export type BusinessScript = AnsweringScript | BusyScript | UnansweredScript;

interface ScriptIdentity {
  id: string;
  name: string;
  /** E.164 */
  number: string;
}

export interface BusyScript extends ScriptIdentity {
  pickup: 'busy';
}

export interface UnansweredScript extends ScriptIdentity {
  pickup: 'no-answer';
}

export interface AnsweringScript extends ScriptIdentity {
  pickup: 'answer';
  rings: number;
  /** espeak-ng voice of the person answering, e.g. 'en-us+f3'. */
  voice?: string;
  /**
   * Facts made up per call from a pattern: `#` a digit, `@` a capital letter, anything else literal
   * ("ACM#####" -> "ACM48213"). Lines use them as {caseNumber} or, spelled out, {caseNumber:spelled}.
   */
  facts?: Record<string, string>;
  conversation: ConversationScript;
}

export interface ConversationScript {
  /**
   * Spoken one after another: the business says a step's lines, then waits for the caller to finish a
   * turn before the next step. A step with `hangUp` ends the call once said (the last step must).
   */
  steps: ConversationStep[];
  /** When the caller stays silent. */
  silence: {
    /** How long the business waits for the caller before prompting again. */
    repromptAfterMs: number;
    reprompt: string;
    /** Re-prompts in a row before giving up. */
    maxReprompts: number;
    /** Said before hanging up on a silent caller. */
    giveUp: string;
  };
}

export interface ConversationStep {
  say: string[];
  hangUp?: boolean;
}
