export interface PcmAudio {
  sampleRate: number;
  samples: Int16Array;
}

const HEADER_BYTES = 44;

/** Reads a 16-bit PCM WAV (mono, or the first channel of a multi-channel file). */
export function parseWav(bytes: Uint8Array): PcmAudio {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12 || tag(bytes, 0) !== 'RIFF' || tag(bytes, 8) !== 'WAVE') {
    throw new Error('not a RIFF/WAVE file');
  }
  let format: { channels: number; sampleRate: number; bitsPerSample: number } | undefined;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = tag(bytes, offset);
    const declared = view.getUint32(offset + 4, true);
    const body = offset + 8;
    // Streaming writers leave the size at a placeholder; clamp it to what is really there.
    const size = Math.min(declared, bytes.length - body);
    if (id === 'fmt ') {
      if (view.getUint16(body, true) !== 1) throw new Error('WAV is not integer PCM');
      format = {
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        bitsPerSample: view.getUint16(body + 14, true),
      };
    } else if (id === 'data') {
      if (!format) throw new Error('WAV data chunk before fmt chunk');
      if (format.bitsPerSample !== 16) throw new Error(`WAV has ${format.bitsPerSample}-bit samples, expected 16`);
      const frames = Math.floor(size / (2 * format.channels));
      const samples = new Int16Array(frames);
      for (let i = 0; i < frames; i++) samples[i] = view.getInt16(body + i * 2 * format.channels, true);
      return { sampleRate: format.sampleRate, samples };
    }
    offset = body + size + (size % 2);
  }
  throw new Error('WAV has no data chunk');
}

/** Wraps mono 16-bit samples in a canonical 44-byte WAV header. */
export function encodeWav({ sampleRate, samples }: PcmAudio): Buffer {
  return encodeMultichannelWav([samples], sampleRate);
}

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

function tag(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(bytes[offset], bytes[offset + 1], bytes[offset + 2], bytes[offset + 3]);
}
