// Everything the agent says, in English and in simple Spanish. Rules pick the phrasebook of the line's
// language, so adding a rule never means translating inside it.
import type { CallBrief } from './policyBrief.js';
import type { Language } from './policyLanguage.js';
import { spanishIssue } from './policySpanishIssue.js';

export interface Phrases {
  introduction(brief: CallBrief | null): string;
  whoWeAre(customer: string): string;
  fact(name: string, value: string): string;
  missingFact(name: string): string;
  confirmed: string;
  /** Puts a wrongly read-back fact right: "No, the zip code is 94107." */
  correction(factSentence: string): string;
  noInformation: string;
  repeatRequest: string;
  takeYourTime: string;
  sure: string;
  acknowledge: string;
  stillHere: string;
  askForReference: string;
  goodbyeNothingElse: string;
  goodbye: string;
  notWithoutCustomer(customer: string): string;
  readBack(code: string, items: readonly string[]): string;
  confirm(items: readonly string[]): string;
  spelled(spelling: string): string;
  /** Said right after `request_user` succeeded, while the customer is being dialled in. */
  bringingCustomerOn(firstName: string): string;
  customerJoining(firstName: string): string;
  /** `request_user` failed: the customer cannot be dialled in. */
  customerUnavailable(firstName: string): string;
  /** The issue, told to a representative while the customer listens on the line. */
  issueForCustomer(brief: CallBrief | null, firstName: string): string;
  askForSupervisor: string;
  askToNoteIt: string;
  restateForSupervisor(brief: CallBrief | null): string;
  voicemail(brief: CallBrief | null, callbackNumber: string | null): string;
  /** How a spelled-out value names "@", "." and "-". */
  symbols: Record<string, string>;
  /** The last item joined with "and". */
  list(items: readonly string[]): string;
  theCustomer: string;
}

const customerOf = (brief: CallBrief | null, fallback: string) => brief?.onBehalfOf || fallback;

