// OpenAI voice names -> espeak-ng voices, so the agent sounds distinct from the sandbox businesses
// (which speak plain 'en-us' or 'es') and a recording is easy to follow. The language is chosen per
// utterance: a reply to a Spanish-speaking line is spoken with the Spanish voice.
import type { Language } from './policyLanguage.js';

const MALE_VOICES = new Set(['cedar', 'ash', 'ballad', 'echo', 'verse']);
const ESPEAK_LANGUAGE: Record<Language, string> = { en: 'en-us', es: 'es' };

export function espeakVoiceFor(openaiVoice: string, language: Language = 'en'): string {
  return `${ESPEAK_LANGUAGE[language]}+${MALE_VOICES.has(openaiVoice) ? 'm3' : 'f3'}`;
}
