import http from 'node:http';
import { refuseUpgrade, upgradeToWebSocket } from '../media-bridge/websocket/handshake.js';
import type { ServerWebSocket } from '../media-bridge/websocket/serverWebSocket.js';
import { FRAME_BYTES, FRAME_MS } from '../common/audio/mulaw.js';
import { base64Envelope, openBase64Envelope } from './base64Envelope.js';
import { isSpeech, writeHoldMicros } from './frameStamp.js';

export interface EngineStub {
  port: number;
  /** Sessions opened since start (one per bridged call, more if the bridge reconnects). */
  readonly sessions: number;
  close(): Promise<void>;
}

// The bridge serialises an append exactly like this; any other spelling goes through JSON.parse.
const APPEND = base64Envelope('{"type":"input_audio_buffer.append","audio":"', '"}');

/**
 * The smallest voice engine the bridge can talk to: the OpenAI Realtime subset the bridge needs, with no
 * intelligence. Every `input_audio_buffer.append` comes straight back as a `response.output_audio.delta` of
 * one long-running response item (so every frame the carrier sends returns to it, each 20 ms frame stamped
 * with how long the stub held it), and a loud frame is reported as `input_audio_buffer.speech_started`.
 * It is benchmark machinery sharing the machine with the bridge, so the per-frame path builds no objects:
 * appends are read without JSON.parse and deltas are written from pre-built text.
 */
export async function startEngineStub(): Promise<EngineStub> {
  let sessions = 0;
  const server = http.createServer((_req, res) => res.writeHead(404).end());
  const sockets = new Set<ServerWebSocket>();
  // The bridge's own server end (one write per message) keeps the stub as cheap as the bridge's carrier side.
  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://stub').pathname !== '/v1/realtime') return refuseUpgrade(socket, 404, 'Not Found');
    const ws = upgradeToWebSocket(req, socket, head, { maxPayload: 1 << 20 });
    if (!ws) return;
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    serveSession(ws, ++sessions);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('engine stub has no port');
  return {
    port: address.port,
    get sessions() {
      return sessions;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.close(1001, 'engine stub stopping');
        server.close(() => resolve());
      }),
  };
}

function serveSession(socket: ServerWebSocket, sessionNumber: number): void {
  const sessionId = `sess_bench${sessionNumber}`;
  const itemId = `item_bench${sessionNumber}`;
  const deltaMiddle = `","type":"response.output_audio.delta","response_id":"resp_${itemId}","item_id":"${itemId}","output_index":0,"content_index":0,"delta":"`;
  let eventSeq = 0;
  let speaking = false;
  let speechSeq = 0;
  let audioMs = 0;
  const send = (event: Record<string, unknown>) => socket.send(JSON.stringify({ event_id: `event_${++eventSeq}`, ...event }));
  const fail = (message: string) => send({ type: 'error', error: { type: 'invalid_request_error', code: 'invalid_event', message } });

  const append = (base64: string, receivedAt: number) => {
    const audio = Buffer.from(base64, 'base64');
    for (let at = 0; at + FRAME_BYTES <= audio.length; at += FRAME_BYTES) {
      const loud = isSpeech(audio, at);
      if (loud && !speaking) {
        speaking = true;
        send({ type: 'input_audio_buffer.speech_started', audio_start_ms: audioMs, item_id: `item_in${++speechSeq}` });
      } else if (!loud && speaking) {
        // A reply follows every turn, as with create_response: true; without one the bridge would take
        // the model for stuck and replace the session.
        speaking = false;
        send({ type: 'input_audio_buffer.speech_stopped', audio_end_ms: audioMs, item_id: `item_in${speechSeq}` });
        send({ type: 'response.created', response: { id: `resp_${itemId}_${speechSeq}`, object: 'realtime.response', status: 'in_progress', output: [] } });
      }
      audioMs += FRAME_MS;
      writeHoldMicros(audio, at, (performance.now() - receivedAt) * 1000);
    }
    socket.send(`{"event_id":"event_${++eventSeq}${deltaMiddle}${audio.toString('base64')}"}`);
  };

  send({ type: 'session.created', session: { id: sessionId, type: 'realtime', object: 'realtime.session' } });
  send({ type: 'response.created', response: { id: `resp_${itemId}`, object: 'realtime.response', status: 'in_progress', output: [] } });

  socket.on('message', (data: Buffer, isBinary) => {
    const receivedAt = performance.now();
    if (isBinary) return fail('binary frames are not part of the protocol');
    const audio = openBase64Envelope(data, APPEND);
    if (audio) return append(audio, receivedAt);
    let event: { type?: unknown; audio?: unknown; session?: unknown };
    try {
      event = JSON.parse(data.toString());
    } catch {
      return fail('event is not JSON');
    }
    switch (event.type) {
      case 'session.update':
        return send({ type: 'session.updated', session: { id: sessionId, ...(typeof event.session === 'object' ? event.session : {}) } });
      case 'input_audio_buffer.append':
        if (typeof event.audio !== 'string' || !event.audio) return fail('input_audio_buffer.append needs base64 audio');
        return append(event.audio, receivedAt);
      case 'conversation.item.truncate':
      case 'conversation.item.create':
      case 'response.create':
      case 'response.cancel':
        return;
      default:
        return fail(`unsupported event type ${String(event.type)}`);
    }
  });
}
