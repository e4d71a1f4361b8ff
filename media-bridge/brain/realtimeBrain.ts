import { EventEmitter } from 'node:events';
import OpenAI from 'openai';
import { OpenAIRealtimeWS } from 'openai/realtime/ws';
import { BRAIN_TOOLS } from './tools.js';

export interface BrainSettings {
  apiKey: string;
  /** OpenAI's own when undefined; the sandbox's local engine offline. */
  baseUrl: string | undefined;
  /** Extra trusted CA (the local engine's self-signed certificate). */
  ca: string | undefined;
  model: string;
  voice: string;
}

/** A server event, loosely typed: the bridge reads only the fields it needs and ignores unknown events. */
export interface BrainEvent {
  type: string;
  [key: string]: any;
}

export interface RealtimeBrainEvents {
  event: [BrainEvent];
  closed: [reason: string];
}

/** A Realtime session with the voice model, through the official `openai` client. */
export class RealtimeBrain extends EventEmitter<RealtimeBrainEvents> {
  private closedByUs = false;

  private constructor(private readonly connection: OpenAIRealtimeWS) {
    super();
    connection.on('event', (event) => this.emit('event', event as BrainEvent));
    // The client reports `error` events twice (as 'event' and as 'error'); only transport errors matter here.
    connection.on('error', () => undefined);
    connection.socket.on('close', (code, reason) => {
      if (!this.closedByUs) this.emit('closed', `socket closed (${code}${reason.length ? ` ${reason}` : ''})`);
    });
  }

  static async connect(settings: BrainSettings, instructions: string, timeoutMs = 10_000): Promise<RealtimeBrain> {
    const client = new OpenAI({ apiKey: settings.apiKey, baseURL: settings.baseUrl });
    const connection = await OpenAIRealtimeWS.create(client, { model: settings.model, options: settings.ca ? { ca: settings.ca } : undefined });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        connection.socket.terminate();
        reject(new Error(`voice model did not accept the connection within ${timeoutMs} ms`));
      }, timeoutMs);
      connection.socket.once('open', () => {
        clearTimeout(timer);
        resolve();
      });
      connection.socket.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });
    const brain = new RealtimeBrain(connection);
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
            turn_detection: { type: 'server_vad', threshold: 0.5, prefix_padding_ms: 300, silence_duration_ms: 500, create_response: true, interrupt_response: true },
            transcription: { model: 'gpt-4o-mini-transcribe' },
          },
          output: { format: { type: 'audio/pcmu' }, voice: settings.voice },
        },
      },
    });
    return brain;
  }

  send(event: { type: string; [key: string]: unknown }): void {
    this.connection.send(event as never);
  }

  appendAudio(base64Mulaw: string): void {
    this.send({ type: 'input_audio_buffer.append', audio: base64Mulaw });
  }

  close(): void {
    this.closedByUs = true;
    this.connection.close();
  }
}
