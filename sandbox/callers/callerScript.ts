/** A question the caller can answer: taken when the other side's turn mentions any of the keywords. */
export interface CallerAnswer {
  keywords: string[];
  say: string;
  /** Still said when the turn also wraps the call up ("Is that right? Anything else?"). */
  evenWhenWrappingUp?: boolean;
  /**
   * Said without the other answers that match the same turn: a read-back ("... 555 0142, tomorrow at
   * 10. Is that right?") names things other answers are about, but only asks for a yes.
   */
  alone?: boolean;
}

/**
 * Someone who phones the application's number in the sandbox, as plain data: why they call, what they
 * answer to which question, and what a good message-taker should have noted (ground truth).
 */
export interface CallerScript {
  id: string;
  name: string;
  /** E.164 number the call comes from. */
  number: string;
  /** espeak-ng voice. */
  voice: string;
  /** Said once the other side has greeted them (or after a while, if nobody does). */
  reason: string;
  /** Checked in order; every answer whose keywords match is said, in this order, as one turn (see `alone`). */
  answers: CallerAnswer[];
  /** Closing words of the other side ("anything else", "goodbye") that make the caller say goodbye and hang up. */
  wrapUp: string[];
  goodbye: string;
  /** Said to a question the caller cannot make out or has no answer for. */
  fallback: string;
  /** What the message should say, by label: ground truth for an evaluation. */
  message: Record<string, string>;
}
