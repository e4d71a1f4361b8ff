// The media-bridge's production client against the engine, over TLS, for a whole short call.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { OpenAIRealtimeWS } from 'openai/realtime/ws';
import { FRAME_BYTES, silence } from '../../common/audio/mulaw.js';
import { synthesize } from '../speech/synthesizer.js';
import { utteranceIndex } from '../speech/utteranceIndex.js';
import { selfSignedCert } from './selfSignedCert.js';
import { startVoiceEngine, type VoiceEngine } from './voiceEngine.js';
import { briefFor } from './policyTestCalls.js';

const ISSUE = 'I was charged twice for my October bill and want a refund of the duplicate charge.';
// A brief in the shape the media-bridge writes (shared test support).
const INSTRUCTIONS = briefFor(ISSUE);

let engine: VoiceEngine;
let cert: string;
const certDir = mkdtempSync(join(tmpdir(), 'voice-engine-'));

before(async () => {
  const tls = await selfSignedCert(certDir);
  cert = tls.cert;
  engine = await startVoiceEngine({ port: 0, tls });
});

after(async () => {
  await engine.close();
  rmSync(certDir, { recursive: true, force: true });
});

interface Turn {
  transcript: string;
  audio: Buffer;
  calls: Array<{ name: string; call_id: string; arguments: string }>;
}

/** Collects one response as the bridge sees it: the audio to play, its transcript, the tool calls. */
function nextResponse(rt: OpenAIRealtimeWS): Promise<Turn> {
  return new Promise((resolve) => {
    const audio: Buffer[] = [];
    const onAudio = (event: { delta: string }) => audio.push(Buffer.from(event.delta, 'base64'));
    rt.on('response.output_audio.delta', onAudio);
    rt.once('response.done', (event) => {
      rt.off('response.output_audio.delta', onAudio);
      const output = event.response.output ?? [];
      resolve({
        transcript: output
          .flatMap((item) => (item.type === 'message' && item.role === 'assistant' ? item.content.map((part) => part.transcript ?? '') : []))
          .join(' '),
        audio: Buffer.concat(audio),
        calls: output.flatMap((item) =>
          item.type === 'function_call' ? [{ name: item.name, call_id: item.call_id ?? '', arguments: item.arguments }] : [],
        ),
      });
    });
  });
}

/** The business speaks: synthesized speech appended in 20 ms frames, as the bridge forwards Twilio media. */
async function businessSays(rt: OpenAIRealtimeWS, text: string): Promise<Turn> {
  const audio = Buffer.concat([silence(200), await synthesize(text), silence(900)]);
  const response = nextResponse(rt);
  for (let start = 0; start < audio.length; start += FRAME_BYTES) {
    rt.send({ type: 'input_audio_buffer.append', audio: audio.subarray(start, start + FRAME_BYTES).toString('base64') });
  }
  return response;
}

test('a short call through the official openai client over TLS', async () => {
  const rt = new OpenAIRealtimeWS(
    { model: 'gpt-realtime', options: { ca: cert } },
    new OpenAI({ apiKey: 'sandbox', baseURL: `${engine.url}/v1` }),
  );
  const errors: Error[] = [];
  rt.on('error', (error) => errors.push(error));
  await new Promise((resolve, reject) => {
    rt.socket.once('open', resolve);
    rt.socket.once('error', reject);
  });
  assert.match(rt.url.toString(), /^wss:\/\/127\.0\.0\.1:\d+\/v1\/realtime\?model=gpt-realtime$/);

  const updated = new Promise((resolve) => rt.once('session.updated', resolve));
  rt.send({
    type: 'session.update',
    session: {
      type: 'realtime',
      instructions: INSTRUCTIONS,
      tools: [
        { type: 'function', name: 'record_outcome', description: 'Record what was confirmed.', parameters: { type: 'object' } },
        { type: 'function', name: 'end_call', description: 'Hang up.', parameters: { type: 'object' } },
      ],
      audio: {
        input: {
          format: { type: 'audio/pcmu' },
          transcription: { model: 'gpt-4o-mini-transcribe' },
          turn_detection: { type: 'server_vad' },
        },
        output: { format: { type: 'audio/pcmu' }, voice: 'marin' },
      },
    },
  });
  await updated;

  const heardByEngine: string[] = [];
  rt.on('conversation.item.input_audio_transcription.completed', (event) => heardByEngine.push(event.transcript));

  const introduction = await businessSays(rt, 'Thank you for calling Acme Telecom, this is Sam. How can I help you today?');
  assert.ok(introduction.transcript.includes(ISSUE), introduction.transcript);
  assert.ok(utteranceIndex.recognize(introduction.audio)?.text.includes(ISSUE), 'the business can recognize the issue in the audio');

  const account = await businessSays(rt, 'I can help with that. Can I have the account number, please?');
  assert.equal(account.transcript, 'The account number is 4417 2290.');

  const caseNumber = await businessSays(
    rt,
    'I have filed a refund request. Your case number is A C M 4 8 2 1 3. You should see the refund within five business days.',
  );
  assert.equal(caseNumber.transcript, 'Let me read that back: A C M 4 8 2 1 3.');
  assert.equal(caseNumber.calls.length, 1);
  assert.equal(caseNumber.calls[0].name, 'record_outcome');
  assert.deepEqual(JSON.parse(caseNumber.calls[0].arguments), {
    caseNumber: 'ACM48213',
    nextSteps: ['You should see the refund within five business days.'],
    resolved: 'partial',
  });
  const afterTool = nextResponse(rt);
  rt.send({ type: 'conversation.item.create', item: { type: 'function_call_output', call_id: caseNumber.calls[0].call_id, output: '{"recorded":true}' } });
  rt.send({ type: 'response.create' });
  assert.deepEqual(await afterTool, { transcript: '', audio: Buffer.alloc(0), calls: [] });

  const closing = await businessSays(rt, 'That is correct. Is there anything else I can help you with?');
  assert.match(closing.transcript, /goodbye/i);
  assert.deepEqual(closing.calls.map((call) => [call.name, JSON.parse(call.arguments)]), [['end_call', { reason: 'done' }]]);

  assert.equal(heardByEngine.length, 4);
  assert.match(heardByEngine[2], /A C M 4 8 2 1 3/);
  assert.deepEqual(errors, []);
  rt.close();
});
