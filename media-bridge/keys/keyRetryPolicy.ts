import type { MenuVerdict, NotAdvancedReason } from './menuAdvanceWatch.js';

/** What the bridge does about a verdict on a key press. */
export type KeyRetryStep =
  /** The menu moved on: nothing to do. */
  | { type: 'done' }
  /** Press the same keys again (the first time they did not land); `note` goes to the model as context. */
  | { type: 'press-again'; digits: string; note: string }
  /** Pressed twice to no effect: send `message` to the model as a user item and ask it to respond. */
  | { type: 'tell-model'; message: string };

const WHY: Record<NotAdvancedReason, string> = {
  'prompt-repeated': 'the menu started its prompt over',
  'invalid-option': 'the menu said it did not get a valid choice',
  'no-response': 'nothing happened on the line for several seconds',
};

/** The conversation item that tells the model the keys were pressed once more for it. */
export function pressedAgainNote(digits: string, reason: NotAdvancedReason): string {
  return `[The menu did not take the keys ${digits} (${WHY[reason]}), so they were pressed once more for you. Listen to what the menu says next.]`;
}

/** The conversation item that tells the model to stop pressing and use its voice. */
export function keysFailedMessage(digits: string, reason: NotAdvancedReason): string {
  return (
    `[The keys ${digits} did not work: they were pressed twice and the menu did not move on (${WHY[reason]}). ` +
    'Do not press them again. Say the option you want out loud instead, in a few words as the menu named it, ' +
    'or ask for an agent or a representative.]'
  );
}

/**
 * Keys that do not land on the first try (a flaky line, a menu deaf while it talks) usually land on
 * the second; after that, pressing more is pointless and the model should speak instead. One retry
 * per press the model asks for.
 */
export class KeyRetryPolicy {
  private retried = false;

  /** The model asked for keys: a new press, with its own retry. */
  modelPressed(): void {
    this.retried = false;
  }

  next(verdict: MenuVerdict): KeyRetryStep {
    if (verdict.type === 'advanced') {
      this.retried = false;
      return { type: 'done' };
    }
    if (!this.retried) {
      this.retried = true;
      return { type: 'press-again', digits: verdict.digits, note: pressedAgainNote(verdict.digits, verdict.reason) };
    }
    this.retried = false;
    return { type: 'tell-model', message: keysFailedMessage(verdict.digits, verdict.reason) };
  }
}
