// OpenAI voice names -> espeak-ng voices, so the agent sounds distinct from the sandbox businesses
// (which speak plain 'en-us') and a recording is easy to follow.
const MALE_VOICES = new Set(['cedar', 'ash', 'ballad', 'echo', 'verse']);

export function espeakVoiceFor(openaiVoice: string): string {
  return MALE_VOICES.has(openaiVoice) ? 'en-us+m3' : 'en-us+f3';
}
