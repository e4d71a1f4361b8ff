/**
 * A `To` naming a TwiML App rather than a number: `app:AP<32 hex>`, optionally followed by custom
 * parameters in URL query syntax (`app:AP...?callId=call_abc`), which Twilio posts to the app's Voice URL.
 */
export interface ApplicationAddress {
  applicationSid: string;
  /** The address without its parameters: the call's `To`. */
  address: string;
  customParameters: Record<string, string>;
}

const APPLICATION_ADDRESS = /^app:(AP[0-9a-fA-F]{32})(?:\?(.*))?$/s;

/** The TwiML App a `To` names, or undefined when it is not a well-formed `app:` address. */
export function parseApplicationAddress(to: string): ApplicationAddress | undefined {
  const match = APPLICATION_ADDRESS.exec(to);
  if (!match) return undefined;
  const [, applicationSid, query] = match;
  const customParameters: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(query ?? '')) if (name) customParameters[name] = value;
  return { applicationSid, address: `app:${applicationSid}`, customParameters };
}
