// The engine's rules for talking with a person. Each rule looks at the turn just heard and may add a
// piece to the reply. Primary rules combine (a code read back and a goodbye can share one reply);
// fallback rules answer only when no primary rule did, and the first fallback that matches wins.
// Phone menus, hold queues and voicemail are handled before these, by the line rules.
import { findCaseNumber, spellOut } from './policyCaseNumber.js';
import { commitmentsIn } from './policyCommitments.js';
import { greetsByName, HELLO, HELP_OFFER, soundsRecorded, SUPERVISOR, WHO_IS_CALLING, personIntroduces } from './policyCues.js';
import { askForSupervisor, fetchAccountHolder } from './policyEscalationRules.js';
import { factsAskedFor } from './policyFacts.js';
import { menuOptions } from './policyMenu.js';
import { isNextStep, nextStepsFrom, resolutionFrom } from './policyOutcome.js';
import { phrasesFor, REFERENCE_REQUESTS, REPEAT_REQUESTS } from './policyPhrases.js';
import { asksForInformation, plainText, splitSentences, words } from './policySentences.js';
import {
  hasCalled, recordedCaseNumber, saidSoFar, sinceLastTransfer, STAY_SILENT, type ReplyPart, type Rule, type Turn,
} from './policyTurn.js';
import { answerVerification, confirmReadBack } from './policyVerificationRules.js';

export type { ReplyPart, Rule, Turn } from './policyTurn.js';

export const REPEAT_REQUEST = phrasesFor('en').repeatRequest;
const MAX_REPEAT_REQUESTS = 2;

const ANYTHING_ELSE = /\b(?:anything|something|what) else\b|\b(?:algo mas|alguna otra cosa|otra consulta|otra cosa)\b/;
const FAREWELL =
  /\b(?:have a (?:great|good|nice|wonderful|lovely) (?:day|evening|afternoon|one)|good ?bye|bye|que tenga (?:un )?(?:buen|excelente|lindo|feliz) (?:dia|tarde|noche)|adios|hasta luego|que le vaya bien)\b/;
const WAIT_REQUEST =
  /\b(?:(?:one|a) (?:moment|second|sec|minute)|hold on|please hold|hold the line|bear with me|let me (?:check|look|see|pull)|un (?:momento|segundo|minuto)|permitame|deme un momento|dejeme (?:revisar|ver|verificar)|voy a (?:revisar|verificar))\b/;
const OFFER =
  /\b(?:would you like|do you want|can i offer|i can (?:offer|add|upgrade|switch|change|move)|shall i|should i|we can|le gustaria|quiere que|puedo ofrecerle|le puedo ofrecer|podemos)\b/;

const stem = (word: string) => word.replace(/e?s$/, '');
const saidSince = (turn: Turn, text: string) =>
  saidSoFar(sinceLastTransfer(turn.conversation)).some((said) => text.startsWith(said.replace(/…$/, '')));

/** A code the representative gave, unless it is one of ours read back ("your account number is ..."). */
function newCode(turn: Turn): string | null {
  const code = findCaseNumber(turn.heard);
  const ours = (turn.brief?.facts ?? []).map((fact) => fact.value.replace(/[^a-z0-9]/gi, '').toUpperCase());
  return code && !ours.includes(code) ? code : null;
}

export const readBack: Rule = {
  name: 'readBack',
  apply(turn) {
    const code = newCode(turn);
    const alreadySaid = saidSoFar(turn.conversation).join(' ');
    const promised = splitSentences(turn.heard)
      .filter(isNextStep)
      .flatMap((sentence) => commitmentsIn(sentence, turn.language))
      .filter((item) => !alreadySaid.includes(item));
    if (!code && promised.length === 0) return null;
    const nextSteps = code ? nextStepsFrom(turn.heardSoFar.slice(-2)) : splitSentences(turn.heard).filter(isNextStep);
    const caseNumber = code ?? recordedCaseNumber(turn.conversation);
    const outcome = {
      ...(caseNumber ? { caseNumber } : {}),
      ...(nextSteps?.length ? { nextSteps } : {}),
      resolved: resolutionFrom(turn.heardSoFar),
    };
    return {
      say: code ? turn.phrases.readBack(spellOut(code), promised) : turn.phrases.confirm(promised),
      toolCalls: [{ name: 'record_outcome', arguments: outcome }],
    };
  },
};

// A person answering (or a supervisor taking over) hears who we are and why we call.
const introduce: Rule = {
  name: 'introduce',
  apply(turn) {
    const { phrases, brief, plain } = turn;
    const restatement = phrases.restateForSupervisor(brief);
    const supervisorArrived =
      hasCalled(turn.conversation, 'escalate') && (SUPERVISOR.test(plain) || personIntroduces(plain)) && !saidSince(turn, restatement);
    if (supervisorArrived) return { say: restatement };
    const introduction = phrases.introduction(brief);
    const asked = factsAskedFor(turn.heard, brief?.facts ?? []);
    if (asked.known.length + asked.missing.length > 0) return null;
    if (HELP_OFFER.test(plain) || (greetsByName(plain) && !saidSince(turn, introduction))) return { say: introduction };
    return null;
  },
};

