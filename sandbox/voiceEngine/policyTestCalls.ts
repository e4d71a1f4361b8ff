// Test support: call briefs as the media-bridge writes them, and a compact way to write down a call
// so far, for the policy's table-driven tests.
import { decideReply, type ConversationEntry, type Reply } from './policy.js';

export function briefFor(issue: string, facts: Record<string, string> = DEFAULT_FACTS): string {
  return [
    "You are a polite, concise assistant phoning a company's customer-service line on behalf of a customer.",
    '## Calling on behalf of',
    'Jane Doe',
    '## Company',
    'Acme Telecom',
    '## Issue',
    issue,
    '## Goal',
    'Get the issue resolved, or at least a case number and the next steps.',
    '## Facts you may disclose',
    ...Object.entries(facts).map(([label, value]) => `- ${label}: ${value}`),
    '## Never agree to without the customer',
    '- New charges, upgrades or plan changes',
    '## Tools',
    'record_outcome, end_call, press_digits, wait_on_hold, request_user, escalate.',
  ].join('\n');
}

const DEFAULT_FACTS = {
  'Full name': 'Jane Doe',
  'Account number': '4417 2290',
  'ZIP code': '94107',
  Email: 'jane.doe@example.com',
  'Phone number': '415 555 0142',
};

export const BILLING = briefFor('I was charged twice for my October bill and want a refund of the duplicate charge.');
export const INTERNET = briefFor('My internet has been down since Monday and the router keeps blinking red.');
/** An issue no menu has a department for. */
export const UNLISTED = briefFor('I have a question about a letter you sent me.');

export const heard = (text: string): ConversationEntry => ({ kind: 'heard', text });
export const said = (text: string): ConversationEntry => ({ kind: 'said', text });
export const called = (name: string, args: object = {}): ConversationEntry => ({ kind: 'toolCall', name, arguments: JSON.stringify(args) });
export const result: ConversationEntry = { kind: 'toolResult', output: '{"ok":true}' };
/** `wait_on_hold` called and answered: the agent is on hold. */
export const onHold: ConversationEntry[] = [called('wait_on_hold'), result];

export function replyTo(instructions: string, ...conversation: ConversationEntry[]): Reply {
  return decideReply({ instructions, conversation });
}

export const SILENT: Reply = { say: null, toolCalls: [] };
export const pressed = (digits: string) => ({ name: 'press_digits', arguments: { digits } });

/** The brief the media-bridge writes when the agent answers the user's own phone. */
export function answeringBriefFor(owner = 'Jane Doe', caller = '+18005550111'): string {
  return [
    `You are the phone assistant of ${owner} and you are answering a call to their number. Greet the caller first, ` +
      `say you are ${owner}'s assistant, and ask how you can help.`,
    '## Answering for',
    owner,
    '## Caller',
    caller,
    '## Instructions',
    "Take a message: the caller's name, a callback number and the reason for the call.",
    '## Tools',
    'record_outcome: the message and next steps, after reading them back. end_call: once you have said goodbye.',
  ].join('\n');
}
