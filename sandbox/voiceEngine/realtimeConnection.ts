// One Realtime WebSocket session: applies client events to the session, the input audio buffer and
// the conversation, and runs responses decided by the rule-based policy.
import type { WebSocket } from 'ws';
import { FRAME_BYTES, FRAME_MS } from '../../common/audio/mulaw.js';
import { synthesize } from '../speech/synthesizer.js';
import type { TurnEvent } from '../speech/turnDetector.js';
import { utteranceIndex } from '../speech/utteranceIndex.js';
import { espeakVoiceFor } from './agentVoice.js';
import { parseClientEvent, type ClientEvent, type ClientEventOf } from './clientEvents.js';
import { Conversation, type RealtimeItem } from './conversation.js';
import { InputAudio } from './inputAudio.js';
import { itemAddedEvents, itemDoneEvent, type ServerEventBody } from './itemEvents.js';
import { decideReply } from './policy.js';
import { invalidRequest, type RealtimeErrorBody } from './realtimeErrors.js';
import { newId } from './realtimeIds.js';
import { ResponseRun } from './responseRun.js';
import { applySessionUpdate, callableTools, initialSession, type Session, type Tool, type ToolChoice } from './sessionConfig.js';
import { turnDetectorOptions } from './turnDetectionSettings.js';

// OpenAI refuses to commit less than 100 ms of audio.
const MIN_COMMIT_MS = 100;

function detectorOptionsFor(session: Session) {
  const turnDetection = session.audio.input.turn_detection;
  return turnDetection ? turnDetectorOptions(turnDetection) : null;
}

function recognizedText(audio: Buffer): string {
  return utteranceIndex.recognize(audio)?.text ?? '';
}

interface ResponseOptions {
  instructions?: string;
  tools?: Tool[];
  toolChoice?: ToolChoice;
  metadata?: Record<string, string> | null;
  outOfBand?: boolean;
}

export class RealtimeConnection {
  private session: Session;
  private readonly conversation = new Conversation();
  private readonly conversationId = newId('conv');
  private readonly inputAudio: InputAudio;
  private activeResponse: ResponseRun | null = null;
  private activeResponseDone: Promise<void> = Promise.resolve();
  /** Item id OpenAI assigns at speech_started and uses for the whole turn. */
  private turnItemId: string | null = null;
  private previousInputTokens = 0;
  private closed = false;

  constructor(
    private readonly socket: WebSocket,
    model: string,
  ) {
    this.session = initialSession(model);
    this.inputAudio = new InputAudio(detectorOptionsFor(this.session));
    socket.on('message', (data, isBinary) => this.receive(data.toString(), isBinary));
    socket.on('close', () => {
      this.closed = true;
      this.activeResponse?.cancel('client_cancelled');
    });
    this.send({ type: 'session.created', session: this.session });
  }

