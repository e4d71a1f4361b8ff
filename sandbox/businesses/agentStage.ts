import { NEXT_TURN, SAME_TURN, HANG_UP, type AgentScript, type DepartmentScript, type SlotQuestion } from './businessScript.js';
import { UNRECOGNIZED_SPEECH } from './callRecord.js';
import { mentionsAny, slotMatches, slotValue } from './spokenAnswer.js';
import { frames, type CallerInput, type Stage, type StageHost } from './stage.js';

/** How long the agent takes to answer once the caller has finished a turn. */
const RESPONSE_DELAY_MS = 400;

type Phase =
  | { kind: 'speaking' }
  | { kind: 'listening'; silentFrames: number }
  | { kind: 'responding'; framesLeft: number; answer: string | null }
  | { kind: 'gone' };

/**
 * A person at the business following a script of turns: says a turn, waits for the caller to finish
 * answering, then branches on keywords, checks slots against expected values (only speech it could
 * recognize; anything else counts as an answer) and goes on, transfers or hangs up. A silent caller
 * is prompted again, then given up on.
 */
export class AgentStage implements Stage {
  private readonly agent: AgentScript;
  private phase: Phase = { kind: 'speaking' };
  private turnIndex = 0;
  private mismatches = 0;
  private repromptsInARow = 0;

  constructor(
    department: DepartmentScript,
    private readonly host: StageHost,
  ) {
    this.agent = department.agent;
    host.record.humanAnswered(host.frame);
    this.speakTurn(0, []);
  }

  tick({ turn, callerSpeaking }: CallerInput): void {
    // A caller who talks over the agent is heard, but the agent only answers turns that end while it listens.
    if (turn && this.phase.kind === 'listening') {
      this.repromptsInARow = 0;
      this.phase = { kind: 'responding', framesLeft: frames(RESPONSE_DELAY_MS), answer: turn.text };
    }
    const phase = this.phase;
    switch (phase.kind) {
      case 'speaking':
        if (!this.host.speaking) this.phase = { kind: 'listening', silentFrames: 0 };
        break;
      case 'listening':
        phase.silentFrames = callerSpeaking ? 0 : phase.silentFrames + 1;
        if (phase.silentFrames >= frames(this.agent.silence.repromptAfterMs)) this.promptSilentCaller();
        break;
      case 'responding':
        if (--phase.framesLeft <= 0) this.respond(phase.answer);
        break;
    }
  }

  private respond(answer: string | null): void {
    const turn = this.agent.turns[this.turnIndex];
    const reply = turn.replies.find((candidate) =>
      answer === null ? candidate.unrecognized : candidate.keywords.length === 0 || mentionsAny(answer, candidate.keywords),
    );
    if (reply) {
      this.host.record.mark(reply.mark);
      this.follow(reply.to, reply.say);
    } else if (turn.slot && !this.slotAccepted(turn.slot, answer)) {
      const { say, retries, giveUp, to } = turn.slot.onMismatch;
      if (++this.mismatches <= retries) this.follow(SAME_TURN, say);
      else this.follow(to, giveUp ? [giveUp] : []);
    } else {
      this.follow(NEXT_TURN, []);
    }
  }

  /** Records the answer; false only when it was recognized and fails the check. */
  private slotAccepted(slot: SlotQuestion, answer: string | null): boolean {
    if (answer === null) {
      this.host.record.slot(slot.name, { heard: UNRECOGNIZED_SPEECH, value: null, matched: null });
      return true;
    }
    const value = slotValue(slot.kind, answer);
    const matched = slot.expected ? slotMatches(slot.kind, value, slot.expected) : null;
    this.host.record.slot(slot.name, { heard: answer, value, matched });
    return matched !== false;
  }

  private follow(to: string, lines: readonly string[]): void {
    if (to === NEXT_TURN) {
      this.speakTurn(this.turnIndex + 1, lines);
    } else if (to === SAME_TURN) {
      if (lines.length > 0) this.host.say(lines, this.agent.voice);
      this.phase = { kind: 'speaking' };
    } else {
      this.leave(to, lines);
    }
  }

  private speakTurn(index: number, before: readonly string[]): void {
    this.turnIndex = index;
    this.mismatches = 0;
    const turn = this.agent.turns[index];
    this.host.record.mark(turn.mark);
    if (turn.to) {
      this.leave(turn.to, [...before, ...turn.say]);
      return;
    }
    this.host.say([...before, ...turn.say], this.agent.voice);
    this.phase = { kind: 'speaking' };
  }

  private promptSilentCaller(): void {
    const { reprompt, maxReprompts, giveUp } = this.agent.silence;
    if (++this.repromptsInARow > maxReprompts) {
      this.leave(HANG_UP, [giveUp]);
      return;
    }
    this.host.say([reprompt], this.agent.voice);
    this.phase = { kind: 'speaking' };
  }

  private leave(to: string, lines: readonly string[]): void {
    if (lines.length > 0) this.host.say(lines, this.agent.voice);
    this.phase = { kind: 'gone' };
    this.host.goTo(to);
  }
}
