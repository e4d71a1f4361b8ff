/** Token counts as the Realtime API reports them in `response.done.response.usage`. */
export interface RealtimeUsage {
  input_tokens?: number;
  output_tokens?: number;
  input_token_details?: { text_tokens?: number; audio_tokens?: number; cached_tokens?: number; cached_tokens_details?: { text_tokens?: number; audio_tokens?: number } };
  output_token_details?: { text_tokens?: number; audio_tokens?: number };
}

export interface UsageTotals {
  responses: number;
  inputTextTokens: number;
  inputAudioTokens: number;
  cachedInputTokens: number;
  outputTextTokens: number;
  outputAudioTokens: number;
}

// gpt-realtime list prices, USD per 1M tokens (PROTOCOLS.md). Cached input is billed at the cached rate.
const PRICE_PER_MILLION = { inputText: 4, inputAudio: 32, cachedInput: 0.4, outputText: 16, outputAudio: 64 };

/** Sums the model's usage over a call and prices it. */
export class UsageMeter {
  readonly totals: UsageTotals = { responses: 0, inputTextTokens: 0, inputAudioTokens: 0, cachedInputTokens: 0, outputTextTokens: 0, outputAudioTokens: 0 };

  add(usage: RealtimeUsage | undefined): void {
    if (!usage) return;
    const input = usage.input_token_details ?? {};
    const output = usage.output_token_details ?? {};
    const cached = input.cached_tokens ?? 0;
    this.totals.responses += 1;
    this.totals.cachedInputTokens += cached;
    // Cached tokens are part of the text/audio counts; bill them once, at the cached rate.
    const cachedAudio = input.cached_tokens_details?.audio_tokens ?? 0;
    const cachedText = cached - cachedAudio;
    this.totals.inputTextTokens += Math.max(0, (input.text_tokens ?? 0) - cachedText);
    this.totals.inputAudioTokens += Math.max(0, (input.audio_tokens ?? 0) - cachedAudio);
    this.totals.outputTextTokens += output.text_tokens ?? 0;
    this.totals.outputAudioTokens += output.audio_tokens ?? 0;
  }

  get costUsd(): number {
    const t = this.totals;
    const usd =
      (t.inputTextTokens * PRICE_PER_MILLION.inputText +
        t.inputAudioTokens * PRICE_PER_MILLION.inputAudio +
        t.cachedInputTokens * PRICE_PER_MILLION.cachedInput +
        t.outputTextTokens * PRICE_PER_MILLION.outputText +
        t.outputAudioTokens * PRICE_PER_MILLION.outputAudio) /
      1_000_000;
    return Math.round(usd * 10_000) / 10_000;
  }
}
