import { synthesize } from '../speech/synthesizer.js';
import { TurnDetector } from '../speech/turnDetector.js';
import { utteranceIndex } from '../speech/utteranceIndex.js';
import type { StreamConnection } from './fakeApplication.js';

/**
 * Test double of a voice bot on a media stream: its ears (turn detection and the sandbox's utterance
 * recognizer over the `media` it receives) and its mouth (synthesized speech sent as `media`). Used
 * only by the carrier's tests.
 */
export class CallerOnStream {
  private readonly detector = new TurnDetector();
  private cursor = 0;

  constructor(
    private readonly stream: StreamConnection,
    private readonly streamSid: string,
  ) {}

  /** What the other side says next (recognized), or null once the stream has stopped. */
  async nextTurn(timeoutMs = 30_000): Promise<string | null> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      while (this.cursor < this.stream.messages.length) {
        const message = this.stream.messages[this.cursor++];
        if (message.event === 'stop') return null;
        if (message.event !== 'media') continue;
        const event = this.detector.push(Buffer.from((message.media as { payload: string }).payload, 'base64'));
        if (event?.type === 'speech_stopped') return utteranceIndex.recognize(event.audio)?.text ?? '';
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('the other side said nothing');
  }

  async say(text: string, voice = 'en-us+f3'): Promise<void> {
    const audio = await synthesize(text, { voice });
    // Sent all at once, faster than real time, as a voice bot does; the carrier plays it at 8 kHz.
    for (let offset = 0; offset < audio.length; offset += 640) {
      this.stream.send({ event: 'media', streamSid: this.streamSid, media: { payload: audio.subarray(offset, offset + 640).toString('base64') } });
    }
  }
}
