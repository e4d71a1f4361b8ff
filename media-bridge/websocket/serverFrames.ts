// Frames a server sends (RFC 6455 section 5.2): unmasked, one frame per message, no extensions.

const TEXT = 0x1;
const CLOSE = 0x8;
const PONG = 0xa;

function headerBytes(length: number): number {
  return length < 126 ? 2 : length < 65536 ? 4 : 10;
}

function writeHeader(frame: Buffer, at: number, opcode: number, length: number): number {
  frame[at] = 0x80 | opcode;
  if (length < 126) {
    frame[at + 1] = length;
    return at + 2;
  }
  if (length < 65536) {
    frame[at + 1] = 126;
    frame.writeUInt16BE(length, at + 2);
    return at + 4;
  }
  frame[at + 1] = 127;
  frame.writeUInt32BE(Math.floor(length / 2 ** 32), at + 2);
  frame.writeUInt32BE(length >>> 0, at + 6);
  return at + 10;
}

/** Text frames for each message, back to back in one buffer (so they go out in one write). */
export function textFrames(texts: readonly string[]): Buffer {
  let total = 0;
  const lengths = texts.map((text) => {
    const length = Buffer.byteLength(text);
    total += headerBytes(length) + length;
    return length;
  });
  const frames = Buffer.allocUnsafe(total);
  for (let i = 0, at = 0; i < texts.length; i++) at = writeTextFrame(frames, at, texts[i], lengths[i]);
  return frames;
}

export function textFrame(text: string): Buffer {
  const length = Buffer.byteLength(text);
  const frame = Buffer.allocUnsafe(headerBytes(length) + length);
  writeTextFrame(frame, 0, text, length);
  return frame;
}

function writeTextFrame(frames: Buffer, at: number, text: string, length: number): number {
  const payloadAt = writeHeader(frames, at, TEXT, length);
  return payloadAt + frames.write(text, payloadAt);
}

/** A close frame; the reason is cut to fit the 125-byte control payload (at a character boundary). */
export function closeFrame(code: number, reason: string): Buffer {
  let reasonBytes = Buffer.from(reason);
  if (reasonBytes.length > 123) reasonBytes = Buffer.from(new TextDecoder().decode(reasonBytes.subarray(0, 123)).replace(/\uFFFD+$/, ''));
  const frame = Buffer.allocUnsafe(4 + reasonBytes.length);
  writeHeader(frame, 0, CLOSE, 2 + reasonBytes.length);
  frame.writeUInt16BE(code, 2);
  reasonBytes.copy(frame, 4);
  return frame;
}

export function pongFrame(data: Buffer): Buffer {
  const frame = Buffer.allocUnsafe(2 + data.length);
  writeHeader(frame, 0, PONG, data.length);
  data.copy(frame, 2);
  return frame;
}
