import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FrameParser, ProtocolError, type ClientFrame } from './frameParser.js';

/** A frame as a client writes it: masked with `mask`, length in the shortest form unless told. */
function clientFrame(opcode: number, payload: Buffer | string, { fin = true, mask = [0x12, 0x34, 0x56, 0x78], rsv = 0, masked = true } = {}): Buffer {
  const data = Buffer.from(payload);
  const length = data.length;
  const header = length < 126 ? [length] : length < 65536 ? [126, length >> 8, length & 0xff] : [127, 0, 0, 0, 0, (length >>> 24) & 0xff, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff];
  header[0] |= masked ? 0x80 : 0;
  const body = masked ? Buffer.from(data.map((byte, i) => byte ^ mask[i % 4])) : data;
  return Buffer.concat([Buffer.from([(fin ? 0x80 : 0) | rsv | opcode, ...header]), Buffer.from(masked ? mask : []), body]);
}

function parseAll(bytes: Buffer[], maxPayload = 1 << 20): ClientFrame[] {
  const parser = new FrameParser(maxPayload);
  const frames: ClientFrame[] = [];
  for (const chunk of bytes) parser.push(Buffer.from(chunk), (frame) => frames.push(frame));
  return frames;
}

function failure(bytes: Buffer[], maxPayload?: number): { code: number; message: string } {
  try {
    parseAll(bytes, maxPayload);
  } catch (err) {
    assert.ok(err instanceof ProtocolError, `expected a ProtocolError, got ${err}`);
    return { code: err.closeCode, message: err.message };
  }
  assert.fail('the bytes were accepted');
}

const text = (data: string) => ({ kind: 'message', data: Buffer.from(data), binary: false });

describe('reading client frames', () => {
  it('reads text and binary messages of every length encoding', () => {
    const long = 'x'.repeat(300);
    const huge = Buffer.alloc(70_000, 7);
    const frames = parseAll([Buffer.concat([clientFrame(1, 'hello'), clientFrame(1, long), clientFrame(2, huge), clientFrame(1, '')])]);
    assert.deepEqual(frames, [text('hello'), text(long), { kind: 'message', data: huge, binary: true }, text('')]);
  });

  it('gives the same frames however TCP splits the bytes', () => {
    const bytes = Buffer.concat([clientFrame(1, 'first'), clientFrame(9, 'ping?'), clientFrame(1, 'y'.repeat(200)), clientFrame(8, Buffer.from([0x03, 0xe8]))]);
    const whole = parseAll([bytes]);
    for (let cut = 1; cut < bytes.length; cut++) {
      assert.deepEqual(parseAll([bytes.subarray(0, cut), bytes.subarray(cut)]), whole, `split at byte ${cut}`);
    }
    assert.deepEqual(parseAll([...bytes].map((byte) => Buffer.from([byte]))), whole, 'one byte at a time');
    assert.deepEqual(whole.map((frame) => frame.kind), ['message', 'ping', 'message', 'close']);
  });

  it('joins a fragmented message, with control frames between its fragments', () => {
    const frames = parseAll([
      clientFrame(1, '{"event":', { fin: false }),
      clientFrame(9, 'are you there'),
      clientFrame(0, '"media",', { fin: false, mask: [1, 2, 3, 4] }),
      clientFrame(0, '"x":1}'),
      clientFrame(2, Buffer.from([1, 2]), { fin: false }),
      clientFrame(0, Buffer.from([3])),
    ]);
    assert.deepEqual(frames, [
      { kind: 'ping', data: Buffer.from('are you there') },
      text('{"event":"media","x":1}'),
      { kind: 'message', data: Buffer.from([1, 2, 3]), binary: true },
    ]);
  });

  it('reads the status and reason of a close frame, and a close frame without either', () => {
    const withReason = Buffer.concat([Buffer.from([0x0f, 0xa0]), Buffer.from('bye ü')]);
    assert.deepEqual(parseAll([clientFrame(8, withReason), clientFrame(8, '')]), [
      { kind: 'close', code: 4000, reason: 'bye ü' },
      { kind: 'close', code: 1005, reason: '' },
    ]);
  });

  it('accepts UTF-8 split across fragments', () => {
    const euro = Buffer.from('€');
    assert.deepEqual(parseAll([clientFrame(1, euro.subarray(0, 1), { fin: false }), clientFrame(0, euro.subarray(1))]), [text('€')]);
  });

  const broken: Array<[string, Buffer[], number, RegExp, number?]> = [
    ['an unmasked frame', [clientFrame(1, 'hi', { masked: false })], 1002, /masked/],
    ['reserved bits', [clientFrame(1, 'hi', { rsv: 0x40 })], 1002, /reserved bits/],
    ['an unknown opcode', [clientFrame(3, 'hi')], 1002, /unknown opcode 3/],
    ['a fragmented ping', [clientFrame(9, 'hi', { fin: false })], 1002, /control frames must not be fragmented/],
    ['a ping over 125 bytes', [clientFrame(9, 'p'.repeat(126))], 1002, /over 125 bytes/],
    ['a continuation with nothing to continue', [clientFrame(0, 'hi')], 1002, /without a message/],
    ['a new message inside a fragmented one', [clientFrame(1, 'a', { fin: false }), clientFrame(1, 'b')], 1002, /before the fragmented one ended/],
    ['text that is not UTF-8', [clientFrame(1, Buffer.from([0x7b, 0xff, 0x7d]))], 1007, /not valid UTF-8/],
    ['a close frame with one byte', [clientFrame(8, Buffer.from([3]))], 1002, /one-byte payload/],
    ['a close code no endpoint may send', [clientFrame(8, Buffer.from([0x03, 0xed]))], 1002, /invalid close code 1005/],
    ['a close reason that is not UTF-8', [clientFrame(8, Buffer.from([0x03, 0xe8, 0xc3]))], 1007, /close reason/],
    ['a message over the limit', [clientFrame(1, 'z'.repeat(101))], 1009, /over 100 bytes/, 100],
    ['fragments adding up to over the limit', [clientFrame(1, 'z'.repeat(60), { fin: false }), clientFrame(0, 'z'.repeat(60))], 1009, /over 100 bytes/, 100],
  ];
  for (const [name, bytes, code, message, maxPayload] of broken) {
    it(`fails the connection on ${name}`, () => {
      const problem = failure(bytes, maxPayload);
      assert.equal(problem.code, code);
      assert.match(problem.message, message);
    });
  }

  it('refuses an oversized message from its header, before its bytes arrive', () => {
    const header = Buffer.from([0x81, 0x80 | 127, 0, 0, 0, 1, 0, 0, 0, 0]);
    assert.equal(failure([header]).code, 1009);
  });
});
