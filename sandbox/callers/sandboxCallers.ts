import type { CallerScript } from './callerScript.js';

/** A dental office confirming the user's appointment: the message to take is who, when, and a callback number. */
const DANA: CallerScript = {
  id: 'dana',
  name: 'Dana from Patel Dental',
  number: '+18005550111',
  voice: 'en-us+f4',
  reason: "Hi, this is Dana from Patel Dental, calling to confirm Jane's cleaning tomorrow at 10 am; please call us back at 555 0142.",
  answers: [
    { keywords: ['name', 'who is calling', "who's calling", 'who am i speaking', 'spell'], say: 'This is Dana, D A N A, from Patel Dental.' },
    { keywords: ['number', 'reach you', 'call you back', 'callback', 'call back', 'phone'], say: 'You can reach us at 555 0142.' },
    { keywords: ['what time', 'when', 'which day', 'appointment', 'cleaning'], say: "Jane's cleaning is tomorrow at 10 am." },
    { keywords: ['regarding', 'about', 'reason', 'how can i help', 'help you', 'message'], say: "I'm calling to confirm Jane's cleaning tomorrow at 10 am." },
    { keywords: ['read that back', 'is that right', 'is that correct', 'did i get', 'correct'], say: "Yes, that's right.", evenWhenWrappingUp: true, alone: true },
  ],
  wrapUp: ['anything else', 'goodbye', 'bye', 'have a good', 'have a great', 'have a nice', 'take care'],
  goodbye: "No, that's all. Thank you, goodbye.",
  fallback: "Sorry, I just wanted Jane to know her cleaning is tomorrow at 10 am, and she can call us back at 555 0142.",
  message: {
    caller: 'Dana',
    organization: 'Patel Dental',
    reason: 'confirm the cleaning appointment tomorrow at 10 am',
    callbackNumber: '555 0142',
  },
};

const CALLERS: readonly CallerScript[] = [DANA];

/** The scripted callers who can phone the application's number (`POST /_sandbox/inbound {caller}`). */
export function sandboxCallers(): readonly CallerScript[] {
  return CALLERS;
}

export function findCaller(id: string): CallerScript | undefined {
  return CALLERS.find((caller) => caller.id === id);
}
