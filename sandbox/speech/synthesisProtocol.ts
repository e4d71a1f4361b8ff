/** Messages between the synthesizer and its worker thread. */
export interface SynthesisRequest {
  id: number;
  text: string;
  voice: string;
  wordsPerMinute: number;
}

export type SynthesisReply = { id: number; audio: Uint8Array } | { id: number; error: string };
