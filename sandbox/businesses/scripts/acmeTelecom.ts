import type { BusinessScript } from '../businessScript.js';

export const acmeTelecom: BusinessScript = {
  id: 'acme-telecom',
  name: 'Acme Telecom',
  number: '+18005550101',
  pickup: 'answer',
  rings: 1,
  facts: { caseNumber: 'ACM#####' },
  conversation: {
    steps: [
      { say: ['Thank you for calling Acme Telecom. My name is Sam. How can I help you today?'] },
      {
        say: [
          "I'm sorry about that. I have opened a billing case for you. Your case number is {caseNumber:spelled}. A refund of the duplicate charge will appear within five to seven business days.",
          'Is there anything else I can help you with?',
        ],
      },
      { say: ['Thank you for calling Acme Telecom. Goodbye.'], hangUp: true },
    ],
    silence: {
      repromptAfterMs: 8000,
      reprompt: 'Hello? Are you still there?',
      maxReprompts: 2,
      giveUp: "I'm sorry, I can't hear you. Please call us back. Goodbye.",
    },
  },
};
