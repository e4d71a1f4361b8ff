const HEADER_BYTES = 44;

/** Interleaves equally long 16-bit channels into a canonical PCM WAV file (channel 1 first). */
export function encodeMultichannelWav(channels: readonly Int16Array[], sampleRate: number): Buffer {
  if (channels.length === 0) throw new Error('a WAV file needs at least one channel');
  const frames = channels[0].length;
  if (channels.some((channel) => channel.length !== frames)) throw new Error('WAV channels must be equally long');
  const blockAlign = 2 * channels.length;
  const dataBytes = frames * blockAlign;
  const out = Buffer.alloc(HEADER_BYTES + dataBytes);
  out.write('RIFF', 0, 'ascii');
  out.writeUInt32LE(HEADER_BYTES - 8 + dataBytes, 4);
  out.write('WAVE', 8, 'ascii');
  out.write('fmt ', 12, 'ascii');
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20);
  out.writeUInt16LE(channels.length, 22);
  out.writeUInt32LE(sampleRate, 24);
  out.writeUInt32LE(sampleRate * blockAlign, 28);
  out.writeUInt16LE(blockAlign, 32);
  out.writeUInt16LE(16, 34);
  out.write('data', 36, 'ascii');
  out.writeUInt32LE(dataBytes, 40);
  let offset = HEADER_BYTES;
  for (let frame = 0; frame < frames; frame++) {
    for (const channel of channels) {
      out.writeInt16LE(channel[frame], offset);
      offset += 2;
    }
  }
  return out;
}
