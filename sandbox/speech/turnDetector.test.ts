import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { encodeMulaw, FRAME_BYTES, silence } from '../../common/audio/mulaw.js';
import { synthesize } from './synthesizer.js';
import { TurnDetector, type TurnEvent } from './turnDetector.js';
import { UtteranceIndex } from './utteranceIndex.js';

const FRAME_MS = 20;
const EDGE_MS = 50; // silence the synthesizer leaves around the speech
const SENTENCES = [
  'Thank you for calling Acme Bank, your call is important to us, please stay on the line.',
  'Yes.',
  'Hello. How can I help you today? Press one for billing, or two for support.',
];

const speech = new Map<string, Buffer>();
before(async () => {
  for (const text of SENTENCES) speech.set(text, await synthesize(text));
  speech.set('es', await synthesize('Hola, gracias por llamar. ¿En qué puedo ayudarle?', { voice: 'es' }));
});

interface Truth {
  startMs: number;
  endMs: number;
}

/** Lays utterances out with silences between them; returns the stream and where speech really is. */
function conversation(parts: Array<Buffer | number>): { stream: Buffer; truth: Truth[] } {
  const chunks: Buffer[] = [];
  const truth: Truth[] = [];
  let ms = 0;
  for (const part of parts) {
    if (typeof part === 'number') {
      chunks.push(silence(part));
      ms += part;
    } else {
      chunks.push(part);
      truth.push({ startMs: ms + EDGE_MS, endMs: ms + part.length / 8 - EDGE_MS });
      ms += part.length / 8;
    }
  }
  return { stream: Buffer.concat(chunks), truth };
}

function run(detector: TurnDetector, stream: Buffer, chunkBytes = FRAME_BYTES): TurnEvent[] {
  const events: TurnEvent[] = [];
  for (let i = 0; i < stream.length; i += chunkBytes) {
    const event = detector.push(stream.subarray(i, i + chunkBytes));
    if (event) events.push(event);
  }
  return events;
}

function turns(events: TurnEvent[]): Array<{ startMs: number; endMs: number; audio: Buffer }> {
  const result: Array<{ startMs: number; endMs: number; audio: Buffer }> = [];
  for (let i = 0; i < events.length; i += 2) {
    const [started, stopped] = [events[i], events[i + 1]];
    assert.equal(started?.type, 'speech_started');
    assert.equal(stopped?.type, 'speech_stopped');
    result.push({ startMs: started.audioStartMs, endMs: stopped.audioEndMs, audio: stopped.audio });
  }
  return result;
}

test('finds each synthesized utterance as one turn, within a frame of the truth', () => {
  const [first, second, third] = SENTENCES.map((text) => speech.get(text)!);
  const { stream, truth } = conversation([700, first, 900, second, 1500, third, speech.get('es')!, 800]);
  const found = turns(run(new TurnDetector(), stream));
  // The Spanish utterance directly follows the third with only their silent edges between them.
  assert.equal(found.length, 3);
  const expected = [truth[0], truth[1], { startMs: truth[2].startMs, endMs: truth[3].endMs }];
  found.forEach((turn, i) => {
    assert.ok(Math.abs(turn.startMs + 300 - expected[i].startMs) <= FRAME_MS, `turn ${i} starts ${turn.startMs}`);
    assert.ok(Math.abs(turn.endMs - expected[i].endMs) <= FRAME_MS, `turn ${i} ends ${turn.endMs}`);
    assert.equal(turn.audio.length, (turn.endMs - turn.startMs) * 8);
  });
});

test('pauses at commas and full stops do not split a turn', () => {
  const { stream } = conversation([200, speech.get(SENTENCES[2])!, 600, speech.get('es')!, 600]);
  assert.equal(turns(run(new TurnDetector(), stream)).length, 2);
});

test('a shorter silence duration splits at sentence pauses', () => {
  const { stream } = conversation([200, speech.get(SENTENCES[2])!, 600]);
  assert.ok(turns(run(new TurnDetector({ silenceDurationMs: 150 }), stream)).length >= 3);
});

test('prefix padding stops at the start of the stream', () => {
  const { stream } = conversation([100, speech.get('Yes.')!, 600]);
  const [turn] = turns(run(new TurnDetector(), stream));
  assert.equal(turn.startMs, 0);
});

test('the audio of a turn is what was heard, and can be recognized', () => {
  const index = new UtteranceIndex();
  for (const text of SENTENCES) index.register(text, speech.get(text)!);
  const { stream } = conversation([500, speech.get(SENTENCES[0])!, 700, speech.get(SENTENCES[1])!, 700]);
  const heard = turns(run(new TurnDetector(), stream)).map((turn) => index.recognize(turn.audio));
  assert.deepEqual(
    heard.map((r) => [r?.text, r?.utterances[0].coverage]),
    [
      [SENTENCES[0], 1],
      [SENTENCES[1], 1],
    ],
  );
});

test('chunk size does not change the events', () => {
  const { stream } = conversation([700, speech.get(SENTENCES[0])!, 900, speech.get('Yes.')!, 700]);
  const reference = run(new TurnDetector(), stream);
  for (const chunkBytes of [1, 77, 160, 333, 1000]) {
    assert.deepEqual(run(new TurnDetector(), stream, chunkBytes), reference, `${chunkBytes}-byte chunks`);
  }
});

test('silence, low noise and short blips are not speech', () => {
  let seed = 1;
  const noise = encodeMulaw(
    Int16Array.from({ length: 8000 * 3 }, () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return ((seed >>> 16) % 61) - 30; // about -66 dBFS
    }),
  );
  const click = encodeMulaw(Int16Array.from({ length: 8 * 60 }, (_, i) => 8000 * Math.sin(i / 3)));
  const detector = new TurnDetector();
  const events = run(detector, Buffer.concat([silence(2000), noise, click, silence(1000), click, noise]));
  assert.deepEqual(events, []);
  assert.equal(detector.speaking, false);
});

test('speaking is true during a turn, and reset forgets it', () => {
  const detector = new TurnDetector();
  run(detector, Buffer.concat([silence(200), speech.get(SENTENCES[0])!.subarray(0, 8000)]));
  assert.equal(detector.speaking, true);
  detector.reset();
  assert.equal(detector.speaking, false);
  assert.deepEqual(run(detector, silence(1000)), []);
  const events = run(detector, Buffer.concat([speech.get('Yes.')!, silence(600)]));
  assert.deepEqual(
    events.map((e) => e.type),
    ['speech_started', 'speech_stopped'],
  );
  const [started] = events;
  assert.ok(started.type === 'speech_started');
  // Time restarts at the reset: 1000 ms of silence, then speech 50 ms into the utterance.
  assert.ok(Math.abs(started.audioStartMs - (1000 + EDGE_MS - 300)) <= FRAME_MS, `starts ${started.audioStartMs}`);
});

test('rejects nonsensical options', () => {
  assert.throws(() => new TurnDetector({ silenceDurationMs: -1 }), RangeError);
  assert.throws(() => new TurnDetector({ prefixPaddingMs: Number.NaN }), RangeError);
});
