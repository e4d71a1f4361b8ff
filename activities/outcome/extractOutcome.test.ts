import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import OpenAI from 'openai';
import type { CallOutcome } from '../../common/outcome.js';
import type { Logger } from '../../common/logger.js';
import { extractOutcome } from './extractOutcome.js';
import { loadOutcomeFixtures } from './fixtureCorpus.js';
import { extractOutcomeByRules } from './ruleBasedExtractor.js';

interface ChatRequest {
  messages: Array<{ role: string; content: string }>;
  response_format: { type: string; json_schema: { name: string; strict: boolean } };
}

/** A local stand-in for the chat completions endpoint: records each request, answers with the queued message content. */
class FakeChatCompletions {
  readonly requests: ChatRequest[] = [];
  readonly replies: string[] = [];
  private server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      this.requests.push(JSON.parse(body));
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({
        id: 'chatcmpl-test', object: 'chat.completion', created: 0, model: 'test-model',
        choices: [{ index: 0, finish_reason: 'stop', logprobs: null, message: { role: 'assistant', refusal: null, content: this.replies.shift() ?? '' } }],
      }));
    });
  });

  async start(): Promise<OpenAI> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return new OpenAI({ apiKey: 'test-key', baseURL: `http://127.0.0.1:${port}/v1`, maxRetries: 0 });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const warnings: string[] = [];
const log: Logger = {
  debug: () => {}, info: () => {}, error: () => {},
  warn: (message) => void warnings.push(message),
  child: () => log,
};

const fixture = loadOutcomeFixtures().find((f) => f.file.startsWith('07-'))!;
const modelAnswer: Omit<CallOutcome, 'confirmedFields'> = {
  resolved: 'partial',
  caseNumber: 'nwe-9044',
  referenceNumbers: [],
  amounts: [{ value: 412.16, currency: 'USD', context: 'the bill' }],
  dates: [{ date: '2026-12-07', context: 'callback' }],
  promisedActions: [{ action: 'Call back with the corrected bill', who: 'Northwind Energy (supervisor)', by: '2026-12-07' }],
  nextSteps: ['Wait for the callback on December 7th.'],
  followUp: { needed: true, when: '2026-12-07', reason: 'callback promised' },
  summary: 'Called Northwind Energy about a high bill. A supervisor will call back on December 7th.',
};

describe('outcome extraction with a chat model', () => {
  const fake = new FakeChatCompletions();
  let client: OpenAI;
  before(async () => { client = await fake.start(); });
  after(() => fake.stop());

  it('sends the call date and transcript with a strict JSON schema, and keeps confirmed values', async () => {
    fake.replies.push(JSON.stringify(modelAnswer));
    const outcome = await extractOutcome({ ...fixture.input, confirmed: { resolved: 'yes' } }, { client, name: 'test-model' }, log);

    const request = fake.requests.at(-1)!;
    assert.equal(request.response_format.type, 'json_schema');
    assert.equal(request.response_format.json_schema.strict, true);
    const prompt = request.messages.map((m) => m.content).join('\n');
    assert.match(prompt, /Call date: 2026-12-03 \(thursday\)/);
    assert.match(prompt, /REPRESENTATIVE: Your escalation ticket is N W E 9 0 4 4/);

    assert.equal(outcome.caseNumber, 'NWE9044');
    assert.equal(outcome.resolved, 'yes');
    assert.deepEqual(outcome.confirmedFields, ['resolved']);
    assert.deepEqual(outcome.promisedActions, modelAnswer.promisedActions);
  });

  it('falls back to the rules when the model answers outside the schema', async () => {
    fake.replies.push(JSON.stringify({ ...modelAnswer, resolved: 'mostly' }));
    const outcome = await extractOutcome(fixture.input, { client, name: 'test-model' }, log);
    assert.deepEqual(outcome, extractOutcomeByRules(fixture.input));
    assert.match(warnings.at(-1) ?? '', /using the rule-based extractor/);
  });

  it('uses the rules without asking anyone when no model is configured', async () => {
    const asked = fake.requests.length;
    assert.deepEqual(await extractOutcome(fixture.input, null, log), extractOutcomeByRules(fixture.input));
    assert.equal(fake.requests.length, asked);
  });
});
