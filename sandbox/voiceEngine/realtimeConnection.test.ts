import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { silence } from '../../common/audio/mulaw.js';
import { synthesize } from '../speech/synthesizer.js';
import { utteranceIndex } from '../speech/utteranceIndex.js';
import { RealtimeTestClient, type ServerEvent } from './realtimeTestClient.js';
import { startVoiceEngine, type VoiceEngine } from './voiceEngine.js';
import { briefFor } from './policyTestCalls.js';

// A brief in the shape the media-bridge writes (shared test support).
const INSTRUCTIONS = briefFor('I was charged twice for my October bill and want a refund of the duplicate charge.');

const TOOLS = ['record_outcome', 'end_call'].map((name) => ({
  type: 'function',
  name,
  description: `${name} (test)`,
  parameters: { type: 'object', properties: {} },
}));

const SESSION = {
  type: 'realtime',
  instructions: INSTRUCTIONS,
  tools: TOOLS,
  audio: {
    input: {
      format: { type: 'audio/pcmu' },
      transcription: { model: 'gpt-4o-mini-transcribe' },
      turn_detection: { type: 'server_vad', threshold: 0.5, prefix_padding_ms: 300, silence_duration_ms: 500 },
    },
    output: { format: { type: 'audio/pcmu' }, voice: 'marin' },
  },
};

let engine: VoiceEngine;
const clients: RealtimeTestClient[] = [];

before(async () => {
  engine = await startVoiceEngine({ port: 0 });
});

after(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await engine.close();
});

async function connectedClient(session: object | null = SESSION): Promise<RealtimeTestClient> {
  const url = `${engine.url.replace(/^http/, 'ws')}/v1/realtime?model=gpt-realtime`;
  const client = await RealtimeTestClient.connect(url);
  clients.push(client);
  await client.waitFor('session.created');
  if (session) {
    client.send({ type: 'session.update', session });
    await client.waitFor('session.updated');
  }
  return client;
}

/** What a caller would hear: all audio deltas of a response, joined. */
function responseAudio(client: RealtimeTestClient, responseId: string): Buffer {
  const deltas = client.events.filter((event) => event.type === 'response.output_audio.delta' && event.response_id === responseId);
  return Buffer.concat(deltas.map((event) => Buffer.from(event.delta, 'base64')));
}

const withoutDeltas = (types: string[]) =>
  types.filter((type) => type !== 'response.output_audio.delta' && type !== 'response.output_audio_transcript.delta');

async function sayToEngine(client: RealtimeTestClient, text: string): Promise<number> {
  const from = client.events.length;
  client.appendFrames(Buffer.concat([silence(300), await synthesize(text), silence(1000)]));
  return from;
}

async function textTurn(client: RealtimeTestClient, text: string): Promise<ServerEvent> {
  const from = client.events.length;
  client.send({ type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'input_text', text }] } });
  client.send({ type: 'response.create' });
  return client.waitFor('response.done', () => true, from);
}

test('one spoken turn: VAD, commit, transcription, then a spoken response, in OpenAI order', async () => {
  const client = await connectedClient();
  const greeting = 'Thank you for calling Acme Telecom. How can I help you today?';
  const from = await sayToEngine(client, greeting);
  const done = await client.waitFor('response.done', () => true, from);

  assert.deepEqual(withoutDeltas(client.typesSince(from)), [
    'input_audio_buffer.speech_started',
    'input_audio_buffer.speech_stopped',
    'input_audio_buffer.committed',
    'conversation.item.added',
    'conversation.item.created',
    'conversation.item.done',
    'conversation.item.input_audio_transcription.completed',
    'response.created',
    'response.output_item.added',
    'conversation.item.added',
    'conversation.item.created',
    'response.content_part.added',
    'response.output_audio.done',
    'response.output_audio_transcript.done',
    'response.content_part.done',
    'response.output_item.done',
    'conversation.item.done',
    'response.done',
  ]);
  assert.ok(client.events.every((event) => typeof event.event_id === 'string' && event.event_id.startsWith('event_')));

  const started = await client.waitFor('input_audio_buffer.speech_started', () => true, from);
  const stopped = await client.waitFor('input_audio_buffer.speech_stopped', () => true, from);
  const transcription = await client.waitFor('conversation.item.input_audio_transcription.completed', () => true, from);
  const userItem = await client.waitFor('conversation.item.created', (event) => event.item.role === 'user', from);
  assert.equal(stopped.item_id, started.item_id);
  assert.equal(userItem.item.id, started.item_id);
  assert.equal(transcription.item_id, started.item_id);
  assert.equal(transcription.content_index, 0);
  assert.equal(transcription.transcript, greeting);
  assert.ok(started.audio_start_ms >= 0 && started.audio_start_ms < 300, `speech starts near 300 ms minus padding: ${started.audio_start_ms}`);
  assert.ok(stopped.audio_end_ms > 2000, `speech ends after the greeting: ${stopped.audio_end_ms}`);

  const spoken = await client.waitFor('response.output_audio_transcript.done', () => true, from);
  assert.match(spoken.transcript, /on behalf of Jane Doe\. I was charged twice for my October bill and want a refund of the duplicate charge\./);
  const audio = responseAudio(client, done.response.id);
  assert.equal(utteranceIndex.recognize(audio)?.text, spoken.transcript, 'the business can recognize what the agent said');

  assert.equal(done.response.status, 'completed');
  assert.equal(done.response.output.length, 1);
  assert.deepEqual(done.response.output[0].content, [{ type: 'output_audio', transcript: spoken.transcript }]);
  const { usage } = done.response;
  const spokenSeconds = audio.length / 8000;
  assert.ok(Math.abs(usage.output_token_details.audio_tokens - spokenSeconds * 20) <= 1);
  assert.ok(usage.input_token_details.audio_tokens > 0 && usage.input_token_details.text_tokens > 0);
  assert.equal(usage.total_tokens, usage.input_tokens + usage.output_tokens);
});

