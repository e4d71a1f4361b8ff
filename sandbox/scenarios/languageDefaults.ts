/** What a scenario says and sounds like where its file leaves something out, by the line's language. */
export interface LanguageDefaults {
  voice: string;
  invalidMessage: string;
  noInputMessage: string;
  menuFailure: string;
  reprompt: string;
  giveUp: string;
}

export const LANGUAGE_DEFAULTS: Record<'en' | 'es', LanguageDefaults> = {
  en: {
    voice: 'en-us',
    invalidMessage: "Sorry, that's not a valid option.",
    noInputMessage: "Sorry, we didn't receive your selection.",
    menuFailure: "We're sorry, we were unable to process your request. Goodbye.",
    reprompt: 'Hello? Are you still there?',
    giveUp: "I'm sorry, I can't hear you. Please call us back. Goodbye.",
  },
  es: {
    voice: 'es',
    invalidMessage: 'Lo siento, esa no es una opción válida.',
    noInputMessage: 'Lo siento, no recibimos su selección.',
    menuFailure: 'Lo sentimos, no pudimos procesar su solicitud. Adiós.',
    reprompt: '¿Hola? ¿Sigue usted ahí?',
    giveUp: 'Lo siento, no le escucho. Por favor, llámenos de nuevo. Adiós.',
  },
};

/** Agent silence policy defaults. */
export const DEFAULT_REPROMPT_AFTER_SECONDS = 8;
export const DEFAULT_MAX_REPROMPTS = 2;
