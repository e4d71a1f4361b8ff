import type { Notification } from './twimlInterpreter.js';

/** What Twilio says on a call whose TwiML failed, before hanging up. */
export const APPLICATION_ERROR_TWIML = "<Response><Say>We're sorry, an application error has occurred. Goodbye.</Say></Response>";

/** TwiML Twilio cannot run (its 11100, 11200, 12100): ends the run with this notification. */
export class TwimlFailure extends Error {
  constructor(readonly notification: Notification) {
    super(notification.message);
  }
}
