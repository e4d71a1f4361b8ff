/** An error answered the way Twilio's REST API answers it: `{ code, message, more_info, status }`. */
export class TwilioApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }

  toJSON() {
    return {
      code: this.code,
      message: this.message,
      more_info: `https://www.twilio.com/docs/errors/${this.code}`,
      status: this.status,
    };
  }
}

export const twilioErrors = {
  noCredentials: () => new TwilioApiError(20003, 'Authentication Error - No credentials provided', 401),
  badCredentials: () => new TwilioApiError(20003, 'Authentication Error - invalid username', 401),
  notFound: (path: string) => new TwilioApiError(20404, `The requested resource ${path} was not found`, 404),
  invalidParameter: (message: string) => new TwilioApiError(20001, message, 400),
  missingTo: () => new TwilioApiError(21201, "No 'To' number is specified", 400),
  invalidTo: (to: string) => new TwilioApiError(21211, `Invalid 'To' Phone Number: ${to}`, 400),
  missingFrom: () => new TwilioApiError(21213, "No 'From' number is specified", 400),
  invalidFrom: (from: string) => new TwilioApiError(21212, `Invalid From Number (caller ID): ${from}`, 400),
  missingUrl: () => new TwilioApiError(21205, 'Url parameter is required.', 400),
  unknownApplication: (applicationSid: string) => new TwilioApiError(21218, `Invalid ApplicationSid: ${applicationSid} is not a TwiML App of this account`, 400),
  invalidUrl: (url: string) => new TwilioApiError(21205, `Url is not a valid URL: ${url}`, 400),
  invalidMethod: (method: string) => new TwilioApiError(21207, `Method is not valid: ${method}`, 400),
  invalidStatusCallbackEvent: (event: string) => new TwilioApiError(21626, `Invalid 'StatusCallbackEvent': ${event}`, 400),
  notInProgress: () => new TwilioApiError(21220, 'Call is not in-progress. Cannot redirect.', 400),
  methodNotAllowed: () => new TwilioApiError(20004, 'Method not allowed', 405),
};
