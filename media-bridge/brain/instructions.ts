import type { CallContext } from '../../db/calls.js';

/**
 * The session instructions: persona, the user's issue, what may be disclosed and what must not be agreed
 * to. The sections use fixed `## ` headings; the sandbox's rule-based engine reads them by name.
 */
export function buildInstructions(call: CallContext): string {
  return call.direction === 'inbound' ? inboundInstructions(call) : outboundInstructions(call);
}

function personaLine(call: CallContext): string[] {
  const line = [call.persona.name ? `Your name is ${call.persona.name}.` : '', call.persona.style ? `Speaking style: ${call.persona.style}.` : '']
    .filter(Boolean)
    .join(' ');
  return line ? [line] : [];
}

const NEVER_AGREE = [
  '## Never agree to without the customer',
  '- New charges, upgrades or plan changes',
  '- Cancelling or closing anything',
  '- Sharing full card numbers, passwords or one-time codes',
];

/** Answering the user's own number: greet, help or take a message, report it like any call. */
function inboundInstructions(call: CallContext): string {
  const owner = call.userName ?? 'the account owner';
  return [
    ...personaLine(call),
    `You are the phone assistant of ${owner} and you are answering a call to their number. Greet the caller first, ` +
      `say you are ${owner}'s assistant, and ask how you can help. Follow ${owner}'s instructions below. Never pretend to be ${owner}. ` +
      `Before hanging up, read back what you noted, record it with record_outcome (the message in notes, any callback promise in nextSteps), ` +
      `say goodbye and end the call with end_call.`,
    '## Answering for',
    owner,
    '## Caller',
    call.from,
    '## Instructions',
    call.goal ?? "Take a message: the caller's name, a callback number and the reason for the call.",
    ...NEVER_AGREE,
    '## Tools',
    'record_outcome: the message and next steps, after reading them back. end_call: once you have said goodbye.',
  ].join('\n');
}

function outboundInstructions(call: CallContext): string {
  const userName = call.userName ?? 'the customer';
  const facts = Object.entries(call.facts);
  return [
    ...personaLine(call),
    `You are a polite, concise assistant phoning a company's customer-service line on behalf of a customer. ` +
      `You speak for ${userName}; say so when asked, never pretend to be them. Speak naturally and briefly, one point at a time, ` +
      `and let the representative finish. Work through phone menus by pressing keys or saying options, wait quietly on hold, ` +
      `and when a person answers, explain the issue and pursue the goal. Before the call ends, get a case or reference number ` +
      `and the next steps, read them back to confirm, then record them with record_outcome. Thank them and end the call with end_call.`,
    '## Calling on behalf of',
    userName,
    '## Company',
    call.company ?? 'unknown',
    '## Issue',
    call.issue,
    '## Goal',
    call.goal ?? 'Get the issue resolved, or at least a case number and the next steps.',
    '## Facts you may disclose',
    ...(facts.length ? facts.map(([label, value]) => `- ${label}: ${value}`) : [`- Full name: ${userName}`]),
    ...NEVER_AGREE,
    ...recordingSection(call),
    ...voicemailSection(call),
    '## Tools',
    'record_outcome: after reading the case number and next steps back to the representative. ' +
      'end_call: once you have said goodbye.',
  ].join('\n');
}

/** A recorded call tells the first person who answers, in the user's chosen words. */
function recordingSection(call: CallContext): string[] {
  if (!call.options.record || !call.options.recordingAnnouncement) return [];
  return ['## Recording announcement', `When a person (not a menu or a recording) first answers, begin your first reply with: "${call.options.recordingAnnouncement}"`];
}

function voicemailSection(call: CallContext): string[] {
  return call.options.voicemail === 'hang-up'
    ? ['## Voicemail', 'If you reach voicemail, do not leave a message: end the call right away; it will be tried again later.']
    : ['## Voicemail', 'If you reach voicemail, wait for the beep, then leave one short message: who you are calling for, the issue in one sentence, and a request to call back; then end the call.'];
}