const english: Phrases = {
  introduction(brief) {
    const who = `Hi, I'm calling on behalf of ${customerOf(brief, 'a customer')}.`;
    return brief?.issue ? `${who} ${brief.issue}` : who;
  },
  whoWeAre: (customer) => `I'm an assistant calling on behalf of ${customer}.`,
  fact: (name, value) => `The ${name} is ${value}.`,
  missingFact: (name) => `I'm sorry, I don't have the ${name} with me.`,
  confirmed: "Yes, that's correct.",
  correction: (factSentence) => `No, ${factSentence.charAt(0).toLowerCase()}${factSentence.slice(1)}`,
  noInformation: "Sorry, I don't have that information with me.",
  repeatRequest: 'Sorry, could you repeat that?',
  takeYourTime: 'Sure, take your time.',
  sure: 'Sure.',
  acknowledge: 'Okay, thank you.',
  stillHere: "Yes, I'm still here.",
  askForReference: 'Before we finish, could I get a case or reference number for this?',
  goodbyeNothingElse: "No, that's everything. Thank you for your help, goodbye!",
  goodbye: 'Thank you, goodbye!',
  notWithoutCustomer: (customer) => `I'm not able to agree to that without checking with ${customer} first.`,
  readBack: (code, items) => `Let me read that back: ${[code, ...(items.length ? [english.list(items)] : [])].join('; ')}.`,
  confirm: (items) => `Just to confirm: ${english.list(items)}.`,
  spelled: (spelling) => `Sure, that's ${spelling}.`,
  bringingCustomerOn: (name) => `One moment please, I'm bringing ${name} onto the line.`,
  customerJoining: (name) => `${name} is joining the line, one moment please.`,
  customerUnavailable: (name) => `I'm sorry, ${name} can't join the call right now. Could you help without ${name}, or tell me when ${name} should call back?`,
  issueForCustomer: (brief, name) => (brief?.issue ? `Thank you. Here is the issue, in ${name}'s words: ${brief.issue}` : `Thank you. ${name} can explain the issue.`),
  askForSupervisor: 'I understand. Could I please speak with a supervisor about this?',
  askToNoteIt: 'I understand. Could you please note this on the account and give me a reference number?',
  restateForSupervisor(brief) {
    const issue = brief?.issue ? ` ${brief.issue}` : '';
    return `Thank you for taking the call. I'm calling on behalf of ${customerOf(brief, 'a customer')}.${issue} The representative told us they could not help with this.`;
  },
  voicemail(brief, callbackNumber) {
    const customer = customerOf(brief, 'our customer');
    const issue = brief?.issue ? ` ${brief.issue}` : '';
    const at = callbackNumber ? ` at ${callbackNumber}` : '';
    return `Hello, this is an assistant calling on behalf of ${customer}.${issue} Please call ${customer} back${at}. Thank you, goodbye.`;
  },
  symbols: { '@': 'at', '.': 'dot', '-': 'dash', _: 'underscore' },
  list: (items) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`),
  theCustomer: 'the customer',
};

const spanish: Phrases = {
  introduction: (brief) => `Hola, llamo de parte de ${customerOf(brief, 'un cliente')}. ${spanishIssue(brief)}`,
  whoWeAre: (customer) => `Soy un asistente que llama de parte de ${customer}.`,
  fact: (name, value) => `${name.charAt(0).toUpperCase()}${name.slice(1)} es ${value}.`,
  missingFact: (name) => `Lo siento, no tengo ${name}.`,
  confirmed: 'Sí, es correcto.',
  correction: (factSentence) => `No, ${factSentence.charAt(0).toLowerCase()}${factSentence.slice(1)}`,
  noInformation: 'Lo siento, no tengo esa información.',
  repeatRequest: 'Perdón, ¿puede repetirlo?',
  takeYourTime: 'Claro, no hay problema.',
  sure: 'Claro.',
  acknowledge: 'De acuerdo, gracias.',
  stillHere: 'Sí, aquí sigo.',
  askForReference: 'Antes de terminar, ¿me puede dar un número de caso o de referencia?',
  goodbyeNothingElse: 'No, eso es todo. Muchas gracias por su ayuda, adiós.',
  goodbye: 'Muchas gracias, adiós.',
  notWithoutCustomer: (customer) => `No puedo aceptar eso sin consultarlo antes con ${customer}.`,
  readBack: (code, items) => `Le repito: ${[code, ...(items.length ? [spanish.list(items)] : [])].join('; ')}.`,
  confirm: (items) => `Para confirmar: ${spanish.list(items)}.`,
  spelled: (spelling) => `Claro, es ${spelling}.`,
  bringingCustomerOn: (name) => `Un momento por favor, voy a comunicar a ${name} a la llamada.`,
  customerJoining: (name) => `${name} se está uniendo a la llamada, un momento por favor.`,
  customerUnavailable: (name) => `Lo siento, ${name} no puede unirse a la llamada ahora. ¿Puede ayudarnos sin ${name}, o decirme cuándo debe devolver la llamada?`,
  issueForCustomer: (brief, name) => `Gracias. El motivo de la llamada, de parte de ${name}: ${spanishIssue(brief)}`,
  askForSupervisor: 'Entiendo. ¿Podría hablar con un supervisor, por favor?',
  askToNoteIt: 'Entiendo. ¿Puede anotarlo en la cuenta y darme un número de referencia?',
  restateForSupervisor: (brief) =>
    `Gracias por atenderme. Llamo de parte de ${customerOf(brief, 'un cliente')}. ${spanishIssue(brief)} El representante nos dijo que no podía ayudarnos con esto.`,
  voicemail(brief, callbackNumber) {
    const customer = customerOf(brief, 'nuestro cliente');
    const at = callbackNumber ? ` al ${callbackNumber}` : '';
    return `Hola, soy un asistente que llama de parte de ${customer}. ${spanishIssue(brief)} Por favor, devuelva la llamada${at}. Gracias, adiós.`;
  },
  symbols: { '@': 'arroba', '.': 'punto', '-': 'guion', _: 'guion bajo' },
  list: (items) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} y ${items.at(-1)}`),
  theCustomer: 'el cliente',
};

export function phrasesFor(language: Language): Phrases {
  return language === 'es' ? spanish : english;
}

/** Lines that mean "say that again", in any language: repeating them is not an answer. */
export const REPEAT_REQUESTS: ReadonlySet<string> = new Set([english.repeatRequest, spanish.repeatRequest]);
/** Lines asking for a case or reference number, in any language. */
export const REFERENCE_REQUESTS: ReadonlySet<string> = new Set(
  [english, spanish].flatMap((phrases) => [phrases.askForReference, phrases.askToNoteIt]),
);
