import { isUtf8 } from 'node:buffer';

/** What a client's bytes amount to, once a whole frame (or fragmented message) is in. */
export type ClientFrame =
  | { kind: 'message'; data: Buffer; binary: boolean }
  | { kind: 'close'; code: number; reason: string }
  | { kind: 'ping'; data: Buffer }
  | { kind: 'pong'; data: Buffer };

/** The client broke RFC 6455; `closeCode` is the status the connection must be failed with. */
export class ProtocolError extends Error {
  constructor(readonly closeCode: number, message: string) {
    super(message);
  }
}

const CONTINUATION = 0x0;
const TEXT = 0x1;
const BINARY = 0x2;
const CLOSE = 0x8;
const PING = 0x9;
const PONG = 0xa;
/** Close status when a close frame carries none (never sent on the wire). */
export const NO_STATUS = 1005;

/**
 * Reads the frames a WebSocket client sends (RFC 6455 section 5): masked, no extensions, text and
 * binary messages possibly fragmented, control frames possibly between the fragments. Bytes arrive in
 * whatever pieces TCP delivers; a frame split across pieces waits for the rest. Payloads are unmasked
 * in place, so a message usually costs no copy.
 */
export class FrameParser {
  private pending: Buffer | null = null;
  private fragments: Buffer[] = [];
  private fragmentBytes = 0;
  private fragmentBinary = false;
  private inMessage = false;

  constructor(private readonly maxPayload: number) {}

  /** Takes the next bytes from the socket; `onFrame` runs for each complete frame. Throws ProtocolError. */
  push(chunk: Buffer, onFrame: (frame: ClientFrame) => void): void {
    const bytes = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = null;
    let at = 0;
    while (bytes.length - at >= 2) {
      const frameEnd = this.readFrame(bytes, at, onFrame);
      if (frameEnd < 0) break;
      at = frameEnd;
    }
    if (at < bytes.length) this.pending = bytes.subarray(at);
  }

  /** Reads the frame starting at `at`; returns where it ends, or -1 when its bytes are not all in yet. */
  private readFrame(bytes: Buffer, at: number, onFrame: (frame: ClientFrame) => void): number {
    const first = bytes[at];
    const second = bytes[at + 1];
    if (first & 0x70) throw new ProtocolError(1002, 'reserved bits set (no extension was negotiated)');
    if (!(second & 0x80)) throw new ProtocolError(1002, 'client frames must be masked');
    const fin = (first & 0x80) !== 0;
    const opcode = first & 0x0f;
    const control = opcode >= CLOSE;
    if (control && !fin) throw new ProtocolError(1002, 'control frames must not be fragmented');

    let length = second & 0x7f;
    let maskAt = at + 2;
    if (length === 126) {
      if (bytes.length - at < 4) return -1;
      length = bytes.readUInt16BE(at + 2);
      maskAt += 2;
    } else if (length === 127) {
      if (bytes.length - at < 10) return -1;
      const high = bytes.readUInt32BE(at + 2);
      if (high > 0x1f_ffff) throw new ProtocolError(1009, 'frame length out of range');
      length = high * 2 ** 32 + bytes.readUInt32BE(at + 6);
      maskAt += 8;
    }
    if (control && length > 125) throw new ProtocolError(1002, 'control frame payload over 125 bytes');
    // Refused from the header alone, so an oversized message is never buffered.
    if (!control && this.fragmentBytes + length > this.maxPayload) throw new ProtocolError(1009, `message over ${this.maxPayload} bytes`);

    const payloadAt = maskAt + 4;
    const end = payloadAt + length;
    if (bytes.length < end) return -1;
    const payload = bytes.subarray(payloadAt, end);
    unmask(payload, bytes, maskAt);

    switch (opcode) {
      case TEXT:
      case BINARY:
        if (this.inMessage) throw new ProtocolError(1002, 'a new message began before the fragmented one ended');
        if (fin) onFrame({ kind: 'message', data: checkedMessage(payload, opcode === BINARY), binary: opcode === BINARY });
        else this.startFragments(payload, opcode === BINARY);
        break;
      case CONTINUATION:
        if (!this.inMessage) throw new ProtocolError(1002, 'continuation frame without a message to continue');
        this.fragments.push(payload);
        this.fragmentBytes += length;
        if (fin) onFrame(this.finishFragments());
        break;
      case CLOSE:
        onFrame(closeFrame(payload));
        break;
      case PING:
        onFrame({ kind: 'ping', data: payload });
        break;
      case PONG:
        onFrame({ kind: 'pong', data: payload });
        break;
      default:
        throw new ProtocolError(1002, `unknown opcode ${opcode}`);
    }
    return end;
  }

  private startFragments(payload: Buffer, binary: boolean): void {
    this.inMessage = true;
    this.fragmentBinary = binary;
    this.fragments = [payload];
    this.fragmentBytes = payload.length;
  }

  private finishFragments(): ClientFrame {
    const data = Buffer.concat(this.fragments, this.fragmentBytes);
    const binary = this.fragmentBinary;
    this.inMessage = false;
    this.fragments = [];
    this.fragmentBytes = 0;
    return { kind: 'message', data: checkedMessage(data, binary), binary };
  }
}

function unmask(payload: Buffer, bytes: Buffer, maskAt: number): void {
  const m0 = bytes[maskAt];
  const m1 = bytes[maskAt + 1];
  const m2 = bytes[maskAt + 2];
  const m3 = bytes[maskAt + 3];
  const length = payload.length;
  const whole = length & ~3;
  let i = 0;
  for (; i < whole; i += 4) {
    payload[i] ^= m0;
    payload[i + 1] ^= m1;
    payload[i + 2] ^= m2;
    payload[i + 3] ^= m3;
  }
  if (i < length) payload[i++] ^= m0;
  if (i < length) payload[i++] ^= m1;
  if (i < length) payload[i] ^= m2;
}

function checkedMessage(data: Buffer, binary: boolean): Buffer {
  if (!binary && !isUtf8(data)) throw new ProtocolError(1007, 'text message is not valid UTF-8');
  return data;
}

function closeFrame(payload: Buffer): ClientFrame {
  if (payload.length === 0) return { kind: 'close', code: NO_STATUS, reason: '' };
  if (payload.length === 1) throw new ProtocolError(1002, 'close frame with a one-byte payload');
  const code = payload.readUInt16BE(0);
  if (!isSendableCloseCode(code)) throw new ProtocolError(1002, `invalid close code ${code}`);
  const reason = payload.subarray(2);
  if (!isUtf8(reason)) throw new ProtocolError(1007, 'close reason is not valid UTF-8');
  return { kind: 'close', code, reason: reason.toString() };
}

/** Codes an endpoint may put in a close frame (RFC 6455 7.4, and the IANA registry's 1012-1014). */
export function isSendableCloseCode(code: number): boolean {
  return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
}