  private send(body: ServerEventBody): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    this.socket.send(JSON.stringify({ event_id: newId('event'), ...body }));
  }

  private sendError(error: RealtimeErrorBody, clientEventId?: string): void {
    this.send({ type: 'error', error: clientEventId ? { ...error, event_id: clientEventId } : error });
  }

  private receive(text: string, isBinary: boolean): void {
    if (isBinary) {
      this.sendError(invalidRequest('invalid_type', 'Binary frames are not supported: send JSON text events.'));
      return;
    }
    const parsed = parseClientEvent(text);
    if ('error' in parsed) {
      this.sendError(parsed.error);
      return;
    }
    this.safely(() => this.handle(parsed.event), parsed.event.event_id);
  }

  /** A bug in the engine becomes a server_error event for this session, never a crashed process. */
  private safely(work: () => void, clientEventId?: string): void {
    try {
      work();
    } catch (error) {
      this.reportBug(error, clientEventId);
    }
  }

  private reportBug(error: unknown, clientEventId?: string): void {
    const message = error instanceof Error ? error.message : String(error);
    this.sendError({ type: 'server_error', code: null, message, param: null, event_id: null }, clientEventId);
  }

  private handle(event: ClientEvent): void {
    switch (event.type) {
      case 'session.update':
        return this.updateSession(event);
      case 'input_audio_buffer.append':
        return this.appendAudio(Buffer.from(event.audio, 'base64'));
      case 'input_audio_buffer.commit':
        return this.commitManually(event);
      case 'input_audio_buffer.clear':
        this.inputAudio.clear();
        this.turnItemId = null;
        return this.send({ type: 'input_audio_buffer.cleared' });
      case 'conversation.item.create':
        return this.createItem(event);
      case 'conversation.item.truncate':
        return this.truncate(event);
      case 'response.create':
        return this.createResponse(event);
      case 'response.cancel':
        return this.cancelResponse(event);
    }
  }

  private updateSession(event: ClientEventOf<'session.update'>): void {
    const result = applySessionUpdate(this.session, event.session);
    if ('error' in result) return this.sendError(result.error, event.event_id);
    const vadChanged =
      JSON.stringify(result.session.audio.input.turn_detection) !== JSON.stringify(this.session.audio.input.turn_detection);
    this.session = result.session;
    if (vadChanged) {
      this.inputAudio.configure(detectorOptionsFor(this.session));
      this.turnItemId = null;
    }
    this.send({ type: 'session.updated', session: this.session });
  }

  private appendAudio(audio: Buffer): void {
    for (const turnEvent of this.inputAudio.append(audio)) this.onTurnEvent(turnEvent);
  }

  private onTurnEvent(turnEvent: TurnEvent): void {
    const turnDetection = this.session.audio.input.turn_detection;
    if (turnEvent.type === 'speech_started') {
      this.turnItemId = newId('item');
      this.send({ type: 'input_audio_buffer.speech_started', audio_start_ms: turnEvent.audioStartMs, item_id: this.turnItemId });
      // Like OpenAI's server VAD: the caller talking over a response still being generated cancels it.
      if (turnDetection?.interrupt_response !== false) this.activeResponse?.cancel('turn_detected');
      return;
    }
    const itemId = this.turnItemId ?? newId('item');
    this.turnItemId = null;
    this.send({ type: 'input_audio_buffer.speech_stopped', audio_end_ms: turnEvent.audioEndMs, item_id: itemId });
    this.commitUserAudio(itemId, turnEvent.audio);
    if (turnDetection?.create_response === false) return;
    if (!this.activeResponse) return this.startResponse();
    // A response still winding down (cancelled, but awaiting synthesis) or, without
    // interrupt_response, still streaming: answer this turn once it has finished.
    void this.activeResponseDone.then(() => {
      if (!this.activeResponse && !this.closed) this.safely(() => this.startResponse());
    });
  }

  private commitManually(event: ClientEventOf<'input_audio_buffer.commit'>): void {
    const { audio, ms } = this.inputAudio.takeUncommitted();
    if (ms < MIN_COMMIT_MS) {
      const message = `Error committing input audio buffer: buffer too small. Expected at least ${MIN_COMMIT_MS}ms of audio, but buffer only has ${ms.toFixed(2)}ms of audio.`;
      return this.sendError(invalidRequest('input_audio_buffer_commit_empty', message), event.event_id);
    }
    this.commitUserAudio(this.turnItemId ?? newId('item'), audio);
    this.turnItemId = null;
  }

  private commitUserAudio(itemId: string, audio: Buffer): void {
    const content = { type: 'input_audio' as const, transcript: null as string | null };
    const item: RealtimeItem = { id: itemId, object: 'realtime.item', type: 'message', status: 'completed', role: 'user', content: [content] };
    const added = this.conversation.add(item, (audio.length / FRAME_BYTES) * FRAME_MS);
    const previousItemId = 'previousItemId' in added ? added.previousItemId : null;
    this.send({ type: 'input_audio_buffer.committed', previous_item_id: previousItemId, item_id: itemId });
    for (const event of itemAddedEvents(item, previousItemId)) this.send(event);
    this.send(itemDoneEvent(item, previousItemId));

    const transcript = recognizedText(audio);
    this.conversation.setRecognized(itemId, transcript);
    content.transcript = transcript;
    // Like OpenAI, transcripts are only sent when the session asked for input transcription.
    if (this.session.audio.input.transcription) {
      this.send({
        type: 'conversation.item.input_audio_transcription.completed',
        item_id: itemId,
        content_index: 0,
        transcript,
        usage: { type: 'duration', seconds: Math.ceil(audio.length / FRAME_BYTES / (1000 / FRAME_MS)) },
      });
    }
  }

  private createItem(event: ClientEventOf<'conversation.item.create'>): void {
    const input = event.item;
    if (input.type === 'function_call_output' && !this.conversation.hasFunctionCall(input.call_id)) {
      const message = `No function call with call_id '${input.call_id}' found in the conversation.`;
      return this.sendError(invalidRequest('invalid_value', message, 'item.call_id'), event.event_id);
    }
    const item: RealtimeItem = { ...input, id: input.id ?? newId('item'), object: 'realtime.item', status: 'completed' };
    let audioMs = 0;
    if (input.type === 'message') {
      item.content = input.content.map((part) => {
        if (part.type !== 'input_audio') return part;
        const audio = Buffer.from(part.audio, 'base64');
        audioMs += (audio.length / FRAME_BYTES) * FRAME_MS;
        return { type: 'input_audio', transcript: part.transcript ?? recognizedText(audio) };
      });
    }
    const added = this.conversation.add(item, audioMs, event.previous_item_id);
    if ('error' in added) return this.sendError(added.error, event.event_id);
    for (const announced of itemAddedEvents(item, added.previousItemId)) this.send(announced);
    this.send(itemDoneEvent(item, added.previousItemId));
  }

  private truncate(event: ClientEventOf<'conversation.item.truncate'>): void {
    const error = this.conversation.truncate(event.item_id, event.content_index, event.audio_end_ms);
    if (error) return this.sendError(error, event.event_id);
    this.send({
      type: 'conversation.item.truncated',
      item_id: event.item_id,
      content_index: event.content_index,
      audio_end_ms: event.audio_end_ms,
    });
  }

  private createResponse(event: ClientEventOf<'response.create'>): void {
    const options = event.response ?? {};
    if (options.output_modalities && options.output_modalities.join() !== 'audio') {
      const message = "The sandbox voice engine only produces audio: use output_modalities ['audio'].";
      return this.sendError(invalidRequest('invalid_value', message, 'response.output_modalities'), event.event_id);
    }
    const outOfBand = options.conversation === 'none';
    if (this.activeResponse && !outOfBand) {
      const message = `Conversation already has an active response in progress: ${this.activeResponse.id}. Wait until the response is finished before creating a new one.`;
      return this.sendError(invalidRequest('conversation_already_has_active_response', message), event.event_id);
    }
    this.startResponse({
      instructions: options.instructions,
      tools: options.tools,
      toolChoice: options.tool_choice,
      metadata: options.metadata ?? null,
      outOfBand,
    });
  }

  /** Response options override the session's for this response only, as in `response.create`. */
  private startResponse(options: ResponseOptions = {}): void {
    const tools = options.tools ?? this.session.tools;
    const instructions = options.instructions ?? this.session.instructions;
    // A model can only call tools the session declared (and the tool choice allows).
    const callable = callableTools(tools, options.toolChoice ?? this.session.tool_choice);
    const reply = decideReply({
      instructions: this.session.instructions,
      responseInstructions: options.instructions,
      conversation: this.conversation.policyView(),
      tools: [...callable],
    });
    const toolCalls = reply.toolCalls.filter((call) => callable.has(call.name));
    const run = new ResponseRun(
      {
        send: (body) => this.send(body),
        synthesize: (text, voice) => synthesize(text, { voice: espeakVoiceFor(voice, reply.language) }),
        conversation: options.outOfBand ? null : this.conversation,
        contextTextChars: instructions.length + JSON.stringify(tools).length,
        previousInputTokens: this.previousInputTokens,
      },
      { say: reply.say, toolCalls },
      {
        conversationId: this.conversationId,
        voice: this.session.audio.output.voice,
        maxOutputTokens: this.session.max_output_tokens,
        metadata: options.metadata ?? null,
      },
    );
    const done = run
      .run()
      .catch((error: unknown) => this.reportBug(error))
      .finally(() => {
        if (this.activeResponse === run) this.activeResponse = null;
        if (!options.outOfBand && run.usage) this.previousInputTokens = run.usage.input_tokens;
      });
    if (!options.outOfBand) {
      this.activeResponse = run;
      this.activeResponseDone = done;
    }
  }

  private cancelResponse(event: ClientEventOf<'response.cancel'>): void {
    const active = this.activeResponse;
    if (!active || (event.response_id && event.response_id !== active.id)) {
      const message = 'Cancellation failed: no active response found.';
      return this.sendError(invalidRequest('response_cancel_not_active', message), event.event_id);
    }
    active.cancel('client_cancelled');
  }
}