const identifyOurselves: Rule = {
  name: 'identifyOurselves',
  apply(turn, earlierParts) {
    if (!WHO_IS_CALLING.test(turn.plain)) return null;
    const customer = turn.brief?.onBehalfOf || turn.phrases.theCustomer;
    if (earlierParts.some((part) => part.say?.includes(customer))) return null;
    return { say: turn.phrases.whoWeAre(customer) };
  },
};

const declineWithoutCustomer: Rule = {
  name: 'declineWithoutCustomer',
  apply(turn) {
    const guarded = new Set((turn.brief?.neverAgreeTo ?? []).flatMap(words).filter((w) => w.length >= 4).map(stem));
    const offers = splitSentences(turn.heard).filter((sentence) => OFFER.test(plainText(sentence)));
    if (!offers.some((offer) => words(offer).some((word) => guarded.has(stem(word))))) return null;
    return { say: turn.phrases.notWithoutCustomer(turn.brief?.onBehalfOf || turn.phrases.theCustomer) };
  },
};

// Asks once for a reference before hanging up when none was recorded yet; a real agent would too.
export const closeTheCall: Rule = {
  name: 'closeTheCall',
  apply(turn, earlierParts) {
    const anythingElse = ANYTHING_ELSE.test(turn.plain);
    if (!anythingElse && !FAREWELL.test(turn.plain)) return null;
    const recorded =
      recordedCaseNumber(turn.conversation) !== null ||
      earlierParts.some((part) => part.toolCalls?.some((call) => call.name === 'record_outcome' && call.arguments.caseNumber));
    const askedBefore = saidSoFar(turn.conversation).some((said) => REFERENCE_REQUESTS.has(said));
    if (!recorded && !askedBefore) return { say: turn.phrases.askForReference };
    return {
      say: anythingElse ? turn.phrases.goodbyeNothingElse : turn.phrases.goodbye,
      toolCalls: [{ name: 'end_call', arguments: { reason: 'done' } }],
    };
  },
};

const answerHello: Rule = {
  name: 'answerHello',
  apply(turn, earlierParts) {
    if (earlierParts.length > 0 || !HELLO.test(turn.plain.trim())) return null;
    const introduction = turn.phrases.introduction(turn.brief);
    return { say: saidSince(turn, introduction) ? turn.phrases.stillHere : introduction };
  },
};

export const primaryRules: readonly Rule[] = [
  readBack,
  fetchAccountHolder,
  introduce,
  identifyOurselves,
  answerVerification,
  askForSupervisor,
  declineWithoutCustomer,
  closeTheCall,
  confirmReadBack,
  answerHello,
];

function repeatRequestsSinceUnderstood(conversation: Turn['conversation']): number {
  let count = 0;
  for (let i = conversation.length - 1; i >= 0; i--) {
    const entry = conversation[i];
    if (entry.kind === 'heard' && entry.text !== '') break;
    if (entry.kind === 'said' && REPEAT_REQUESTS.has(entry.text)) count++;
  }
  return count;
}

/** The latest thing on the line came from a machine (menu, announcement, queue), or followed our key press. */
function lastHeardWasRecorded(turn: Turn): boolean {
  const lastAction = [...turn.conversation].reverse().find((entry) => entry.kind === 'toolCall' || (entry.kind === 'said' && entry.text));
  if (lastAction?.kind === 'toolCall' && (lastAction.name === 'press_digits' || lastAction.name === 'wait_on_hold')) return true;
  const last = turn.heardSoFar.at(-1);
  return last !== undefined && (soundsRecorded(plainText(last)) || menuOptions(last).length > 0);
}

const askToRepeat: Rule = {
  name: 'askToRepeat',
  apply(turn) {
    if (turn.heard !== '') return null;
    // Music, tones and beeps after a recording are nobody talking; past the limit the agent stays quiet
    // rather than looping on noise it cannot understand.
    if (lastHeardWasRecorded(turn)) return STAY_SILENT;
    return repeatRequestsSinceUnderstood(turn.conversation) < MAX_REPEAT_REQUESTS ? { say: turn.phrases.repeatRequest } : STAY_SILENT;
  },
};

const unknownFact: Rule = {
  name: 'unknownFact',
  apply: (turn) => (splitSentences(turn.heard).some(asksForInformation) ? { say: turn.phrases.noInformation } : null),
};

const agreeToWait: Rule = {
  name: 'agreeToWait',
  apply: (turn) => (WAIT_REQUEST.test(turn.plain) ? { say: turn.phrases.takeYourTime } : null),
};

const acknowledge: Rule = {
  name: 'acknowledge',
  apply: (turn): ReplyPart => (soundsRecorded(turn.plain) ? STAY_SILENT : { say: turn.phrases.acknowledge }),
};

export const fallbackRules: readonly Rule[] = [askToRepeat, agreeToWait, unknownFact, acknowledge];
