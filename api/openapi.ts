const error = { type: 'object', required: ['error'], properties: { error: { type: 'string' }, details: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } } } };
const status = { type: 'string', enum: ['scheduled', 'queued', 'dialing', 'ringing', 'in-progress', 'completed', 'busy', 'no-answer', 'failed', 'canceled'] };
const outcome = {
  type: 'object',
  properties: {
    resolved: { type: 'string', enum: ['yes', 'no', 'partial', 'unknown'] },
    caseNumber: { type: ['string', 'null'] },
    referenceNumbers: { type: 'array', items: { type: 'string' } },
    nextSteps: { type: 'array', items: { type: 'string' } },
    summary: { type: 'string' },
    confirmedFields: { type: 'array', items: { type: 'string' } },
  },
};
const call = {
  type: 'object',
  properties: {
    id: { type: 'string' }, to: { type: 'string' }, company: { type: ['string', 'null'] }, issue: { type: 'string' },
    userName: { type: ['string', 'null'] }, status, callSid: { type: ['string', 'null'] },
    createdAt: { type: 'string', format: 'date-time' }, updatedAt: { type: 'string', format: 'date-time' },
    timeline: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          kind: { type: 'string', enum: ['status', 'event'], description: "status: the call's own status changed; event: something happened on the line (audio connected, on hold, retry scheduled...)" },
          status: { type: 'string' }, at: { type: 'string', format: 'date-time' }, detail: { type: ['string', 'null'] }, callStatus: status,
        },
      },
    },
    transcript: { type: 'array', items: { type: 'object', properties: { seq: { type: 'integer' }, speaker: { type: 'string', enum: ['agent', 'callee', 'system'] }, text: { type: 'string' }, at: { type: 'string', format: 'date-time' } } } },
    outcome: { oneOf: [outcome, { type: 'null' }] },
    cost: { type: 'object', properties: { usd: { type: 'number', description: 'Estimated voice-model cost of the call' }, usage: { type: 'object' } } },
  },
};

export const openApiDocument = {
  openapi: '3.1.0',
  info: { title: 'Call agent API', version: '0.1.0', description: 'Start calls that an AI agent makes on your behalf, follow them live, read their outcome.' },
  paths: {
    '/calls': {
      post: {
        summary: 'Start a call',
        parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 200 }, description: 'Repeating a request with the same key returns the same call instead of placing another.' }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object', required: ['to', 'issue'], additionalProperties: false,
                properties: {
                  to: { type: 'string', pattern: '^\\+[1-9]\\d{6,14}$' }, issue: { type: 'string', minLength: 10, maxLength: 2000 },
                  company: { type: 'string' }, userName: { type: 'string' }, goal: { type: 'string' },
                  facts: { type: 'object', additionalProperties: { type: 'string' }, description: 'What the agent may disclose, e.g. {"Account number": "4417 2290"}' },
                  persona: {
                    type: 'object', additionalProperties: false, description: 'Who the agent is on this call',
                    properties: { name: { type: 'string' }, voice: { type: 'string', description: 'Realtime voice, e.g. marin' }, style: { type: 'string' } },
                  },
                  options: {
                    type: 'object', additionalProperties: false,
                    properties: {
                      record: { type: 'boolean', description: 'Record both channels; the WAV is served at /calls/{id}/recording' },
                      recordingAnnouncement: { type: 'string', minLength: 5, maxLength: 300, description: 'Said to the first person who answers a recorded call (default: RECORDING_ANNOUNCEMENT)' },
                      machineDetection: { type: 'boolean', description: "Ask the carrier to detect answering machines (AnsweredBy on the call's timeline)" },
                      voicemail: { type: 'string', enum: ['leave-message', 'hang-up'], description: 'On reaching voicemail: leave a short message (default), or hang up and try again later' },
                      keypad: { type: 'string', enum: ['carrier', 'in-band'], description: 'Press keys through the carrier (default) or as DTMF tones in the call audio' },
                    },
                  },
                },
              },
            },
          },
        },
        responses: {
          201: { description: 'Call created', content: { 'application/json': { schema: call } } },
          200: { description: 'Same Idempotency-Key as an earlier request: that call', content: { 'application/json': { schema: call } } },
          400: { description: 'Invalid request', content: { 'application/json': { schema: error } } },
          409: { description: 'Idempotency-Key reused for a different call', content: { 'application/json': { schema: error } } },
        },
      },
      get: { summary: 'List calls, newest first', responses: { 200: { description: 'Calls', content: { 'application/json': { schema: { type: 'object', properties: { calls: { type: 'array', items: call } } } } } } } },
    },
    '/calls/{id}': {
      get: {
        summary: 'A call with its timeline, transcript and outcome',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { 200: { description: 'The call', content: { 'application/json': { schema: call } } }, 404: { description: 'No such call', content: { 'application/json': { schema: error } } } },
      },
    },
    '/calls/{id}/recording': {
      get: {
        summary: "The call's recording (WAV, both channels), for its owner",
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { 200: { description: 'WAV audio', content: { 'audio/wav': { schema: { type: 'string', format: 'binary' } } } }, 404: { description: 'No recording', content: { 'application/json': { schema: error } } } },
      },
    },
    '/calls/{id}/events': {
      get: {
        summary: 'Live updates (Server-Sent Events): snapshot, then status, transcript (final lines), partial (text still being spoken) and outcome events',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { 200: { description: 'An event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } }, 404: { description: 'No such call' } },
      },
    },
  },
} as const;
