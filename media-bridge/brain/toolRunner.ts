import type { ConfirmedOutcome } from '../../common/outcome.js';
import { isToolName, toolArguments } from './tools.js';

/** What running the model's tools needs from the call. */
export interface ToolHost {
  confirmOutcome(values: ConfirmedOutcome): Promise<void>;
  /** Sends keys down the line; false when the carrier refused. */
  pressDigits(digits: string): Promise<boolean>;
  holdAnnounced(): void;
  /** The customer is needed on the call; says whether they are being brought in, and what the model should do. */
  userNeeded(reason: string): { ok: boolean; note: string };
  escalated(reason: string): void;
  hangUp(reason: string): Promise<void>;
  /** Answers the function call; `respond` lets the model speak again right away. */
  reply(callId: string, output: object, respond: boolean): void;
  logToolCall(name: string, args: unknown): void;
}

/** Validates a function call from the model and carries it out. */
export async function runTool(host: ToolHost, name: string, callId: string, rawArguments: string): Promise<void> {
  let args: unknown;
  try {
    args = JSON.parse(rawArguments || '{}');
  } catch {
    return host.reply(callId, { error: 'arguments were not valid JSON' }, true);
  }
  if (!isToolName(name)) return host.reply(callId, { error: `unknown tool ${name}` }, true);
  const parsed = toolArguments[name].safeParse(args);
  if (!parsed.success) return host.reply(callId, { error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') }, true);
  host.logToolCall(name, parsed.data);
  // Tools after which the model should keep talking get a response; the others wait for the line.
  switch (name) {
    case 'record_outcome':
      await host.confirmOutcome(toolArguments.record_outcome.parse(args));
      return host.reply(callId, { ok: true }, true);
    case 'press_digits': {
      const { digits } = toolArguments.press_digits.parse(args);
      if (await host.pressDigits(digits)) return host.reply(callId, { ok: true, pressed: digits }, false);
      return host.reply(callId, { ok: false, error: 'the keys could not be sent; say the option instead' }, true);
    }
    case 'wait_on_hold':
      host.holdAnnounced();
      return host.reply(callId, { ok: true, note: 'Stay silent until a person speaks to you.' }, false);
    case 'request_user':
      return host.reply(callId, host.userNeeded(toolArguments.request_user.parse(args).reason), true);
    case 'escalate':
      host.escalated(toolArguments.escalate.parse(args).reason);
      return host.reply(callId, { ok: true }, true);
    case 'end_call':
      host.reply(callId, { ok: true }, false);
      return host.hangUp(toolArguments.end_call.parse(args).reason);
  }
}
