import twilio from 'twilio';

/** TwiML that sends a live call back to its voice webhook (which reconnects it to the bridge). */
export function redirectTwiml(voiceUrl: string): string {
  const response = new twilio.twiml.VoiceResponse();
  response.redirect({ method: 'POST' }, voiceUrl);
  return response.toString();
}

/** TwiML that plays keys down the line, then sends the call back to its voice webhook. */
export function playDigitsTwiml(digits: string, voiceUrl: string): string {
  const response = new twilio.twiml.VoiceResponse();
  response.play({ digits });
  response.redirect({ method: 'POST' }, voiceUrl);
  return response.toString();
}