test('speech it cannot recognize is transcribed as empty and answered with a request to repeat', async () => {
  const client = await connectedClient();
  const from = client.events.length;
  const noise = Buffer.alloc(8000, 0);
  for (let i = 0; i < noise.length; i++) noise[i] = i % 7 < 3 ? 0x10 : 0x90;
  client.appendFrames(Buffer.concat([noise, silence(800)]));
  const transcription = await client.waitFor('conversation.item.input_audio_transcription.completed', () => true, from);
  assert.equal(transcription.transcript, '');
  const spoken = await client.waitFor('response.output_audio_transcript.done', () => true, from);
  assert.equal(spoken.transcript, 'Sorry, could you repeat that?');
});

test('without input transcription configured, no transcription events are sent (as with OpenAI)', async () => {
  const client = await connectedClient({ ...SESSION, audio: { input: { transcription: null } } });
  const from = await sayToEngine(client, 'Can I have the account number, please?');
  await client.waitFor('response.done', () => true, from);
  assert.ok(!client.typesSince(from).includes('conversation.item.input_audio_transcription.completed'));
  const spoken = await client.waitFor('response.output_audio_transcript.done', () => true, from);
  assert.equal(spoken.transcript, 'The account number is 4417 2290.');
});

test('bad input gets an error event and the session keeps working', async () => {
  const client = await connectedClient(null);
  let from = client.events.length;
  client.send('{not json');
  const badJson = await client.waitFor('error', () => true, from);
  assert.equal(badJson.error.type, 'invalid_request_error');
  assert.equal(badJson.error.code, 'invalid_json');

  from = client.events.length;
  client.send({ type: 'response.fly', event_id: 'evt_client_1' });
  const unknown = await client.waitFor('error', () => true, from);
  assert.equal(unknown.error.code, 'invalid_value');
  assert.equal(unknown.error.param, 'type');
  assert.equal(unknown.error.event_id, 'evt_client_1');

  from = client.events.length;
  client.send({ type: 'session.update', session: { type: 'realtime', audio: { input: { format: { type: 'audio/pcm', rate: 24000 } } } } });
  const format = await client.waitFor('error', () => true, from);
  assert.equal(format.error.type, 'invalid_request_error');
  assert.equal(format.error.param, 'session.audio.input.format.type');

  from = client.events.length;
  client.send({ type: 'session.update', session: { instructions: 'hi' } });
  const missingType = await client.waitFor('error', () => true, from);
  assert.equal(missingType.error.code, 'missing_required_parameter');
  assert.equal(missingType.error.param, 'session.type');

  from = client.events.length;
  client.send({ type: 'input_audio_buffer.append', audio: 42 });
  const badAudio = await client.waitFor('error', () => true, from);
  assert.equal(badAudio.error.param, 'audio');

  from = client.events.length;
  client.send({ type: 'session.update', session: { type: 'realtime', instructions: 'Be brief.', bogus: 1 } });
  const unknownParameter = await client.waitFor('error', () => true, from);
  assert.equal(unknownParameter.error.code, 'unknown_parameter');
  assert.equal(unknownParameter.error.param, 'session.bogus');

  from = client.events.length;
  client.send({ type: 'session.update', session: { type: 'realtime', instructions: 'Be brief.' } });
  const updated = await client.waitFor('session.updated', () => true, from);
  assert.equal(updated.session.instructions, 'Be brief.');
  assert.equal(updated.session.audio.input.format.type, 'audio/pcmu', 'the failed updates changed nothing');
});

