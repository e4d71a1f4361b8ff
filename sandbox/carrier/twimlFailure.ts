import type { Notification } from './twimlInterpreter.js';

/** TwiML Twilio cannot run (its 11100, 11200, 12100): ends the run with this notification. */
export class TwimlFailure extends Error {
  constructor(readonly notification: Notification) {
    super(notification.message);
  }
}
