// Token usage for `response.done`, estimated the way the Realtime API bills: the whole context is
// input on every response (mostly cached after the first), audio costs ~10 tokens/s heard and
// ~20 tokens/s spoken, text ~4 characters a token.

const HEARD_TOKENS_PER_S = 10;
const SPOKEN_TOKENS_PER_S = 20;
const CHARS_PER_TOKEN = 4;

export interface ContextSize {
  /** Instructions, tool definitions and text items. */
  textChars: number;
  /** Audio received from the caller side. */
  receivedAudioMs: number;
  /** Our earlier audio, which is input again for later responses. */
  sentAudioMs: number;
}

export interface ResponseOutput {
  spokenMs: number;
  /** Transcript of the audio plus function-call arguments. */
  textChars: number;
}

export interface Usage {
  total_tokens: number;
  input_tokens: number;
  output_tokens: number;
  input_token_details: { text_tokens: number; audio_tokens: number; cached_tokens: number };
  output_token_details: { text_tokens: number; audio_tokens: number };
}

const textTokens = (chars: number) => Math.ceil(chars / CHARS_PER_TOKEN);

/** `previousInputTokens`: the last response's input, which the API serves from its prompt cache. */
export function estimateUsage(context: ContextSize, output: ResponseOutput, previousInputTokens: number): Usage {
  const inputText = textTokens(context.textChars);
  const inputAudio = Math.round(
    (context.receivedAudioMs / 1000) * HEARD_TOKENS_PER_S + (context.sentAudioMs / 1000) * SPOKEN_TOKENS_PER_S,
  );
  const input = inputText + inputAudio;
  const outputText = textTokens(output.textChars);
  const outputAudio = Math.round((output.spokenMs / 1000) * SPOKEN_TOKENS_PER_S);
  return {
    total_tokens: input + outputText + outputAudio,
    input_tokens: input,
    output_tokens: outputText + outputAudio,
    input_token_details: { text_tokens: inputText, audio_tokens: inputAudio, cached_tokens: Math.min(previousInputTokens, input) },
    output_token_details: { text_tokens: outputText, audio_tokens: outputAudio },
  };
}