test('truncate confirms how much of an answer was heard and rejects impossible cuts', async () => {
  const client = await connectedClient();
  const done = await textTurn(client, 'How can I help you?');
  const message = done.response.output[0];
  let from = client.events.length;
  client.send({ type: 'conversation.item.truncate', item_id: message.id, content_index: 0, audio_end_ms: 800 });
  const truncated = await client.waitFor('conversation.item.truncated', () => true, from);
  assert.deepEqual(
    { item_id: truncated.item_id, content_index: truncated.content_index, audio_end_ms: truncated.audio_end_ms },
    { item_id: message.id, content_index: 0, audio_end_ms: 800 },
  );

  from = client.events.length;
  client.send({ type: 'conversation.item.truncate', item_id: message.id, content_index: 0, audio_end_ms: 600_000 });
  assert.equal((await client.waitFor('error', () => true, from)).error.param, 'audio_end_ms');

  from = client.events.length;
  client.send({ type: 'conversation.item.truncate', item_id: 'item_nope', content_index: 0, audio_end_ms: 0 });
  assert.equal((await client.waitFor('error', () => true, from)).error.code, 'item_not_found');
});

test('response.cancel stops a response mid-stream with status cancelled', async () => {
  const client = await connectedClient();
  const from = client.events.length;
  client.send({ type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'How can I help?' }] } });
  client.send({ type: 'response.create' });
  await client.waitFor('response.output_audio.delta', () => true, from);
  client.send({ type: 'response.cancel' });
  const done = await client.waitFor('response.done', () => true, from);
  assert.equal(done.response.status, 'cancelled');
  assert.deepEqual(done.response.status_details, { type: 'cancelled', reason: 'client_cancelled' });
  assert.equal(done.response.output[0].status, 'incomplete');
  const heard = done.response.output[0].content[0].transcript;
  const fullIntro = "Hi, I'm calling on behalf of Jane Doe. I was charged twice for my October bill and want a refund of the duplicate charge.";
  assert.ok(heard.length < fullIntro.length && fullIntro.startsWith(heard), `only part of the answer was sent: "${heard}"`);

  const after = client.events.length;
  client.send({ type: 'response.cancel', event_id: 'evt_late' });
  const error = await client.waitFor('error', () => true, after);
  assert.equal(error.error.code, 'response_cancel_not_active');
  assert.equal(error.error.event_id, 'evt_late');
});

test('the caller speaking over a response in progress cancels it (interrupt_response)', async () => {
  const client = await connectedClient();
  const interruption = await synthesize('Sorry, one moment please.');
  const from = client.events.length;
  client.send({ type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'How can I help?' }] } });
  client.send({ type: 'response.create' });
  await client.waitFor('response.output_audio.delta', () => true, from);
  client.appendFrames(Buffer.concat([interruption, silence(800)]));
  const done = await client.waitFor('response.done', () => true, from);
  assert.equal(done.response.status, 'cancelled');
  assert.equal(done.response.status_details.reason, 'turn_detected');
  const started = client.events.findIndex((event) => event.type === 'input_audio_buffer.speech_started');
  assert.ok(started >= 0 && started < client.events.indexOf(done));

  const answer = await client.waitFor('response.done', (event) => event.response.id !== done.response.id, from);
  assert.equal(answer.response.status, 'completed');
  assert.equal(answer.response.output[0].content[0].transcript, 'Sure, take your time.', 'the interruption itself is answered');
});

