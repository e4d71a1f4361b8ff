import type { CallContext } from '../../db/calls.js';

/**
 * The session instructions: persona, the user's issue, what may be disclosed and what must not be agreed
 * to. The sections use fixed `## ` headings; the sandbox's rule-based engine reads them by name.
 */
export function buildInstructions(call: CallContext): string {
  const userName = call.userName ?? 'the customer';
  const facts = Object.entries(call.facts);
  const persona = [
    call.persona.name ? `Your name is ${call.persona.name}.` : '',
    call.persona.style ? `Speaking style: ${call.persona.style}.` : '',
  ].filter(Boolean).join(' ');
  return [
    ...(persona ? [persona] : []),
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
    '## Never agree to without the customer',
    '- New charges, upgrades or plan changes',
    '- Cancelling or closing anything',
    '- Sharing full card numbers, passwords or one-time codes',
    '## Tools',
    'record_outcome: after reading the case number and next steps back to the representative. ' +
      'end_call: once you have said goodbye.',
  ].join('\n');
}
