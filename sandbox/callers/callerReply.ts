import { mentionsAny } from '../businesses/spokenAnswer.js';
import type { CallerScript } from './callerScript.js';

export interface CallerReply {
  say: string[];
  hangUp: boolean;
}

/** Questions in a row the caller could not answer before giving up politely. */
const MAX_UNANSWERED = 2;

/**
 * What a scripted caller says to one turn of the other side: the reason for the call first, then the
 * answers its keywords call for, goodbye (and hang up) when the other side wraps up. Statements that ask
 * nothing get no reply; questions it cannot make out get the fallback, then a goodbye.
 */
export class CallerReplies {
  private reasonGiven = false;
  private unanswered = 0;

  constructor(private readonly script: CallerScript) {}

  get hasGivenReason(): boolean {
    return this.reasonGiven;
  }

  /** The first thing to say: after the greeting, or unprompted when nobody greets. */
  opening(): CallerReply {
    this.reasonGiven = true;
    return { say: [this.script.reason], hangUp: false };
  }

  /** The reply to a finished turn; `heard` is null when the speech could not be recognized. */
  replyTo(heard: string | null): CallerReply | null {
    if (!this.reasonGiven) return this.opening();
    const { answers, wrapUp, goodbye } = this.script;
    if (heard !== null && mentionsAny(heard, wrapUp)) {
      const kept = answers.filter((answer) => answer.evenWhenWrappingUp && mentionsAny(heard, answer.keywords)).map((answer) => answer.say);
      return { say: [...kept, goodbye], hangUp: true };
    }
    const matched = heard === null ? [] : answers.filter((answer) => mentionsAny(heard, answer.keywords));
    if (matched.length > 0) {
      this.unanswered = 0;
      const alone = matched.filter((answer) => answer.alone);
      return { say: (alone.length > 0 ? alone : matched).map((answer) => answer.say), hangUp: false };
    }
    if (heard !== null && !heard.includes('?')) return null;
    if (++this.unanswered > MAX_UNANSWERED) return { say: [goodbye], hangUp: true };
    return { say: [this.script.fallback], hangUp: false };
  }

  /** Said before hanging up on a line that has gone quiet or a call that has gone on too long. */
  farewell(): CallerReply {
    return { say: [this.script.goodbye], hangUp: true };
  }
}
