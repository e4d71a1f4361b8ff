import { EventEmitter } from 'node:events';
import { openRealtimeTransport, type RealtimeTransport } from './realtimeTransport.js';
import { BRAIN_TOOLS } from './tools.js';

export interface BrainSettings {
  apiKey: string;
  /** OpenAI's own when undefined; the sandbox's local engine offline (https, or http for plain ws). */
  baseUrl: string | undefined;
  /** Extra trusted CA (the local engine's self-signed certificate). */
  ca: string | undefined;
  model: string;
  voice: string;
  turnDetection: TurnDetection;
}

export type TurnDetection =
  | { type: 'server_vad'; threshold: number; prefix_padding_ms: number; silence_duration_ms: number }
  | { type: 'semantic_vad'; eagerness: 'low' | 'medium' | 'high' | 'auto' };

/** A server event, loosely typed: the bridge reads only the fields it needs and ignores unknown events. */
export interface BrainEvent {
  type: string;
  [key: string]: any;
}

export interface RealtimeBrainEvents {
  event: [BrainEvent];
  closed: [reason: string];
}

/** A Realtime session with the voice model, configured for phone audio (pcmu both ways, no resampling). */
export class RealtimeBrain extends EventEmitter<RealtimeBrainEvents> {
  private constructor(private readonly transport: RealtimeTransport) {
    super();
    transport.on('event', (event) => this.emit('event', event as BrainEvent));
    transport.on('closed', (reason) => this.emit('closed', reason));
  }

  static async connect(settings: BrainSettings, instructions: string, timeoutMs = 10_000): Promise<RealtimeBrain> {
    const brain = new RealtimeBrain(await openRealtimeTransport(settings, timeoutMs));
    brain.send({
      type: 'session.update',
      session: {
        type: 'realtime',
        model: settings.model,
        output_modalities: ['audio'],
        instructions,
        tools: BRAIN_TOOLS,
        tool_choice: 'auto',
        audio: {
          input: {
            format: { type: 'audio/pcmu' },
            turn_detection: { ...settings.turnDetection, create_response: true, interrupt_response: true },
            transcription: { model: 'gpt-4o-mini-transcribe' },
          },
          output: { format: { type: 'audio/pcmu' }, voice: settings.voice },
        },
      },
    });
    return brain;
  }

  send(event: { type: string; [key: string]: unknown }): void {
    this.transport.send(event);
  }

  /** Sends the same JSON as `send({ type: 'input_audio_buffer.append', audio })`, without an object per frame. */
  appendAudio(base64Mulaw: string): void {
    this.transport.sendJson(`{"type":"input_audio_buffer.append","audio":${JSON.stringify(base64Mulaw)}}`);
  }

  close(): void {
    this.transport.close();
  }
}