test('a case number heard leads to a read-back and a record_outcome call; the tool result is accepted', async () => {
  const client = await connectedClient();
  const done = await textTurn(client, 'Your case number is A C M 4 8 2 1 3. You will see the refund within five business days.');
  assert.deepEqual(done.response.output.map((item: ServerEvent) => item.type), ['message', 'function_call']);
  const call = done.response.output[1];
  assert.equal(call.name, 'record_outcome');
  assert.deepEqual(JSON.parse(call.arguments), {
    caseNumber: 'ACM48213',
    nextSteps: ['You will see the refund within five business days.'],
    resolved: 'partial',
  });
  const argumentsDone = client.events.find((event) => event.type === 'response.function_call_arguments.done');
  assert.equal(argumentsDone?.call_id, call.call_id);
  assert.equal(argumentsDone?.arguments, call.arguments);
  const deltas = client.events.filter((event) => event.type === 'response.function_call_arguments.delta' && event.call_id === call.call_id);
  assert.equal(deltas.map((event) => event.delta).join(''), call.arguments);

  let from = client.events.length;
  client.send({ type: 'conversation.item.create', item: { type: 'function_call_output', call_id: call.call_id, output: '{"ok":true}' } });
  await client.waitFor('conversation.item.created', (event) => event.item.type === 'function_call_output', from);
  client.send({ type: 'response.create' });
  const next = await client.waitFor('response.done', () => true, from);
  assert.equal(next.response.status, 'completed');
  assert.deepEqual(next.response.output, [], 'nothing new was heard, so the agent waits');

  from = client.events.length;
  client.send({ type: 'conversation.item.create', item: { type: 'function_call_output', call_id: 'call_unknown', output: '{}' } });
  assert.equal((await client.waitFor('error', () => true, from)).error.param, 'item.call_id');
});

test('tools the session did not declare are never called', async () => {
  const client = await connectedClient({ type: 'realtime', instructions: INSTRUCTIONS });
  const done = await textTurn(client, 'Your case number is 7 7 1 2.');
  assert.deepEqual(done.response.output.map((item: ServerEvent) => item.type), ['message']);
});

test('response.create while a response is active is refused', async () => {
  const client = await connectedClient();
  const from = client.events.length;
  client.send({ type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'How can I help?' }] } });
  client.send({ type: 'response.create' });
  client.send({ type: 'response.create' });
  const error = await client.waitFor('error', () => true, from);
  assert.equal(error.error.code, 'conversation_already_has_active_response');
  await client.waitFor('response.done', () => true, from);
});

test('manual commit without VAD turns buffered audio into a user item', async () => {
  const client = await connectedClient({
    ...SESSION,
    audio: { input: { transcription: { model: 'gpt-4o-mini-transcribe' }, turn_detection: null } },
  });
  let from = client.events.length;
  client.appendFrames(await synthesize('Can I have the account number, please?'));
  client.send({ type: 'input_audio_buffer.commit' });
  const transcription = await client.waitFor('conversation.item.input_audio_transcription.completed', () => true, from);
  assert.equal(transcription.transcript, 'Can I have the account number, please?');
  assert.ok(!client.typesSince(from).includes('response.created'), 'no VAD, no automatic response');

  from = client.events.length;
  client.send({ type: 'input_audio_buffer.commit' });
  assert.equal((await client.waitFor('error', () => true, from)).error.code, 'input_audio_buffer_commit_empty');
});

test('a synthesized menu prompt is answered with a press_digits call and no speech', async () => {
  const tools = ['record_outcome', 'end_call', 'press_digits', 'wait_on_hold'].map((name) => ({ type: 'function', name, parameters: { type: 'object' } }));
  const client = await connectedClient({ ...SESSION, tools });
  const prompt = 'Thank you for calling Acme Telecom. For billing, press 1. For technical support, press 2.';
  const from = await sayToEngine(client, prompt);
  const transcription = await client.waitFor('conversation.item.input_audio_transcription.completed', () => true, from);
  assert.equal(transcription.transcript, prompt);
  const done = await client.waitFor('response.done', () => true, from);
  assert.deepEqual(done.response.output.map((item: ServerEvent) => item.type), ['function_call']);
  assert.equal(done.response.output[0].name, 'press_digits');
  assert.deepEqual(JSON.parse(done.response.output[0].arguments), { digits: '1' });
  const argumentsDone = await client.waitFor('response.function_call_arguments.done', () => true, from);
  assert.equal(argumentsDone.name, 'press_digits');
  assert.ok(!client.typesSince(from).includes('response.output_audio.delta'), 'nothing is said to a menu');
});

test('a Spanish-speaking line is answered in Spanish, with the Spanish voice', async () => {
  const client = await connectedClient();
  const from = client.events.length;
  const greeting = await synthesize('Buenas tardes, le atiende Carmen. ¿En qué le puedo ayudar?', { voice: 'es' });
  client.appendFrames(Buffer.concat([silence(300), greeting, silence(1000)]));
  const done = await client.waitFor('response.done', () => true, from);
  const spoken = await client.waitFor('response.output_audio_transcript.done', () => true, from);
  assert.equal(spoken.transcript, 'Hola, llamo de parte de Jane Doe. Me cobraron dos veces y quiero un reembolso.');
  const spanishVoice = await synthesize(spoken.transcript, { voice: 'es+f3' });
  assert.ok(responseAudio(client, done.response.id).equals(spanishVoice), 'spoken with the Spanish voice');
});
